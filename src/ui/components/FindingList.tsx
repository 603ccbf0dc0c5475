import * as React from "react";
import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Finding, SECTION_NAMES, SEVERITY_NAMES, addressToA1, describeEdit, describeChange } from "../../engine";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  section: { marginTop: "12px", marginBottom: "4px", fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    padding: "8px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorBrandStroke1}` },
  },
  head: { display: "flex", alignItems: "center", gap: "6px" },
  cell: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorBrandForeground1 },
  message: { whiteSpace: "pre-wrap", wordBreak: "break-word" },
  fix: { display: "flex", alignItems: "center", gap: "8px", flexWrap: "wrap" },
  change: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  details: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, width: "100%", "& td, & th": { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", verticalAlign: "top", textAlign: "left", width: "50%" } },
  figureRow: { backgroundColor: tokens.colorPaletteYellowBackground1 },
});

export interface FindingListProps {
  findings: Finding[];
  busy: boolean;
  onSelect(f: Finding): void;
  onApply(f: Finding): void;
  applyLabel?: string;
}

/** The findings, grouped by section in the form's order, errors (强制) before warnings (提示). */
export function FindingList({ findings, busy, onSelect, onApply, applyLabel = "应用" }: FindingListProps) {
  const s = useStyles();
  // Grouped by form (the department form, then each project form) and by section within it.
  const groups: { key: string; title: string; items: Finding[] }[] = [];
  for (const f of findings) {
    const key = `${f.form ?? ""}|${f.section}`;
    let g = groups.find((x) => x.key === key);
    if (!g) {
      g = { key, title: `${f.form ? `${f.form} · ` : ""}${SECTION_NAMES[f.section]}`, items: [] };
      groups.push(g);
    }
    g.items.push(f);
  }
  return (
    <div role="list" aria-label="校验结果" className={s.list}>
      {groups.map((g) => (
        <React.Fragment key={g.key}>
          <div role="presentation" className={s.section}>
            {g.title}（{g.items.length}）
          </div>
          {g.items.map((f, i) => (
            <div
              key={`${f.rule}-${f.cell.row}-${f.cell.col}-${i}`}
              role="listitem"
              tabIndex={0}
              className={s.item}
              aria-label={`${SEVERITY_NAMES[f.severity]} ${addressToA1(f.cell)} ${f.message}`}
              onClick={() => onSelect(f)}
              onKeyDown={(e) => {
                if ((e.key === "Enter" || e.key === " ") && !e.nativeEvent.isComposing && e.target === e.currentTarget) {
                  e.preventDefault();
                  onSelect(f);
                }
              }}
            >
              <div className={s.head}>
                <Badge appearance="filled" color={f.severity === "error" ? "danger" : f.severity === "warning" ? "warning" : "informative"}>
                  {SEVERITY_NAMES[f.severity]}
                </Badge>
                <span className={s.cell}>{addressToA1(f.cell)}</span>
              </div>
              <Text className={s.message}>{f.message}</Text>
              {f.details && f.detailNames && (
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
              {f.fix && f.fix.length > 0 && (
                <div className={s.fix}>
                  <span className={s.change}>{f.edit ? describeEdit(f.edit) : f.fix.map((c) => describeChange(c, 40)).join("；")}</span>
                  <Button
                    size="small"
                    appearance="outline"
                    disabled={busy}
                    aria-label={`${applyLabel} ${addressToA1(f.cell)}`}
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
          ))}
        </React.Fragment>
      ))}
    </div>
  );
}
