import type { Analysis } from "./analyze";
import { CellAddress, addressToA1 } from "./grid/address";
import type { WorkbookSnapshot } from "./grid/snapshot";
import type { FieldRef, TextRef } from "./form/model";
import { findMarkers } from "./narrative/numbering";
import { toChineseNumber } from "./narrative/text";
import { excerpt } from "./narrative/passage";

/**
 * What a cell is for, as far as the form tells: text is written only where text belongs (a prose
 * section, or an empty cell the form does not claim). A template written over a figure or a label
 * breaks the form, and the next check then blames the user for a missing label.
 */
export type CellPurpose =
  | { kind: "prose"; name: string }
  | { kind: "empty" }
  | { kind: "label"; name: string }
  | { kind: "figure"; name: string }
  | { kind: "derived"; name: string }
  | { kind: "formula" }
  | { kind: "text"; text: string };

const same = (a: CellAddress, b: CellAddress) => a.sheet === b.sheet && a.row === b.row && a.col === b.col;

/** The cell that holds a merged range's value: its first cell (a write elsewhere in it is hidden). */
export function anchorCell(snapshot: WorkbookSnapshot, at: CellAddress): CellAddress {
  const m = snapshot.sheets[at.sheet]?.merges.find((r) => at.row >= r.top && at.row <= r.bottom && at.col >= r.left && at.col <= r.right);
  return m ? { sheet: at.sheet, row: m.top, col: m.left } : at;
}

export function cellPurpose(analysis: Analysis, at: CellAddress): CellPurpose {
  const cell = anchorCell(analysis.snapshot, at);
  const prose: [TextRef | undefined, string][] = [];
  const labels: [CellAddress | undefined, string][] = [];
  const figures: [FieldRef | undefined, string][] = [];
  const form = analysis.form;
  if (form) {
    prose.push([form.goals.expected, "年度预期目标"], [form.goals.achieved, "年度目标完成情况"], [form.keyProject, "重点项目绩效自评报告"], [form.overall, "整体绩效自评结论"], [form.problems, "存在问题"], [form.measures, "改进措施"]);
    for (const t of form.tasks) {
      prose.push([t.goal, `主要任务「${t.name}」的目标`], [t.completion, `主要任务「${t.name}」的完成情况`]);
      labels.push([t.cell, "主要任务名称"]);
      figures.push([t.fund, "任务涉及资金"]);
      if (!t.fund) figures.push([{ cell: t.fundCell } as FieldRef, "任务涉及资金"]);
    }
    for (const i of form.indicators) {
      labels.push([i.nameCell, "关键指标名称"]);
      figures.push([{ cell: i.valueCell } as FieldRef, `指标「${i.name}」的完成情况`]);
    }
    for (const f of Object.values(form.funding)) figures.push([f, f?.label ?? "资金"]);
    for (const f of [form.header.department, form.header.year]) figures.push([f, f?.label ?? "表头"]);
  }
  for (const { form: p } of analysis.projects) {
    prose.push([p.goals.expected, "年度目标"], [p.goals.adjusted, "调整后的目标"], [p.goals.achieved, "目标完成情况"], [p.conclusion, "自评结论"], [p.problems, "存在问题"], [p.measures, "改进措施"]);
    for (const h of Object.values(p.header)) figures.push([h, h?.label ?? "表头"]);
    for (const row of p.funds) {
      labels.push([row.labelCell, row.label]);
      for (const c of Object.values(row.cells)) figures.push([c, `${row.label}的金额`]);
    }
    for (const i of p.indicators) {
      const name = i.level3 || i.level2;
      for (const [ref, what] of [[i.target, "指标值"], [i.actual, "完成值"], [i.adjustedTarget, "调整指标值"], [i.weight, "分值"], [i.coefficient, "得分系数"], [i.score, "得分"]] as const) figures.push([ref, `指标「${name}」的${what}`]);
      if (i.reason) prose.push([{ cell: i.reason.cell, raw: i.reason.text, text: i.reason.text, labelCell: i.reason.labelCell, label: i.reason.label }, `指标「${name}」的偏差原因`]);
    }
    figures.push([p.total, "总分"], [p.grade, "等级"], [p.weightTotal, "分值合计"]);
  }
  for (const [ref, name] of prose) {
    if (ref && same(ref.cell, cell)) return { kind: "prose", name };
    if (ref?.labelCell) labels.push([ref.labelCell, ref.label ?? name]);
  }
  for (const d of analysis.derived) if (same(d.cell, cell)) return { kind: "derived", name: d.derivation.name };
  for (const { scoring } of analysis.projects) for (const d of scoring.derived) if (same(d.cell, cell)) return { kind: "derived", name: d.derivation.name };
  for (const [ref, name] of figures) {
    if (ref?.labelCell) labels.push([ref.labelCell, ref.label]);
    if (ref && !ref.inline && same(ref.cell, cell)) return { kind: "figure", name };
  }
  for (const [at, name] of labels) if (at && same(at, cell)) return { kind: "label", name };
  const c = analysis.snapshot.sheets[cell.sheet]?.cells[cell.row]?.[cell.col];
  if (c?.f) return { kind: "formula" };
  if (c?.v === null || c?.v === undefined || (typeof c.v === "string" && c.v.trim() === "")) return { kind: "empty" };
  if (typeof c.v === "number") return { kind: "figure", name: "数字" };
  return { kind: "text", text: String(typeof c.v === "object" ? c.v.error : c.v) };
}

/** Why text may not be written into a cell, as one Chinese sentence; undefined when it may. */
export function insertionRefusal(purpose: CellPurpose, cell: CellAddress): string | undefined {
  const at = addressToA1(cell);
  const where = "文字只写入本表的文字栏目（如存在问题、改进措施）或空白单元格；请选中这样的单元格后再插入。";
  switch (purpose.kind) {
    case "prose":
    case "empty":
      return undefined;
    case "label":
      return `${at} 是表格的栏目名称「${purpose.name}」，写入会使表格无法识别。${where}`;
    case "figure":
      return `${at} 是${purpose.name}，不写入文字。${where}`;
    case "derived":
      return `${at} 是计算项「${purpose.name}」，由表中数字算出，不写入文字。${where}`;
    case "formula":
      return `${at} 是公式单元格，不写入文字。${where}`;
    case "text":
      return `${at} 不是本表的文字栏目（它写着「${excerpt(purpose.text, 16)}」）。${where}`;
  }
}

/**
 * The inserted text's items numbered on from what the cell already holds: after (六) comes (七),
 * never a second (一). Only the top-level markers at the starts of lines are renumbered, each in its
 * own style; sub-items keep theirs.
 */
export function continueNumbering(text: string, existing: string): string {
  const before = findMarkers(existing);
  const mine = findMarkers(text);
  if (before.length === 0 || mine.length === 0) return text;
  const top = Math.min(...mine.map((m) => m.level));
  const ours = mine.filter((m) => m.level === top && (m.index === 0 || text[m.index - 1] === "\n"));
  const theirs = before.filter((m) => m.level === top);
  if (ours.length === 0 || theirs.length === 0) return text;
  let n = Math.max(...theirs.map((m) => m.number));
  let out = "";
  let at = 0;
  for (const m of ours) {
    n += 1;
    const written = text.slice(m.index, m.index + m.raw.length);
    out += text.slice(at, m.index) + markerLike(written, m.style, n);
    at = m.index + m.raw.length;
  }
  return out + text.slice(at);
}

function markerLike(written: string, style: string, n: number): string {
  const [open, close] = written.startsWith("（") ? ["（", "）"] : ["(", ")"];
  switch (style) {
    case "cn-paren":
      return `${open}${toChineseNumber(n)}${close}`;
    case "cn-dun":
      return `${toChineseNumber(n)}、`;
    case "cn-shi":
      return `${toChineseNumber(n)}${written.slice(-1)}`;
    case "arabic-paren":
      return `${open}${n}${close}`;
    default:
      return `${n}${written.slice(-1)}`;
  }
}

/** Whether a cell already holds this text (numbering, spaces and placeholders aside): inserting it again asks first. */
export function alreadyHolds(cellText: string, text: string): boolean {
  const bare = (t: string) =>
    t
      .replace(/【待填[^】]*】/g, "")
      .replace(/[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、是]|\d{1,2}[.．、]/g, "")
      .replace(/\s+/g, "");
  const needle = bare(text);
  return needle.length >= 6 && bare(cellText).includes(needle);
}
