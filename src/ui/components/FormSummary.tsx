import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { Analysis, DerivedCell, FORM_KIND_NAMES, LOW_CONFIDENCE, ProjectAnalysis, addressToA1, formSubject } from "../../engine";

const useStyles = makeStyles({
  summary: { backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium, padding: "4px 8px", fontSize: tokens.fontSizeBase200 },
  // Folded, one line: the rest of the pane's height is the findings'.
  head: { cursor: "pointer", fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, padding: "2px 0", whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
  lines: { margin: "4px 0 2px", paddingLeft: "16px", display: "flex", flexDirection: "column", gap: "2px" },
  recomputed: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/**
 * Which form was found, or why none was: one line that unfolds. Folded, it leaves the pane's height to
 * the findings; unfolded it says what was read and, where a figure shown here is recomputed and the
 * sheet says otherwise, that it is recomputed and that the findings say where.
 */
export function FormSummary({ analysis }: { analysis?: Analysis }) {
  const s = useStyles();
  if (!analysis) return null;
  const form = analysis.form;
  if (!form && analysis.projects.length === 0) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>未找到自评表</MessageBarTitle>
          {analysis.recognition.reason}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const differing = analysis.derived.filter((d) => d.status === "mismatch" || d.status === "formula-wrong");
  return (
    <>
      {form && (
        <details className={s.summary} aria-label="已识别的表格">
          <summary className={s.head}>
            部门整体支出绩效自评表 · {form.header.department?.text || "（未填部门名称）"} · {form.header.year?.text || "（未填年度）"}
          </summary>
          <ul className={s.lines}>
            <li>
              工作表「{form.sheetName}」· 主要任务 {form.tasks.length} 项 · 关键指标 {form.indicators.length} 条
            </li>
            {analysis.derived.map((d) => (
              <li key={`${d.cell.row}:${d.cell.col}`}>
                {d.derivation.name} {addressToA1(d.cell)}：{d.display}
                {d.status === "ok" ? "" : <Recomputed d={d} className={s.recomputed} />}
              </li>
            ))}
            {differing.length > 0 && <li className={s.recomputed}>以上标「按表中数字重新计算」的数与表中所写不同，见下方问题。</li>}
          </ul>
        </details>
      )}
      {analysis.projects.map((p) => (
        <ProjectSummary key={`${p.form.sheet}:${p.form.region.top}`} p={p} />
      ))}
    </>
  );
}

function Recomputed({ d, className }: { d: DerivedCell; className: string }) {
  return <span className={className}>（按表中数字重新计算；表中{d.status === "empty" ? "未填" : `为 ${d.currentText || "（空）"}`}）</span>;
}

function ProjectSummary({ p }: { p: ProjectAnalysis }) {
  const s = useStyles();
  const f = p.form;
  const sc = p.scoring;
  const who = formSubject(f);
  const kind = FORM_KIND_NAMES[f.kind];
  // The figures shown here are recomputed from the sheet's own numbers; where the sheet says otherwise, say so.
  const written = (id: string) => sc.derived.find((d) => d.derivation.id === id && d.status !== "ok");
  const rate = written("project-rate-total");
  const total = written("project-total");
  const grade = f.grade?.text.trim();
  const gradeDiffers = !!grade && !!sc.grade && grade !== sc.grade;
  const recomputed = rate || total || gradeDiffers;
  return (
    <details className={s.summary} aria-label={`${kind} ${who}`}>
      <summary className={s.head}>
        {kind}
        {who ? `「${who}」` : ""}
        {sc.total !== undefined ? ` · 总分 ${sc.total.toFixed(2)}${sc.grade ? ` · ${sc.grade}` : ""}${recomputed ? "（重算）" : ""}` : ""}
      </summary>
      <ul className={s.lines}>
        <li>
          按「{f.family.name}」读取 · 工作表「{f.sheetName}」{f.region.top > 0 ? `第 ${f.region.top + 1} 行起` : ""} · 绩效指标 {f.indicators.length} 条
        </li>
        {f.yearNumber !== undefined && <li>被评价年度 {f.yearNumber} 年</li>}
        {sc.executionRate !== undefined && (
          <li>
            执行率 {(sc.executionRate * 100).toFixed(2)}%{rate && <Recomputed d={rate} className={s.recomputed} />}
          </li>
        )}
        {sc.budgetScore !== undefined && <li>预算执行得分 {sc.budgetScore.toFixed(2)}</li>}
        {sc.total !== undefined && (
          <li>
            总分 {sc.total.toFixed(2)}
            {sc.grade ? ` · 等级 ${sc.grade}` : ""}
            {total && <Recomputed d={total} className={s.recomputed} />}
            {gradeDiffers && <span className={s.recomputed}>（表中等级为「{grade}」）</span>}
          </li>
        )}
        {recomputed && <li className={s.recomputed}>标「按表中数字重新计算」的数与表中所写不同，见下方问题。</li>}
        {f.confidence < LOW_CONFIDENCE && <li className={s.recomputed}>识别把握不大：请核对下方的问题是否与表格相符；本地式样可在「表格式样」中导入说明文件。</li>}
      </ul>
    </details>
  );
}
