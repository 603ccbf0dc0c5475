import * as React from "react";
import { Button, Spinner, Switch, Text, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { Finding, foundForm } from "../engine";
import { Assistant, AssistantState } from "../app/assistant";
import { FindingList } from "./components/FindingList";
import { FormSummary } from "./components/FormSummary";
import { Strings, STRINGS } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px", padding: "12px", fontFamily: tokens.fontFamilyBase, minWidth: "280px" },
  toolbar: { display: "flex", flexWrap: "wrap", gap: "6px" },
  status: { color: tokens.colorNeutralForeground2, minHeight: "20px" },
  skipped: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200 },
  empty: { padding: "12px", color: tokens.colorNeutralForeground2 },
});

function useAssistant(assistant: Assistant): AssistantState {
  const [state, setState] = React.useState(assistant.current);
  React.useEffect(() => assistant.subscribe(setState), [assistant]);
  return state;
}

export interface AppProps {
  assistant: Assistant;
  /** Check as soon as the pane opens (the ribbon's 打开助手 and the before-save prompt do). */
  checkOnOpen?: boolean;
  /** Extra panels (建议, 模板) that other faces add below the findings. */
  children?: React.ReactNode;
  /** The controls' words (Chinese unless Office's display language is English). */
  strings?: Strings;
}

/** The task pane: the same in Excel, WPS and the demo; it only ever talks to the assistant. */
export function App({ assistant, checkOnOpen, children, strings = STRINGS.zh }: AppProps) {
  const s = useStyles();
  const t = strings;
  const state = useAssistant(assistant);
  const busy = state.status === "checking" || state.status === "applying";
  const analysis = state.analysis;
  React.useEffect(() => {
    if (checkOnOpen) void assistant.check();
  }, [assistant, checkOnOpen]);
  const fixes = analysis?.patch.changes.length ?? 0;
  const derived = analysis?.derivedPatch.changes.length ?? 0;
  const select = React.useCallback((f: Finding) => void assistant.select(f.cell), [assistant]);
  const apply = React.useCallback((f: Finding) => void assistant.applyFix(f.fix ?? []), [assistant]);

  return (
    <main className={s.root}>
      <Title3 as="h1">{t.title}</Title3>
      <div className={s.toolbar} role="toolbar" aria-label={t.toolbar}>
        <Button appearance="primary" disabled={busy} onClick={() => void assistant.check()}>
          {t.check}
        </Button>
        <Button disabled={busy || fixes === 0} onClick={() => void assistant.applyAll()}>
          {t.applyAll}
          {fixes ? `（${fixes}）` : ""}
        </Button>
        <Button disabled={busy || derived === 0} onClick={() => void assistant.fillDerived()}>
          {t.fillDerived}
        </Button>
        <Button disabled={busy || !state.canUndo} onClick={() => void assistant.undo()} title={state.undoLabel ? `${t.undo}：${state.undoLabel}` : undefined}>
          {t.undo}
        </Button>
      </div>
      <div className={s.status} role="status" aria-live="polite">
        {busy ? <Spinner size="tiny" label={state.status === "checking" ? t.checking : t.applying} /> : <Text>{state.message ?? t.idle}</Text>}
      </div>
      {state.skipped.length > 0 && (
        <ul className={s.skipped} aria-label={t.skipped}>
          {state.skipped.map((k, i) => (
            <li key={i}>{k.reason}</li>
          ))}
        </ul>
      )}
      <FormSummary analysis={analysis} />
      {assistant.canMark && analysis && foundForm(analysis) && (
        <Switch label={t.mark} checked={state.marking} disabled={busy} onChange={(_e, d) => void assistant.setMarking(d.checked)} />
      )}
      {analysis && foundForm(analysis) && analysis.findings.length === 0 && <div className={s.empty}>{t.none}</div>}
      {analysis && foundForm(analysis) && analysis.findings.length > 0 && <FindingList findings={analysis.findings} busy={busy} onSelect={select} onApply={apply} applyLabel={t.apply} />}
      {children}
    </main>
  );
}
