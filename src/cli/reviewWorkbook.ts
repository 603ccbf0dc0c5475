import ExcelJS from "exceljs";
import { Analysis, CONSOLIDATION_KIND_NAMES, FORM_KIND_NAMES, Finding, FindingRow, findingRows, foundForm, formSubject } from "../engine";

/**
 * The reviewer's workbook of `ziping check DIR --report 审核结果.xlsx`: sheet 汇总 with a row per
 * file, sheet 问题清单 with a row per finding (the same columns as the pane's 复制问题清单, from the
 * engine's findingRows). Written with ExcelJS: it is a new workbook, not a change to a user's file.
 */

export type Conclusion = "通过" | "需修改" | "无法读取";

/** One file's row of the 汇总 sheet, with its findings for the 问题清单. */
export interface ReviewEntry {
  file: string;
  who: string;
  year?: number | string;
  kind: string;
  /** 执行率 as a fraction. */
  rate?: number;
  total?: number;
  grade?: string;
  errors?: number;
  warnings?: number;
  conclusion: Conclusion;
  /** Why the file could not be used (无法读取). */
  reason?: string;
  rows: FindingRow[];
}

export const SUMMARY_COLUMNS = ["文件", "部门或项目", "年度", "表格类型", "执行率", "总分", "等级", "强制", "提示", "结论", "说明"] as const;
export const ISSUE_COLUMNS = ["文件", "工作表", "单元格", "栏目", "级别", "说明", "可自动修正"] as const;

/** The row of a file whose form was read; `extra` adds findings from outside the form's own pass (汇总核对). */
export function reviewEntry(file: string, a: Analysis, extra: Finding[] = []): ReviewEntry {
  if (!foundForm(a)) return unreadableEntry(file, a.recognition.reason ?? "未找到自评表");
  const findings = [...a.findings, ...extra];
  const errors = findings.filter((f) => f.severity === "error").length;
  const rows = findingRows([{ file, snapshot: a.snapshot, findings }]);
  const form = a.form;
  const main = a.projects[0];
  const kinds = [...(form ? [CONSOLIDATION_KIND_NAMES.department] : []), ...a.projects.map((p) => FORM_KIND_NAMES[p.form.kind])];
  const counts = new Map<string, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  const kind = [...counts.entries()].map(([k, n]) => (n > 1 ? `${k} ${n} 张` : k)).join(" + ");
  let rate: number | undefined;
  let total: number | undefined;
  let grade: string | undefined;
  let who: string;
  let year: number | string | undefined;
  if (form) {
    who = form.header.department?.text.trim() ?? "";
    year = form.header.yearNumber ?? (form.header.year?.text || undefined);
    rate = a.derived.find((d) => d.derivation.id === "completionRate")?.expected;
    if (rate === undefined) {
      const adj = form.funding.adjustedBudget?.quantity.value;
      const act = form.funding.actualSpending?.quantity.value;
      if (adj && act !== undefined) rate = act / adj;
    }
  } else {
    who = a.projects.map((p) => formSubject(p.form)).filter(Boolean).join("、");
    year = main.form.yearNumber;
    rate = main.scoring.executionRate;
    total = main.scoring.total;
    grade = main.scoring.grade;
  }
  return { file, who, year, kind, rate, total, grade, errors, warnings: findings.length - errors, conclusion: errors ? "需修改" : "通过", rows };
}

export function unreadableEntry(file: string, reason: string): ReviewEntry {
  return { file, who: "", kind: "", conclusion: "无法读取", reason, rows: findingRows([{ file, findings: [], unreadable: reason }]) };
}

/** Columns a text takes in a spreadsheet: CJK and other wide characters two. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

const ERROR_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
const UNREADABLE_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFEB9C" } };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };

/** Header row bold and frozen, filters on every column, widths that fit the text (CJK counted twice), long text wrapped. */
function finish(ws: ExcelJS.Worksheet, columns: readonly string[], rowCount: number, maxWidths: number[]): void {
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.alignment = { vertical: "middle", horizontal: "center" };
  });
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rowCount + 1), column: columns.length } };
  columns.forEach((name, i) => {
    const col = ws.getColumn(i + 1);
    let w = textWidth(name) + 4; // room for the filter button
    col.eachCell({ includeEmpty: false }, (cell) => {
      const shown = cell.numFmt?.includes("%") && typeof cell.value === "number" ? `${(cell.value * 100).toFixed(2)}%` : cell.text ?? "";
      for (const line of String(shown).split("\n")) w = Math.max(w, textWidth(line) + 2);
    });
    col.width = Math.min(w, maxWidths[i]);
    if (w > maxWidths[i]) col.alignment = { wrapText: true, vertical: "top" };
  });
}

/** The reviewer's workbook as bytes. */
export async function reviewWorkbookBytes(entries: ReviewEntry[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ZiPing 自评助手";
  wb.title = "自评表审核结果";
  const fixed = new Date();
  wb.created = fixed;
  wb.modified = fixed;

  const summary = wb.addWorksheet("汇总");
  summary.addRow([...SUMMARY_COLUMNS]);
  for (const e of entries) {
    const row = summary.addRow([e.file, e.who, e.year ?? null, e.kind, e.rate ?? null, e.total ?? null, e.grade ?? null, e.errors ?? null, e.warnings ?? null, e.conclusion, e.reason ?? null]);
    row.getCell(3).numFmt = "0";
    row.getCell(5).numFmt = "0.00%";
    row.getCell(6).numFmt = "0.00";
    row.getCell(8).numFmt = "0";
    row.getCell(9).numFmt = "0";
    if (e.conclusion !== "通过") {
      const fill = e.conclusion === "无法读取" ? UNREADABLE_FILL : ERROR_FILL;
      for (let c = 1; c <= SUMMARY_COLUMNS.length; c++) row.getCell(c).fill = fill;
    }
  }
  finish(summary, SUMMARY_COLUMNS, entries.length, [50, 40, 8, 36, 10, 9, 7, 7, 7, 9, 80]);

  const issues = wb.addWorksheet("问题清单");
  issues.addRow([...ISSUE_COLUMNS]);
  const rows = entries.flatMap((e) => e.rows);
  for (const r of rows) {
    const row = issues.addRow([r.file, r.sheet, r.cell, r.section, r.level, r.message, r.fix]);
    if (r.error) for (let c = 1; c <= ISSUE_COLUMNS.length; c++) row.getCell(c).fill = r.level === "无法读取" ? UNREADABLE_FILL : ERROR_FILL;
  }
  finish(issues, ISSUE_COLUMNS, rows.length, [50, 24, 8, 40, 10, 90, 50]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
