import { WorkbookSnapshot } from "../grid/snapshot";
import { addressToA1 } from "../grid/address";
import { FieldRef } from "../form/model";
import { ProjectForm, ProjectIndicator, FundColKey } from "../form/projectModel";
import { roundHalfAwayFromZero } from "../formula/evaluate";
import { DerivedCell, judge } from "./derive";

/** 财预〔2020〕10号 grades: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below. */
export function gradeOf(total: number): "优" | "良" | "中" | "差" {
  return total >= 90 ? "优" : total >= 80 ? "良" : total >= 60 ? "中" : "差";
}

/**
 * A quantitative indicator's score, w the weight, A the target, B the actual:
 *   正向 (≥): B ≥ A → w, else round(B/A·w, 2)
 *   反向 (≤): B ≤ A → w; A < B < 2A → round((1 − (B−A)/A)·w, 2); B ≥ 2A → 0
 *   等于 (=): as 正向 when A > 0; when A = 0, B ≤ 0 → w, else 0
 */
export function indicatorScore(nature: ">=" | "<=" | "=", w: number, a: number, b: number): number {
  if (nature === "<=") {
    if (b <= a) return w;
    if (a <= 0 || b >= 2 * a) return 0;
    return roundHalfAwayFromZero((1 - (b - a) / a) * w, 2);
  }
  if (nature === "=" && a === 0) return b <= 0 ? w : 0;
  if (b >= a) return w;
  if (a <= 0) return 0;
  return Math.max(0, roundHalfAwayFromZero((b / a) * w, 2));
}

/** The band a qualitative indicator's score must fall in, as shares of its weight. */
export function qualitativeBand(actual: string): { name: string; min: number; max: number } | undefined {
  if (/未达成|未完成|效果较差/.test(actual)) return { name: "未达成", min: 0, max: 0.6 };
  if (/部分达成|基本达成|部分完成|基本完成/.test(actual)) return { name: "部分达成", min: 0.6, max: 0.8 };
  if (/达成|完成|达到|实现|良好|优|满意/.test(actual)) return { name: "达成", min: 0.8, max: 1 };
  return undefined;
}

function num(f: FieldRef | undefined): number | undefined {
  return f && f.quantity.kind === "number" ? f.quantity.value : undefined;
}

export interface IndicatorScoring {
  indicator: ProjectIndicator;
  /** The computed score, for quantitative indicators with a weight, target and actual. */
  expected?: number;
  /** Whether the target was missed (for the 偏差原因 check). */
  missed: boolean;
  band?: { name: string; min: number; max: number };
}

export interface ProjectScoring {
  derived: DerivedCell[];
  indicators: IndicatorScoring[];
  budgetScore?: number;
  budgetWeight?: number;
  executionRate?: number;
  total?: number;
  grade?: string;
  weightSum: number;
}

/** Everything a project form computes: fund totals, 执行率, the budget score, indicator scores, 总分 and grade. */
export function scoreProject(form: ProjectForm, snapshot: WorkbookSnapshot): ProjectScoring {
  const sheet = snapshot.sheets[form.sheet];
  const derived: DerivedCell[] = [];
  const totalRow = form.funds.find((r) => r.key === "total");
  const parts = form.funds.filter((r) => r.key !== "total");
  // 年度资金总额 = the sum of its rows, column by column.
  if (totalRow) {
    for (const col of ["initial", "annual", "actual"] as FundColKey[]) {
      const target = totalRow.cells[col];
      const cells = parts.map((p) => p.cells[col]).filter((c): c is FieldRef => !!c);
      const values = cells.map(num);
      if (!target || cells.length === 0 || values.every((v) => v === undefined)) continue;
      const expected = roundHalfAwayFromZero(values.reduce<number>((s, v) => s + (v ?? 0), 0), 2);
      const formula = contiguous(cells) ? `SUM(${addressToA1(cells[0].cell)}:${addressToA1(cells[cells.length - 1].cell)})` : cells.map((c) => addressToA1(c.cell)).join("+");
      derived.push(judge({ id: `project-total-${col}`, name: `${totalRow.label}的${columnName(col)}`, kind: "money", rule: "各分项之和" }, target, cells, expected, formula, sheet));
    }
  }
  // 执行率 = 全年执行数 ÷ 全年预算数, and the budget score = min(执行率, 100%) × 分值.
  let executionRate: number | undefined;
  let budgetScore: number | undefined;
  let budgetWeight: number | undefined;
  for (const row of form.funds) {
    const annual = row.key === "total" ? expectedOr(derived, row.cells.annual) : num(row.cells.annual);
    const actual = row.key === "total" ? expectedOr(derived, row.cells.actual) : num(row.cells.actual);
    // Rows under the total usually leave 执行率 blank or "—": check it only where it is written.
    const rateWritten = row.cells.rate && (row.key === "total" || row.cells.rate.quantity.kind === "number");
    if (rateWritten && row.cells.rate && annual && actual !== undefined && annual > 0) {
      const rate = roundHalfAwayFromZero(actual / annual, 4);
      if (row.key === "total") executionRate = rate;
      derived.push(judge({ id: `project-rate-${row.key}`, name: `${row.label}的执行率`, kind: "rate", rule: "全年执行数 ÷ 全年预算数" }, row.cells.rate, [row.cells.actual!, row.cells.annual!], rate, `ROUND(${addressToA1(row.cells.actual!.cell)}/${addressToA1(row.cells.annual!.cell)},4)`, sheet));
    }
    if (row.key === "total" && annual && actual !== undefined && annual > 0) {
      executionRate ??= roundHalfAwayFromZero(actual / annual, 4);
      budgetWeight = num(row.cells.weight) ?? 10;
      budgetScore = roundHalfAwayFromZero(Math.min(actual / annual, 1) * budgetWeight, 2);
      if (row.cells.score) {
        const w = row.cells.weight ? addressToA1(row.cells.weight.cell) : "10";
        derived.push(judge({ id: "project-budget-score", name: "预算执行得分", kind: "score", rule: `min(执行率, 100%) × ${budgetWeight}` }, row.cells.score, [row.cells.actual!, row.cells.annual!], budgetScore, `ROUND(MIN(${addressToA1(row.cells.actual!.cell)}/${addressToA1(row.cells.annual!.cell)},1)*${w},2)`, sheet));
      }
    }
  }
  const indicators: IndicatorScoring[] = form.indicators.map((ind) => {
    const w = num(ind.weight);
    const a = num(ind.target);
    const b = num(ind.actual);
    if (ind.nature === "qualitative") {
      const band = qualitativeBand(ind.actual.text);
      return { indicator: ind, band, missed: band ? band.name !== "达成" : false };
    }
    if (w === undefined || a === undefined || b === undefined) return { indicator: ind, missed: false };
    const expected = indicatorScore(ind.nature, w, a, b);
    if (ind.score) {
      // A formula is possible only over cells that hold plain numbers.
      const numeric = [ind.target, ind.actual, ind.weight!].every((f) => typeof f.source?.v === "number");
      const [A, B, W] = [ind.target, ind.actual, ind.weight!].map((f) => addressToA1(f.cell));
      const formula = !numeric ? String(expected) : ind.nature === "<=" ? `ROUND(MAX(0,MIN(1,1-(${B}-${A})/${A}))*${W},2)` : `ROUND(MIN(${B}/${A},1)*${W},2)`;
      derived.push(judge({ id: "project-indicator-score", name: `「${ind.level3}」的得分`, kind: "score", rule: ruleText(ind.nature) }, ind.score, numeric ? [ind.target, ind.actual, ind.weight!] : [], expected, formula, sheet));
    }
    return { indicator: ind, expected, missed: expected < w - 1e-9 };
  });
  let total: number | undefined;
  if (budgetScore !== undefined || indicators.length) {
    let sum = budgetScore ?? num(totalRow?.cells.score) ?? 0;
    for (const s of indicators) sum += s.expected ?? num(s.indicator.score) ?? 0;
    total = roundHalfAwayFromZero(sum, 2);
    if (form.total) {
      const scoreCells = [totalRow?.cells.score, ...form.indicators.map((i) => i.score)].filter((c): c is FieldRef => !!c);
      const formula = scoreCells.map((c) => addressToA1(c.cell)).join("+");
      derived.push(judge({ id: "project-total", name: form.total.label.replace(/[:：]$/, "") || "总分", kind: "score", rule: "预算执行得分 + 各指标得分" }, form.total, scoreCells, total, formula || String(total), sheet));
    }
  }
  const weightSum = roundHalfAwayFromZero((num(totalRow?.cells.weight) ?? (totalRow ? 10 : 0)) + form.indicators.reduce((s, i) => s + (num(i.weight) ?? 0), 0), 2);
  return { derived, indicators, budgetScore, budgetWeight, executionRate, total, grade: total !== undefined ? gradeOf(total) : undefined, weightSum };
}

function expectedOr(derived: DerivedCell[], f: FieldRef | undefined): number | undefined {
  if (!f) return undefined;
  const d = derived.find((x) => x.cell.row === f.cell.row && x.cell.col === f.cell.col);
  return d ? d.expected : num(f);
}

function contiguous(cells: FieldRef[]): boolean {
  return cells.every((c, i) => i === 0 || (c.cell.col === cells[0].cell.col && c.cell.row === cells[i - 1].cell.row + 1));
}

function columnName(col: FundColKey): string {
  return { initial: "年初预算数", annual: "全年预算数", actual: "全年执行数", weight: "分值", rate: "执行率", score: "得分", reason: "原因" }[col];
}

function ruleText(nature: ">=" | "<=" | "="): string {
  return nature === "<=" ? "反向指标：B ≤ A 得满分，A < B < 2A 按 (1 − (B−A)/A) × 分值，B ≥ 2A 得 0 分" : "正向指标：B ≥ A 得满分，否则按 B ÷ A × 分值";
}
