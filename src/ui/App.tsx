import * as React from "react";
import { Button, CounterBadge, Spinner, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Analysis, Finding, FORM_KIND_NAMES, findingsAsTsv, foundForm, formSubject, projectLabel } from "../engine";
import { ConsolidationController } from "../app/consolidation";
import { ConsolidationPanel } from "./components/ConsolidationPanel";
import { copyText } from "./clipboard";
import { Assistant, AssistantState } from "../app/assistant";
import { FindingList, findingKey } from "./components/FindingList";
import { FormSummary } from "./components/FormSummary";
import { Strings, STRINGS } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", padding: "0 8px 12px", fontFamily: tokens.fontFamilyBase, minWidth: "280px" },
  // The toolbar and what it last did stay in view while the findings scroll under them.
  head: { position: "sticky", top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1, paddingTop: "8px", paddingBottom: "4px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, display: "flex", flexDirection: "column", gap: "4px" },
  // Excel and WPS print the add-in's name over the pane: the heading is for screen readers only.
  title: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap", margin: 0 },
  // One row down to a 320 px pane: small buttons sized to their words.
  toolbar: { display: "flex", flexWrap: "nowrap", gap: "4px", "& > button": { minWidth: "auto", paddingLeft: "8px", paddingRight: "8px", whiteSpace: "nowrap", flexShrink: 0 } },
  status: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, minHeight: "16px" },
  done: { color: tokens.colorPaletteGreenForeground1 },
  skipped: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200, margin: 0, paddingLeft: "16px" },
  empty: { padding: "12px", color: tokens.colorNeutralForeground2 },
  help: { fontSize: tokens.fontSizeBase200, color: tokens.colorBrandForegroundLink },
  listBar: { display: "flex", alignItems: "center", gap: "8px", flexWrap: "wrap", fontSize: tokens.fontSizeBase200 },
  manual: { width: "100%", minHeight: "80px", fontSize: tokens.fontSizeBase100 },
});

function useAssistant(assistant: Assistant): AssistantState {
  const [state, setState] = React.useState(assistant.current);
  React.useEffect(() => assistant.subscribe(setState), [assistant]);
  return state;
}

export interface AppProps {
  assistant: Assistant;
  /** Check as soon as the pane opens (the ribbon's 打开助手, the before-save prompt and the demo do). */
  checkOnOpen?: boolean;
  /** Extra panels (建议, 模板) that other faces add below the findings. */
  children?: React.ReactNode;
  /** The controls' words (Chinese unless Office's display language is English). */
  strings?: Strings;
}

/** The short name of each form findings are grouped under: its subject (the project's name), not its long label. */
function formNames(analysis: Analysis | undefined, consolidation: AssistantState["consolidation"]): Record<string, string> {
  const names: Record<string, string> = {};
  if (consolidation?.total?.label) names[consolidation.total.label] = `汇总核对（${consolidation.units.length} 个单位）`;
  for (const p of analysis?.projects ?? []) {
    const who = formSubject(p.form);
    names[projectLabel(p.form)] = who ? `${who}（${p.form.sheetName}）` : `${FORM_KIND_NAMES[p.form.kind]}（${p.form.sheetName}）`;
  }
  return names;
}

/** The task pane: the same in Excel, WPS and the demo; it only ever talks to the assistant. */
export function App({ assistant, checkOnOpen, children, strings = STRINGS.zh }: AppProps) {
  const s = useStyles();
  const t = strings;
  const state = useAssistant(assistant);
  const busy = state.status === "checking" || state.status === "applying";
  const analysis = state.analysis;
  const found = !!analysis && foundForm(analysis);
  // The finding whose own 应用 was pressed: its result is said where it stood.
  const [applied, setApplied] = React.useState<{ finding: Finding; message: string }>();
  React.useEffect(() => {
    if (checkOnOpen) void assistant.check();
  }, [assistant, checkOnOpen]);
  const fixes = analysis?.patch.changes.length ?? 0;
  const derived = analysis?.derivedPatch.changes.length ?? 0;
  const select = React.useCallback((f: Finding) => void assistant.select(f.cell, f.quote), [assistant]);
  const apply = React.useCallback(
    async (f: Finding) => {
      setApplied(undefined);
      await assistant.applyFix(f.fix ?? [], `finding:${findingKey(f)}`);
      const done = assistant.current.lastAction;
      if (done?.origin === `finding:${findingKey(f)}`) setApplied({ finding: f, message: done.message });
    },
    [assistant],
  );
  const fromToolbar = (action: () => Promise<unknown>) => () => {
    setApplied(undefined);
    void action();
  };
  const names = React.useMemo(() => formNames(analysis, state.consolidation), [analysis, state.consolidation]);
  const consolidation = React.useMemo(() => new ConsolidationController(assistant), [assistant]);
  // 复制问题清单: the findings as a table that pastes into Excel and WPS as rows and columns.
  const [copied, setCopied] = React.useState<{ message: string; text?: string }>();
  const copyList = async () => {
    if (!analysis) return;
    const file = analysis.snapshot.fileName ?? "当前工作簿";
    const tsv = findingsAsTsv([{ file, snapshot: analysis.snapshot, findings: analysis.findings }]);
    const ok = await copyText(tsv);
    setCopied(ok ? { message: `已复制 ${analysis.findings.length} 条问题，可粘贴到 Excel 或 WPS 表格。` } : { message: "此处不允许写剪贴板：请选中下面的文字，按 Ctrl+C 复制。", text: tsv });
  };
  React.useEffect(() => setCopied(undefined), [analysis]);
  const toolbarResult = state.lastAction?.origin === "toolbar" ? state.lastAction.message : undefined;

  return (
    <main className={s.root}>
      <div className={s.head}>
        <h1 className={s.title}>{t.title}</h1>
        <div className={s.toolbar} role="toolbar" aria-label={t.toolbar}>
          <Button size="small" appearance="primary" disabled={busy} onClick={fromToolbar(() => assistant.check())}>
            {t.check}
          </Button>
          <Button size="small" disabled={busy || fixes === 0} onClick={fromToolbar(() => assistant.applyAll())} aria-label={fixes ? `${t.applyAll}（${fixes} 处）` : t.applyAll}>
            {t.applyAll}
            {fixes > 0 && <CounterBadge size="small" appearance="ghost" count={fixes} overflowCount={999} style={{ marginLeft: 2 }} />}
          </Button>
          <Button size="small" disabled={busy || derived === 0} onClick={fromToolbar(() => assistant.fillDerived())}>
            {t.fillDerived}
          </Button>
          <Button size="small" disabled={busy || !state.canUndo} onClick={fromToolbar(() => assistant.undo())} title={state.undoLabel ? `${t.undo}：${state.undoLabel}` : undefined}>
            {t.undo}
          </Button>
        </div>
        <div className={s.status} role="status" aria-live="polite">
          {busy ? (
            <Spinner size="extra-tiny" label={state.status === "checking" ? t.checking : t.applying} />
          ) : (
            <Text size={200}>
              {toolbarResult && <span className={s.done}>{toolbarResult}</span>}
              {state.status === "error" || !toolbarResult ? (state.message ?? t.idle) : state.message?.startsWith(toolbarResult) ? state.message.slice(toolbarResult.length) : state.message}
            </Text>
          )}
        </div>
        {state.skipped.length > 0 && (
          <ul className={s.skipped} aria-label={t.skipped}>
            {state.skipped.map((k, i) => (
              <li key={i}>
                {k.cell}：{k.reason}
              </li>
            ))}
          </ul>
        )}
      </div>
      <FormSummary analysis={analysis} />
      {assistant.canMark && found && <Switch label={t.mark} checked={state.marking} disabled={busy} onChange={(_e, d) => void assistant.setMarking(d.checked)} />}
      {found && analysis.findings.length === 0 && !applied && <div className={s.empty}>{t.none}</div>}
      {found && analysis.findings.length > 0 && (
        <div className={s.listBar}>
          <Button size="small" appearance="subtle" onClick={() => void copyList()}>
            复制问题清单
          </Button>
          {copied && <span role="status">{copied.message}</span>}
          {copied?.text && <textarea className={s.manual} readOnly value={copied.text} aria-label="问题清单" onFocus={(e) => e.currentTarget.select()} />}
        </div>
      )}
      {found && (analysis.findings.length > 0 || applied) && (
        <FindingList findings={analysis.findings} snapshot={analysis.snapshot} busy={busy} onSelect={select} onApply={(f) => void apply(f)} applyLabel={t.apply} applied={applied} formNames={names} />
      )}
      <ConsolidationPanel consolidation={consolidation} state={state} />
      {children}
      <a className={s.help} href="help.html" target="_blank" rel="noopener noreferrer">
        {t.help}
      </a>
    </main>
  );
}
