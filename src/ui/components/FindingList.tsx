import * as React from "react";
import { Badge, Button, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Finding, SECTION_NAMES, SEVERITY_NAMES, WorkbookSnapshot, addressToA1, passageInText, showChange, sortFindings } from "../../engine";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  form: { margin: "10px 0 2px", fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, wordBreak: "break-word" },
  section: { margin: "8px 0 2px", fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: "4px 8px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorBrandStroke1}` },
  },
  done: { padding: "6px 8px", borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorPaletteGreenBorder1}`, backgroundColor: tokens.colorPaletteGreenBackground1, fontSize: tokens.fontSizeBase200 },
  open: { backgroundColor: tokens.colorNeutralBackground1Selected, border: `1px solid ${tokens.colorBrandStroke2}` },
  cell: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorBrandForeground1, marginLeft: "4px", marginRight: "4px" },
  message: { whiteSpace: "pre-wrap", wordBreak: "break-word", fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  // Folded, a finding takes two lines of text: four or more fit a laptop's pane (1366×768 at 125%).
  clamp: { display: "-webkit-box", WebkitLineClamp: "2", WebkitBoxOrient: "vertical", overflow: "hidden", whiteSpace: "normal" },
  oneLine: { whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis", minWidth: 0, flexGrow: 1 },
  passage: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, wordBreak: "break-word", borderLeft: `3px solid ${tokens.colorNeutralStroke1}`, paddingLeft: "6px" },
  fix: { display: "flex", alignItems: "center", gap: "8px" },
  change: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, wordBreak: "break-word" },
  details: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, width: "100%", "& td, & th": { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", verticalAlign: "top", textAlign: "left", width: "50%" } },
  figureRow: { backgroundColor: tokens.colorPaletteYellowBackground1 },
});

/** A finding's identity in the list (the same finding keeps it across checks). */
export function findingKey(f: Finding): string {
  return `${f.rule}|${f.messageId}|${f.cell.sheet}:${f.cell.row}:${f.cell.col}|${f.quote ?? ""}`;
}

export interface FindingListProps {
  findings: Finding[];
  /** The workbook the findings were made on: fixes are shown as its cells show values. */
  snapshot?: WorkbookSnapshot;
  busy: boolean;
  onSelect(f: Finding): void;
  onApply(f: Finding): void;
  applyLabel?: string;
  /** A finding just fixed from its own 应用: its result is shown where it stood. */
  applied?: { finding: Finding; message: string };
  /** The forms' short names, by the label findings carry (the form's long label is said once, as a heading). */
  formNames?: Record<string, string>;
}

/**
 * The findings, grouped by form (its name said once) and by section in the form's order, errors
 * (强制) before warnings (提示). A finding about a passage of a long text quotes it with its neighbours.
 */
export function FindingList({ findings, snapshot, busy, onSelect, onApply, applyLabel = "应用", applied, formNames = {} }: FindingListProps) {
  const s = useStyles();
  // The finding last clicked unfolds: its whole message, the passage it is about, its whole fix.
  const [openKey, setOpenKey] = React.useState<string>();
  const choose = (f: Finding) => {
    setOpenKey(findingKey(f));
    onSelect(f);
  };
  const all = applied && !findings.some((f) => findingKey(f) === findingKey(applied.finding)) ? sortFindings([...findings, applied.finding]) : findings;
  const several = new Set(all.map((f) => f.form ?? "")).size > 1;
  const blocks: React.ReactNode[] = [];
  let form: string | undefined | null = null;
  let section: string | undefined;
  all.forEach((f, i) => {
    if (f.form !== form) {
      form = f.form;
      section = undefined;
      // One form: the summary above names it; several: each is named once, by its short name.
      if (several) blocks.push(<h2 key={`form-${i}`} className={s.form}>{f.form ? formNames[f.form] ?? f.form : "部门整体支出绩效自评表"}</h2>);
    }
    if (f.section !== section) {
      section = f.section;
      const count = all.filter((x) => x.form === f.form && x.section === f.section).length;
      blocks.push(<h3 key={`sec-${i}`} className={s.section}>{SECTION_NAMES[f.section]}（{count}）</h3>);
    }
    const key = findingKey(f);
    if (applied && key === findingKey(applied.finding)) {
      blocks.push(
        <div key={`done-${key}`} className={s.done} role="status">
          {addressToA1(f.cell)}：{applied.message}
        </div>,
      );
      if (!findings.some((x) => findingKey(x) === key)) return;
    }
    blocks.push(<FindingItem key={`${key}-${i}`} f={f} open={openKey === key} snapshot={snapshot} busy={busy} onSelect={choose} onApply={onApply} applyLabel={applyLabel} />);
  });
  return (
    <div aria-label="校验结果" role="region">
      <div role="list" aria-label="校验结果" className={s.list}>
        {blocks}
      </div>
    </div>
  );
}

function FindingItem({ f, open, snapshot, busy, onSelect, onApply, applyLabel }: { f: Finding; open: boolean; snapshot?: WorkbookSnapshot; busy: boolean; onSelect(f: Finding): void; onApply(f: Finding): void; applyLabel: string }) {
  const s = useStyles();
  const a1 = addressToA1(f.cell);
  // The passage of a long prose cell the finding is about, with what surrounds it.
  const raw = snapshot?.sheets[f.cell.sheet]?.cells[f.cell.row]?.[f.cell.col]?.v;
  const passage = typeof raw === "string" && raw.length > 80 ? passageInText(raw, f.quote) : undefined;
  const changes = (f.fix ?? []).map((c) => showChange(c, snapshot));
  const what = changes.map((c) => `${c.cell}：${c.before} → ${c.after}`).join("；");
  return (
    <div
      role="listitem"
      tabIndex={0}
      className={mergeClasses(s.item, open && s.open)}
      aria-label={`${SEVERITY_NAMES[f.severity]} ${a1} ${f.message}`}
      aria-expanded={open}
      onClick={() => onSelect(f)}
      onKeyDown={(e) => {
        if ((e.key === "Enter" || e.key === " ") && !e.nativeEvent.isComposing && e.target === e.currentTarget) {
          e.preventDefault();
          onSelect(f);
        }
      }}
    >
      <Text className={mergeClasses(s.message, !open && s.clamp)}>
        <Badge size="small" appearance="filled" color={f.severity === "error" ? "danger" : f.severity === "warning" ? "warning" : "informative"}>
          {SEVERITY_NAMES[f.severity]}
        </Badge>
        <span className={s.cell}>{a1}</span>
        {f.message}
      </Text>
      {open && passage && (
        <div className={s.passage} aria-label="所指的文字">
          {passage.before}
          <mark>{passage.passage}</mark>
          {passage.after}
        </div>
      )}
      {open && f.details && f.detailNames && (
        <table className={s.details} aria-label="两处不一致的句子">
          <thead>
            <tr>
              <th>{f.detailNames[0]}</th>
              <th>{f.detailNames[1]}</th>
            </tr>
          </thead>
          <tbody>
            {f.details.map((d, k) => (
              <tr key={k} className={d.figures ? s.figureRow : undefined}>
                <td>{d.a || "（无此句）"}</td>
                <td>{d.b || "（无此句）"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {changes.length > 0 && (
        <div className={s.fix}>
          <span className={mergeClasses(s.change, !open && s.oneLine)} title={what}>
            {changes.map((c, k) => (
              <span key={k}>
                {k > 0 && "；"}
                {c.cell}：「{c.before}」→「{c.after}」
              </span>
            ))}
          </span>
          <Button
            size="small"
            appearance="outline"
            disabled={busy}
            aria-label={`${applyLabel}：${what}`}
            onClick={(e) => {
              e.stopPropagation();
              onApply(f);
            }}
          >
            {applyLabel}
          </Button>
        </div>
      )}
    </div>
  );
}
