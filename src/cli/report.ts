import { Analysis, ProjectAnalysis, Finding, LOW_CONFIDENCE, SECTION_NAMES, SECTION_ORDER, SEVERITY_NAMES, WorkbookSnapshot, addressToA1, describeChange, describeChangeShown, formSubject } from "../engine";

export { describeChange };

export interface Counts {
  errors: number;
  warnings: number;
  fixable: number;
}

export function countFindings(a: Analysis): Counts {
  return {
    errors: a.findings.filter((f) => f.severity === "error").length,
    warnings: a.findings.filter((f) => f.severity !== "error").length,
    fixable: a.patch.changes.length,
  };
}

/** The lines on a table form: which family it was read as, what was read, its scores and grade. */
export function projectSummary(p: ProjectAnalysis): string {
  const f = p.form;
  const s = p.scoring;
  const where = f.region.top > 0 && f.title ? `工作表「${f.sheetName}」第 ${f.region.top + 1} 行起` : `工作表「${f.sheetName}」`;
  const who = formSubject(f);
  const parts = [`${where}：${f.family.name}${who ? `「${who}」` : ""}`, `绩效指标 ${f.indicators.length} 条`];
  if (s.executionRate !== undefined) parts.push(`执行率 ${(s.executionRate * 100).toFixed(2)}%`);
  if (s.budgetScore !== undefined) parts.push(`预算执行得分 ${s.budgetScore.toFixed(2)}`);
  if (s.total !== undefined) parts.push(`总分 ${s.total.toFixed(2)}${s.grade ? `（${s.grade}）` : ""}`);
  const lines = [parts.join(" · ")];
  if (f.confidence < LOW_CONFIDENCE) lines.push(`    识别把握不大（匹配度 ${Math.round(f.confidence * 100)}%）：${blocksRead(p)}。请核对表格是否完整，或用 --layout 说明本地式样。`);
  return lines.join("\n");
}

/** What was read of a table form, in a few words. */
export function blocksRead(p: ProjectAnalysis): string {
  const f = p.form;
  const parts: string[] = [];
  parts.push(f.titleText ? `标题「${f.titleText}」` : "没有标题");
  parts.push(f.funds.length ? `资金 ${f.funds.length} 行` : "没有读到资金表");
  parts.push(f.indicators.length ? `指标 ${f.indicators.length} 条` : "没有读到指标");
  parts.push(f.total ? `总分在 ${addressToA1(f.total.cell)}` : "没有读到总分");
  return `读到${parts.join("、")}`;
}

/** A finding's fix in a few words, as the sheet shows the values: 「G6：（空） → -10,145.17」, a text by a short excerpt. */
export function fixText(f: Finding, snapshot?: WorkbookSnapshot): string {
  return f.fix?.length ? `（可自动修正：${f.fix.map((c) => describeChangeShown(c, snapshot)).join("，")}）` : "";
}

/** The human report of one file, in Chinese, grouped by section, errors first. */
export function humanReport(file: string, a: Analysis, verbose = false): string {
  const lines: string[] = [];
  lines.push(`检查：${file}`);
  const form = a.form;
  if (!form && a.projects.length === 0) {
    lines.push(`  ${a.recognition.reason ?? "未找到自评表。"}`);
    return lines.join("\n");
  }
  if (form) {
    const dept = form.header.department?.text || "（未填部门名称）";
    const year = form.header.year?.text || "（未填年度）";
    lines.push(`  工作表「${form.sheetName}」：部门整体支出绩效自评表（匹配度 ${Math.round(form.confidence * 100)}%）`);
    lines.push(`  ${dept} · 被评价年度 ${year} · 主要任务 ${form.tasks.length} 项 · 关键指标 ${form.indicators.length} 条`);
    if (a.derived.length) {
      const parts = a.derived.map((d) => `${d.derivation.name} ${addressToA1(d.cell)} = ${d.display} ${d.status === "ok" ? "✓" : "✗"}`);
      lines.push(`  运算项：${parts.join("；")}`);
    }
  }
  for (const p of a.projects) lines.push(`  ${projectSummary(p)}`);
  const groups: { form?: string; section: (typeof SECTION_ORDER)[number] }[] = [];
  for (const f of a.findings) if (!groups.some((g) => g.form === f.form && g.section === f.section)) groups.push({ form: f.form, section: f.section });
  for (const { form: formLabel, section } of groups) {
    const fs = a.findings.filter((f) => f.section === section && f.form === formLabel);
    if (fs.length === 0) continue;
    lines.push("");
    lines.push(`  【${formLabel ? `${formLabel} · ` : ""}${SECTION_NAMES[section]}】`);
    for (const f of fs) {
      lines.push(`    ${SEVERITY_NAMES[f.severity]}  ${addressToA1(f.cell).padEnd(5)} ${f.message}${fixText(f, a.snapshot)}${verbose ? `  [${f.rule}]` : ""}`);
      if (f.details && f.detailNames) {
        for (const d of f.details) {
          lines.push(`          ${d.figures ? "◆" : "·"} ${f.detailNames[0]}：${d.a || "（无此句）"}`);
          lines.push(`            ${f.detailNames[1]}：${d.b || "（无此句）"}`);
        }
      }
    }
  }
  const c = countFindings(a);
  lines.push("");
  lines.push(`  小结：强制 ${c.errors} 项，提示 ${c.warnings} 项，可自动修正 ${c.fixable} 处${c.errors === 0 ? "；没有强制问题" : ""}`);
  return lines.join("\n");
}

/** Pads by display width: CJK characters take two columns in a terminal. */
export function padWidth(s: string, width: number): string {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return s + " ".repeat(Math.max(0, width - w));
}

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

/** One file's line in the summary table of a folder. */
export interface SummaryRow {
  file: string;
  /** The department, or the project names. */
  who: string;
  year: string;
  errors: string;
  warnings: string;
  result: string;
}

const SUMMARY_COLUMNS: [keyof SummaryRow, string][] = [
  ["file", "文件"],
  ["who", "部门"],
  ["year", "年度"],
  ["errors", SEVERITY_NAMES.error],
  ["warnings", SEVERITY_NAMES.warning],
  ["result", "结果"],
];

/** The summary table printed when several files are checked. */
export function summaryTable(summaries: SummaryRow[]): string {
  const header = SUMMARY_COLUMNS.map(([, name]) => name);
  const rows = summaries.map((r) => SUMMARY_COLUMNS.map(([key]) => r[key]));
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.min(40, Math.max(...all.map((r) => displayWidth(r[i] ?? "")))));
  const fit = (s: string, w: number) => {
    let out = "";
    let used = 0;
    for (const ch of s) {
      const cw = /[\u1100-\uffff]/.test(ch) ? 2 : 1;
      if (used + cw > w) {
        out = out.slice(0, -1) + "…";
        break;
      }
      out += ch;
      used += cw;
    }
    return padWidth(out, w);
  };
  const line = (r: string[]) => r.map((c, i) => fit(c ?? "", widths[i])).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
