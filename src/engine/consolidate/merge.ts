import { CellAddress, addressToA1, sameCell } from "../grid/address";
import { CellValue } from "../grid/snapshot";
import { roundHalfAwayFromZero } from "../formula/evaluate";
import { formatMoney } from "../derive/derive";
import { applyPatchToSnapshot } from "../patch";
import { ProjectForm } from "../form/projectModel";
import { TextRef } from "../form/model";
import { AnalyzeOptions, analyze } from "../analyze";
import { ConsolidatedUnit, ConsolidationUnit, UnitProblem, checkFigure, inInputOrder, mostCommon, sameYear, vetUnits } from "./check";
import { ConsolidationForm, FIGURE_COLS, FIGURE_ROWS, FormItemGroup, PROSE_FALLBACK, PROSE_NAMES, ProseKey, consolidationForm, itemGroupsOf, proseOf } from "./forms";

/**
 * The plan of a draft 汇总 form, written in the layout of the first unit's form (its workbook is the
 * template): every funding figure summed, the derived cells as formulas, each unit's tasks and
 * indicators listed under its name in place of the template's own, each prose section gathered
 * under unit headings. Pure: it says what to write where; the CLI writes it (src/cli/mergeWorkbook).
 * Addresses are the template's, before its task / indicator rows are replaced.
 */

export interface MergeWrite {
  cell: CellAddress;
  value: CellValue;
  formula?: string;
  /** A number format to give the cell (only where its own does not show the value right). */
  numFmt?: string;
  /** What the write is, in Chinese (for the CLI's listing). */
  what: string;
}

export interface MergeBodyCell {
  col: number;
  value: CellValue;
  numFmt?: string;
  /** The cell spans these columns (to the right, inclusive) and this many rows (1 = its own row). */
  right?: number;
  rows?: number;
}

export interface MergeBodyRow {
  /** unit: a heading naming the unit; item: a task's or an indicator's row. */
  kind: "unit" | "item";
  cells: MergeBodyCell[];
}

/** The rows of the template's task / indicator table that the units' items replace. */
export interface MergeBody {
  /** First and last row (0-based) of the template's rows to replace. */
  firstRow: number;
  lastRow: number;
  /** The table's columns. */
  left: number;
  right: number;
  rows: MergeBodyRow[];
}

export interface MergePlan {
  template: { file: string; sheet: number; sheetName: string; layout: string; layoutName: string; kind: ConsolidationForm["kind"] };
  /** The name written for the 一级预算部门 (or a placeholder to fill). */
  name: string;
  year?: number;
  units: { file: string; name: string }[];
  unitProblems: UnitProblem[];
  writes: MergeWrite[];
  body?: MergeBody;
  /** What could not be carried over, in Chinese, one line each. */
  notCarried: string[];
}

/** Excel keeps at most this many characters in a cell. */
export const CELL_TEXT_LIMIT = 32767;

const CN_NUMBERS = "一二三四五六七八九十";
function cnNumber(n: number): string {
  if (n <= 10) return CN_NUMBERS[n - 1];
  if (n < 20) return `十${CN_NUMBERS[n - 11]}`;
  if (n < 100) return `${CN_NUMBERS[Math.floor(n / 10) - 1]}十${n % 10 ? CN_NUMBERS[(n % 10) - 1] : ""}`;
  return String(n);
}

/** The 一级预算部门's name from its 本级's (「XX局（本级）」 → 「XX局」), or a placeholder to fill. */
export function consolidatedName(units: { name: string }[]): string {
  for (const u of units) {
    const m = /^(.+?)\s*[(（]?\s*本级\s*[)）]?\s*$/.exec(u.name.trim());
    if (m && m[1].trim()) return m[1].trim();
  }
  return "【待填：一级预算部门名称】";
}

/**
 * Plans the draft. Returns a reason instead when no unit holds a form to start from. Unit files
 * that cannot be counted are said by file (as checkConsolidation says them) and left out.
 */
export function planMerge(inputs: ConsolidationUnit[], options: AnalyzeOptions = {}): MergePlan | { reason: string; unitProblems: UnitProblem[] } {
  const first = inputs.find((u) => u.analysis && consolidationForm(u.analysis));
  if (!first) {
    const { problems } = vetUnits(inputs, "department");
    return { reason: "给出的文件中没有一份能读出自评表，无法生成汇总表。", unitProblems: problems };
  }
  const template = consolidationForm(first.analysis!)!;
  const { candidates, problems } = vetUnits(inputs, template.kind);
  const years = candidates.filter((c) => c.year !== undefined).map((c) => c.year!);
  const reference = years.length ? mostCommon(years, template.year) : undefined;
  const units = sameYear(candidates, reference, problems);
  const templateUnit = units.find((u) => u.file === first.file) ?? units[0];
  const notCarried: string[] = [];
  if (!templateUnit) return { reason: "没有可以汇总的单位文件。", unitProblems: inInputOrder(problems, inputs) };
  const base = templateUnit.form;
  const analysis = inputs.find((u) => u.file === templateUnit.file)!.analysis!;
  if (templateUnit.file !== first.file) notCarried.push(`「${first.file}」未计入汇总，草稿改用「${templateUnit.file}」的表格式样`);
  const writes: MergeWrite[] = [];
  const toUnit = base.moneyUnit === "元" ? 10000 : 1;

  // 1. The figures: each summed over the units, or left blank where a unit's layout lacks it.
  const figureWrites: MergeWrite[] = [];
  for (const row of FIGURE_ROWS) {
    for (const col of FIGURE_COLS) {
      const f = base.figures.get(`${row}.${col}`);
      if (!f) continue;
      const c = checkFigure(f, units, base, "");
      if (c.complete) {
        figureWrites.push({ cell: f.field.cell, value: roundHalfAwayFromZero(c.sum * toUnit, 2), numFmt: f.field.source?.fmt ? undefined : "#,##0.00", what: `「${f.label}」= 各单位之和 ${formatMoney(c.sum * toUnit)}` });
      } else {
        const missing = c.parts.filter((p) => p.value === undefined).map((p) => `${p.name || p.file}`);
        figureWrites.push({ cell: f.field.cell, value: null, what: `「${f.label}」留空` });
        notCarried.push(`「${f.label}」（${addressToA1(f.field.cell)}）没有汇总，已留空待填：${missing.join("、")}的表中没有这一项`);
      }
    }
  }
  writes.push(...figureWrites);

  // 2. The derived cells, as formulas over the summed figures (judged again on the summed form).
  const patched = applyPatchToSnapshot(analysis.snapshot, { changes: figureWrites.map((w) => ({ cell: w.cell, expected: { value: analysis.snapshot.sheets[w.cell.sheet]?.cells[w.cell.row]?.[w.cell.col]?.v ?? null, formula: analysis.snapshot.sheets[w.cell.sheet]?.cells[w.cell.row]?.[w.cell.col]?.f }, value: w.value, source: "merge" })) }).snapshot;
  const again = analyze(patched, options);
  const derived = base.form.template === "department" ? again.derived : again.projects.find((p) => p.form.sheet === base.sheet && p.form.region.top === (base.form as ProjectForm).region.top)?.scoring.derived ?? [];
  for (const d of derived) {
    const budget = base.form.template === "department" || /^project-(total-|rate-|budget-score)/.test(d.derivation.id);
    if (!budget) continue;
    const i = writes.findIndex((w) => sameCell(w.cell, d.cell));
    if (i >= 0) {
      // 年度资金总额 as the sum of its rows: a formula where the units' rows add up to their totals.
      const summed = writes[i].value;
      if (typeof summed === "number" && Math.abs(summed - d.expected) > 0.005 + 1e-9) {
        notCarried.push(`「${d.derivation.name}」各单位合计 ${formatMoney(summed)}，与各分项之和 ${formatMoney(d.expected)} 不符：按各单位合计填写，未改为公式，请核对`);
        continue;
      }
      writes.splice(i, 1);
    }
    const src = patched.sheets[d.cell.sheet]?.cells[d.cell.row]?.[d.cell.col];
    const fmt = src?.fmt;
    const numFmt = d.derivation.kind === "rate" ? (fmt && fmt.includes("%") ? undefined : "0.00%") : fmt ? undefined : d.derivation.kind === "score" ? "0.00" : "#,##0.00";
    writes.push({ cell: d.cell, value: d.expected, formula: d.formula, numFmt, what: `「${d.derivation.name}」= ${d.formula}` });
  }

  // 3. The header: the 一级预算部门's name; scores and grades of a scored table are the officer's to set.
  const name = consolidatedName(units);
  if (base.nameField && !base.nameField.inline) writes.push({ cell: base.nameField.cell, value: name, what: `名称：${name}` });
  else notCarried.push(`表中名称的格子未能识别，请自行填写汇总单位名称「${name}」`);
  if (name.startsWith("【待填")) notCarried.push("没有找到名称带「本级」的单位，一级预算部门的名称请自行填写");
  if (base.form.template === "project") {
    const pf = base.form;
    for (const f of [pf.total, pf.grade]) if (f) writes.push({ cell: f.cell, value: null, what: `「${f.label}」留空` });
    if (pf.total || pf.grade) notCarried.push("总分、等级没有带过来：汇总表的指标分值需重新确定后再评分");
    if (pf.inlineParts.length) notCarried.push(`写在标签格里的金额（${pf.inlineParts.map((p) => addressToA1(p.cell)).join("、")}，如「${pf.inlineParts[0].label}」）仍是「${templateUnit.file}」的，请按汇总数改写`);
    if (pf.indicators.some((i) => i.weight || i.score)) notCarried.push("各单位的指标分值、得分按原表列出，合计不再是 100 分；请按汇总后的指标重新分配分值");
  }

  // 4. The prose: each section gathered under unit headings.
  const baseProse = proseOf(base);
  for (const key of Object.keys(baseProse) as ProseKey[]) {
    const target = baseProse[key];
    if (!target) continue;
    const pieces: string[] = [];
    for (const u of units) {
      const prose = proseOf(u.form);
      const own = prose[key] ?? (PROSE_FALLBACK[key] ?? []).map((k) => prose[k]).find((t): t is TextRef => !!t);
      const text = own?.text.trim();
      if (text) pieces.push(`【${u.name || u.file}】\n${text}`);
    }
    let value = pieces.join("\n\n");
    if (value.length > CELL_TEXT_LIMIT) {
      value = `${value.slice(0, CELL_TEXT_LIMIT - 40)}\n……（超出单元格长度，其余未带过来）`;
      notCarried.push(`「${PROSE_NAMES[key]}」各单位合计超过 ${CELL_TEXT_LIMIT} 字，超出部分未带过来`);
    }
    writes.push({ cell: target.cell, value: value || null, what: `「${PROSE_NAMES[key]}」按单位汇集` });
  }
  for (const u of units) {
    const own = proseOf(u.form);
    for (const key of Object.keys(own) as ProseKey[]) {
      const t = own[key];
      if (!t || !t.text.trim()) continue;
      const lands = baseProse[key] || (Object.keys(baseProse) as ProseKey[]).some((k) => baseProse[k] && (PROSE_FALLBACK[k] ?? []).includes(key) && !own[k]);
      if (!lands) notCarried.push(`${u.name || u.file}（${u.file}）的「${PROSE_NAMES[key]}」在汇总表的式样中没有对应栏目，未带过来`);
    }
  }

  // 5. The tasks and indicators, each unit's under its name.
  const body = base.form.template === "department" ? departmentBody(base, units, notCarried) : tableBody(base, units, notCarried);
  for (const u of units) {
    if (u.form.layout === base.layout) continue;
    const how =
      u.form.form.template === base.form.template ? "栏目按名称对应带过来，请核对"
      : u.form.form.template === "department" ? "其主要任务列为二级指标、关键指标列为三级指标，任务的预期目标和涉及资金未带过来"
      : "其绩效指标列在一个待填名称的任务下，指标值、分值、得分未带过来";
    notCarried.push(`${u.name || u.file}（${u.file}）是「${u.form.layoutName}」，与汇总表的式样不同：${how}`);
  }
  for (const u of units) {
    const a = inputs.find((x) => x.file === u.file)!.analysis!;
    const others = (a.form && u.form.form !== a.form ? 1 : 0) + a.projects.filter((p) => p.form !== u.form.form).length;
    if (others) notCarried.push(`${u.name || u.file}（${u.file}）中另有 ${others} 张表（如项目支出绩效自评表），未汇总`);
  }

  return {
    template: { file: templateUnit.file, sheet: base.sheet, sheetName: base.sheetName, layout: base.layout, layoutName: base.layoutName, kind: base.kind },
    name,
    year: reference,
    units: units.map((u) => ({ file: u.file, name: u.name })),
    unitProblems: inInputOrder(problems, inputs),
    writes,
    body,
    notCarried,
  };
}

/** The 广州 task table: per unit a heading row, then its tasks (number, name, goal, completion, fund) over their indicator rows. */
function departmentBody(base: ConsolidationForm, units: ConsolidatedUnit[], notCarried: string[]): MergeBody | undefined {
  const form = base.form;
  if (form.template !== "department" || !form.table) {
    notCarried.push("模板表中没有读到主要任务表，各单位的任务和指标未带过来");
    return undefined;
  }
  const t = form.table;
  const [l, r] = t.taskCols;
  const cols = [l, r, t.goalCol, t.completionCol, t.indicatorCol, t.valueCol, t.fundCol].filter((c): c is number => c !== undefined);
  const left = Math.min(...cols);
  const right = Math.max(...cols);
  const rows: MergeBodyRow[] = [];
  let number = 0;
  units.forEach((u, i) => {
    rows.push({ kind: "unit", cells: [{ col: left, value: `${cnNumber(i + 1)}、${u.name || u.file}`, right }] });
    const groups: FormItemGroup[] = itemGroupsOf(u.form);
    if (groups.length === 0) notCarried.push(`${u.name || u.file}（${u.file}）的表中没有读到主要任务或绩效指标`);
    for (const g of groups) {
      number++;
      const n = Math.max(1, g.indicators.length);
      const span = (col: number | undefined, value: CellValue, extra: Partial<MergeBodyCell> = {}): MergeBodyCell[] => (col === undefined ? [] : [{ col, value, rows: n, ...extra }]);
      const name = g.name || "【待填：任务名称】";
      const first: MergeBodyCell[] = l === r ? span(l, `${number} ${name}`) : [...span(l, String(number)), ...span(l + 1, name, r > l + 1 ? { right: r } : {})];
      first.push(...span(t.goalCol, g.goal ?? null), ...span(t.completionCol, g.completion ?? null));
      first.push(...span(t.fundCol, g.fund !== undefined ? roundHalfAwayFromZero(g.fund, 2) : null, { numFmt: "#,##0.00" }));
      const indicatorCells = (k: number): MergeBodyCell[] => {
        const ind = g.indicators[k];
        if (!ind) return [];
        const name = ind.level2 && !g.name ? `${ind.level2}：${ind.name}` : ind.name;
        return [
          { col: t.indicatorCol, value: name || null },
          { col: t.valueCol, value: ind.actual || null },
        ];
      };
      rows.push({ kind: "item", cells: [...first, ...indicatorCells(0)] });
      for (let k = 1; k < n; k++) rows.push({ kind: "item", cells: indicatorCells(k) });
    }
  });
  return { firstRow: t.headerRow + 1, lastRow: Math.max(t.lastRow, t.headerRow + 1), left, right, rows };
}

/** A table form's indicator table: per unit a heading row, then its indicators one a row. */
function tableBody(base: ConsolidationForm, units: ConsolidatedUnit[], notCarried: string[]): MergeBody | undefined {
  const form = base.form as ProjectForm;
  if (form.indicators.length === 0) {
    notCarried.push("模板表中没有读到绩效指标表，各单位的指标未带过来");
    return undefined;
  }
  const block = form.blocks.find((b) => b.kind === "indicators");
  const col: Record<string, number> = {};
  for (const [k, a] of Object.entries(block?.cells ?? {})) col[k] = a.col;
  const first = form.indicators[0];
  col.target ??= first.target.cell.col;
  col.actual ??= first.actual.cell.col;
  if (first.weight) col.weight ??= first.weight.cell.col;
  if (first.score) col.score ??= first.score.cell.col;
  if (first.reason) col.reason ??= first.reason.cell.col;
  const cols = Object.values(col);
  const left = Math.min(...cols);
  const right = Math.max(...cols);
  const rowsOf = form.indicators.map((i) => i.row);
  const rows: MergeBodyRow[] = [];
  units.forEach((u, i) => {
    rows.push({ kind: "unit", cells: [{ col: left, value: `${cnNumber(i + 1)}、${u.name || u.file}`, right }] });
    const groups = itemGroupsOf(u.form);
    if (groups.length === 0) notCarried.push(`${u.name || u.file}（${u.file}）的表中没有读到主要任务或绩效指标`);
    for (const g of groups) {
      for (const ind of g.indicators) {
        const cells: MergeBodyCell[] = [];
        const put = (key: string, value: string | undefined) => {
          if (col[key] !== undefined && value) cells.push({ col: col[key], value });
        };
        put("level1", ind.level1);
        put("level2", g.name ? g.name : ind.level2);
        put("level3", ind.name);
        put("nature", ind.nature);
        put("target", ind.target);
        put("unit", ind.unit);
        put("actual", ind.actual);
        put("weight", ind.weight);
        put("score", ind.score);
        put("reason", ind.reason);
        // Numbers stay numbers (a weight of 10, a target of 100).
        for (const c of cells) if (typeof c.value === "string" && /^-?\d+(\.\d+)?$/.test(c.value.trim())) c.value = Number(c.value);
        rows.push({ kind: "item", cells });
      }
    }
  });
  // The template's own rows left under its indicators (「指标2：」「……」 to fill) go with them.
  const last = Math.max(...rowsOf, block && block.lastRow < (form.total?.cell.row ?? Infinity) ? block.lastRow : -1);
  return { firstRow: Math.min(...rowsOf), lastRow: last, left, right, rows };
}
