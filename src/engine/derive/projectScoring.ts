import { WorkbookSnapshot } from "../grid/snapshot";
import { addressToA1 } from "../grid/address";
import { FieldRef } from "../form/model";
import { FundColKey, ProjectForm, ProjectFundRow, ProjectIndicator } from "../form/projectModel";
import { GradeBand, STANDARD_GRADES, gradeFor } from "../layout/family";
import { roundHalfAwayFromZero } from "../formula/evaluate";
import { DerivedCell, DerivedSpec, judge } from "./derive";

/** 财预〔2020〕10号 grades: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below. */
export function gradeOf(total: number, bands: GradeBand[] = STANDARD_GRADES): string {
  return gradeFor(total, bands);
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

/** A fraction from a 得分系数 or 执行率 cell: "100%" or 1 → 1, "95" → 0.95. */
function fraction(f: FieldRef | undefined): number | undefined {
  const q = f?.quantity;
  if (!q || q.kind !== "number" || q.value === undefined) return undefined;
  if (q.unit === "%") return q.value / 100;
  return Math.abs(q.value) <= 1.5 ? q.value : q.value / 100;
}

/** The decimals a score cell prints: its number format's, or as typed. */
export function printedDecimals(f: FieldRef | undefined): number | undefined {
  const src = f?.source;
  if (!src || f.quantity.kind !== "number") return undefined;
  if (typeof src.v === "number") {
    if (src.fmt && src.fmt !== "General") {
      const m = /0\.(0+)/.exec(src.fmt);
      return m ? m[1].length : 0;
    }
    const t = String(src.v);
    return t.includes(".") ? t.split(".")[1].length : 0;
  }
  return f.quantity.decimals ?? 0;
}

export interface IndicatorScoring {
  indicator: ProjectIndicator;
  /** The computed score, where the family's scheme computes one. */
  expected?: number;
  /** Whether the target was missed (for the 偏差原因 check). */
  missed: boolean;
  band?: { name: string; min: number; max: number };
  /** For 得分系数 forms: the most the coefficient can be when the target was missed (B/A). */
  coefficientCap?: number;
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
  /** Whether every indicator has a weight (so the sum means something). */
  weightsComplete: boolean;
  /** The decimals the form prints its scores in: written scores are compared at this precision. */
  precision: number;
  /** No score at all is written: the form was sent up unscored. */
  unscored: boolean;
  /** How many score cells are empty, when the form is unscored. */
  emptyScores: number;
  /** Indicators whose score is empty and cannot be computed (定性, or no target): they are scored by hand. */
  unscoredItems: ProjectIndicator[];
  /** Scores above their own weight. */
  overWeight: { indicator: ProjectIndicator; score: number; weight: number }[];
  /** 执行率 written for a row whose budget is 0 (0/0 has no rate). */
  zeroBase: { name: string; text: string; cell: FieldRef["cell"] }[];
}

const MONEY_COLUMNS: FundColKey[] = ["initial", "annual", "actual"];

/** The rows a total is made of: by use (基本支出 + 项目支出) where the form splits so, else every other row. */
function partsOf(form: ProjectForm): ProjectFundRow[] {
  const rows = form.funds.filter((r) => r.key !== "total");
  const byUse = rows.filter((r) => r.key === "basic" || r.key === "project");
  if (byUse.length) return rows.filter((r) => r.key === "basic" || r.key === "project" || r.key === "other");
  return rows;
}

/**
 * Everything a table form computes, by its family's scheme: the total of its budget rows, 执行率,
 * the budget's points, each indicator's points, 总分 and the grade. Written scores are compared at
 * the precision the form prints them (1.9 for 1.946 is right on a form that prints tenths).
 */
export function scoreProject(form: ProjectForm, snapshot: WorkbookSnapshot): ProjectScoring {
  const sheet = snapshot.sheets[form.sheet];
  const scheme = form.family.scoring;
  const derived: DerivedCell[] = [];
  const totalRow = form.funds.find((r) => r.key === "total");
  const written = [...form.funds.map((r) => r.cells.score), ...form.indicators.map((i) => i.score), form.total].filter((f): f is FieldRef => !!f && f.quantity.kind === "number");
  const precision = Math.min(2, written.reduce((d, f) => Math.max(d, printedDecimals(f) ?? 0), 0));
  const scoreCells = [totalRow?.cells.score, ...form.indicators.map((i) => i.score), form.total].filter((f): f is FieldRef => !!f && f.quantity.kind === "empty");
  const unscored = written.length === 0 && scoreCells.length > 0;
  // Each written score is compared at the precision it prints (3 for 2.92, 1.9 for 1.946); an empty one is filled at the form's.
  const score = (spec: Omit<DerivedSpec, "kind">, cell?: FieldRef): DerivedSpec => ({ ...spec, kind: "score", decimals: printedDecimals(cell) ?? (written.length ? precision : 2) });

  // 年度资金总额 = the sum of its rows, column by column (only where at least two rows make it up).
  const parts = partsOf(form);
  if (totalRow && parts.length >= 2) {
    for (const col of MONEY_COLUMNS) {
      const target = totalRow.cells[col];
      const cells = parts.map((p) => p.cells[col]).filter((c): c is FieldRef => !!c);
      const values = cells.map(num);
      if (!target || cells.length === 0 || values.every((v) => v === undefined)) continue;
      const expected = roundHalfAwayFromZero(values.reduce<number>((s, v) => s + (v ?? 0), 0), 2);
      const formula = contiguous(cells) ? `SUM(${addressToA1(cells[0].cell)}:${addressToA1(cells[cells.length - 1].cell)})` : cells.map((c) => addressToA1(c.cell)).join("+");
      derived.push(classify(judge({ id: `project-total-${col}`, name: `${totalRow.label.replace(/[:：]$/, "")}的${columnName(col)}`, kind: "money", rule: "各分项之和" }, target, cells, expected, formula, sheet), "sum"));
    }
  }
  const expectedAt = (f: FieldRef | undefined) => {
    if (!f) return undefined;
    const d = derived.find((x) => x.cell.row === f.cell.row && x.cell.col === f.cell.col);
    return d ? d.expected : num(f);
  };

  // 执行率 = 执行数 ÷ 全年(调整后)预算数, or ÷ 年初预算数 where the form has only that.
  let executionRate: number | undefined;
  let budgetScore: number | undefined;
  let budgetWeight: number | undefined;
  const denominatorCol = (row: ProjectFundRow) => (row.cells.annual ? "annual" : "initial") as "annual" | "initial";
  const zeroBase: ProjectScoring["zeroBase"] = [];
  for (const row of form.funds) {
    const denCol = denominatorCol(row);
    const den = row.key === "total" ? expectedAt(row.cells[denCol]) : num(row.cells[denCol]);
    const actual = row.key === "total" ? expectedAt(row.cells.actual) : num(row.cells.actual);
    const computedRate = den && actual !== undefined && den > 0 ? roundHalfAwayFromZero(actual / den, 4) : undefined;
    // A block that prints only its 执行率 (the amounts left out) is scored from the rate it prints.
    const rate = computedRate ?? (row.cells.actual === undefined || num(row.cells.actual) === undefined ? fraction(row.cells.rate) : undefined);
    if (row.key === "total" && rate !== undefined) executionRate = rate;
    if (den === 0 && (num(row.cells.actual) ?? 0) === 0 && row.cells.rate && row.cells.rate.quantity.kind === "number" && (row.cells.rate.quantity.value ?? 0) !== 0) {
      zeroBase.push({ name: `${row.label.replace(/[:：]$/, "")}的执行率`, text: row.cells.rate.text, cell: row.cells.rate.cell });
    }
    // Rows under the total usually leave 执行率 blank or "—": checked only where a figure is written.
    const rateCell = row.cells.rate;
    const rateWritten = rateCell && (row.key === "total" ? rateCell.quantity.kind !== "text" : rateCell.quantity.kind === "number");
    if (rateWritten && computedRate !== undefined && row.cells.actual && row.cells[denCol]) {
      const basis = denCol === "annual" ? "全年预算数" : "年初预算数";
      derived.push(classify(judge({ id: `project-rate-${row.key}`, name: `${row.label.replace(/[:：]$/, "")}的执行率`, kind: "rate", rule: `全年执行数 ÷ ${basis}`, advisory: row.key !== "total" }, rateCell!, [row.cells.actual, row.cells[denCol]!], computedRate, `ROUND(${addressToA1(row.cells.actual.cell)}/${addressToA1(row.cells[denCol]!.cell)},4)`, sheet), "formula"));
    }
    if (!scheme.budget || rate === undefined) continue;
    const weight = num(row.cells.weight);
    // A funding row whose 分值 carries the whole form's points is the form's total, not the budget's score.
    if (row.key === "total" && weight !== undefined && scheme.weightTotal && weight >= scheme.weightTotal - 1e-9 && form.indicators.some((i) => num(i.weight) !== undefined)) continue;
    const w = weight ?? (row.key === "total" ? form.budgetPoints ?? scheme.budget.points : undefined);
    if (w === undefined) continue;
    // The points from the rate itself, not from the rate rounded for printing (80.449% × 10 is 8.04, not 8.05).
    const exactRate = computedRate !== undefined ? actual! / den! : rate;
    const expected = roundHalfAwayFromZero(Math.min(exactRate, 1) * w, 2);
    if (row.key === "total") {
      budgetWeight = w;
      budgetScore = expected;
    }
    if (row.cells.score && (row.key === "total" || row.cells.score.quantity.kind === "number")) {
      const wRef = row.cells.weight && weight !== undefined ? addressToA1(row.cells.weight.cell) : String(w);
      const rateText = `执行率（不超过 100%）× 分值 ${w}`;
      const fromAmounts = computedRate !== undefined;
      const formula = fromAmounts ? `ROUND(MIN(${addressToA1(row.cells.actual!.cell)}/${addressToA1(row.cells[denCol]!.cell)},1)*${wRef},2)` : `ROUND(MIN(${addressToA1(row.cells.rate!.cell)},1)*${wRef},2)`;
      const inputs = fromAmounts ? [row.cells.actual!, row.cells[denCol]!] : [row.cells.rate!];
      derived.push(classify(judge(score({ id: "project-budget-score", name: row.key === "total" ? "预算执行得分" : `${row.label}的预算执行得分`, rule: rateText, advisory: row.key !== "total" }, row.cells.score), row.cells.score, inputs, expected, formula, sheet), "formula"));
    }
  }

  // Each indicator, by the family's scheme.
  const overWeight: ProjectScoring["overWeight"] = [];
  const indicators: IndicatorScoring[] = form.indicators.map((ind) => scoreIndicator(ind, scheme, sheet, derived, score, overWeight));

  // 总分 = the budget's points + each indicator's, every item taken at the form's precision.
  let total: number | undefined;
  const unscoredItems: ProjectIndicator[] = [];
  const items: { written?: FieldRef; expected?: number }[] = [];
  if (scheme.budget && totalRow && budgetScore !== undefined) items.push({ written: totalRow.cells.score, expected: budgetScore });
  for (const s of indicators) items.push({ written: s.indicator.score, expected: s.expected });
  // An item with neither a score written nor one to compute (a 定性 indicator left blank) leaves the total unknown.
  const unknown = items.filter((i) => i.expected === undefined && num(i.written) === undefined);
  unscoredItems.push(...form.indicators.filter((ind) => ind.score && ind.score.quantity.kind === "empty" && indicators.find((x) => x.indicator === ind)?.expected === undefined));
  if (unknown.length === 0 && items.some((i) => i.expected !== undefined || num(i.written) !== undefined)) {
    // Each item as written, unless it is wrong beyond doubt (强制: its fix will be written too); else as computed.
    let sum = 0;
    for (const i of items) {
      const w = num(i.written);
      const d = i.written ? derived.find((x) => x.cell.row === i.written!.cell.row && x.cell.col === i.written!.cell.col) : undefined;
      const wrong = d && d.status !== "ok" && d.severity !== "warning";
      sum += w !== undefined && !wrong ? w : i.expected ?? w ?? 0;
    }
    total = roundHalfAwayFromZero(sum, 2);
    if (form.total && !unscored) {
      const scoreCells = items.map((i) => i.written).filter((c): c is FieldRef => !!c);
      const formula = scoreCells.map((c) => addressToA1(c.cell)).join("+");
      derived.push(classify(judge(score({ id: "project-total", name: form.total.label.replace(/[:：(（].*$/, "") || "总分", rule: scheme.budget ? "预算执行得分 + 各指标得分" : "各指标得分之和" }, form.total), form.total, scoreCells, total, formula || String(total), sheet), "sum"));
    }
  }
  const weightsComplete = form.indicators.length > 0 && form.indicators.every((i) => num(i.weight) !== undefined);
  const weightSum = roundHalfAwayFromZero((scheme.budget && totalRow ? budgetWeight ?? num(totalRow.cells.weight) ?? form.budgetPoints ?? scheme.budget.points : 0) + form.indicators.reduce((s, i) => s + (num(i.weight) ?? 0), 0), 2);
  const grade = total !== undefined && scheme.grades ? gradeFor(total, scheme.grades) : undefined;
  return { derived, indicators, budgetScore, budgetWeight, executionRate, total, grade, weightSum, weightsComplete, precision, unscored, emptyScores: unscored ? scoreCells.length : 0, unscoredItems, overWeight, zeroBase };
}

function scoreIndicator(
  indicator: ProjectIndicator,
  scheme: ProjectForm["family"]["scoring"],
  sheet: WorkbookSnapshot["sheets"][number],
  derived: DerivedCell[],
  score: (spec: Omit<DerivedSpec, "kind">, cell?: FieldRef) => DerivedSpec,
  overWeight: ProjectScoring["overWeight"],
): IndicatorScoring {
  let ind = indicator;
  const w = num(ind.weight);
  const written = num(ind.score);
  if (w !== undefined && written !== undefined && written > w + 1e-9) overWeight.push({ indicator: ind, score: written, weight: w });
  let a = num(ind.target);
  const b = num(ind.actual);
  let nature = ind.nature;
  // 预算执行率 listed as an indicator without a target (银川): the target is 100%.
  if (a === undefined && b !== undefined && ind.actual.quantity.unit === "%" && /(预算|资金)执行率/.test(ind.level3)) {
    a = 100;
    nature = ">=";
  }
  ind = nature === ind.nature ? ind : { ...ind, nature };
  const missedByFigures = a !== undefined && b !== undefined && ind.nature !== "qualitative" && (ind.nature === "<=" ? b > a + 1e-9 : b < a - 1e-9);
  if (scheme.indicators === "coefficient") {
    const k = fraction(ind.coefficient);
    const cap = missedByFigures && a! > 0 && ind.nature !== "<=" ? Math.max(0, b! / a!) : undefined;
    if (k === undefined || w === undefined) return { indicator, missed: missedByFigures, coefficientCap: cap };
    const expected = roundHalfAwayFromZero(k * w, 2);
    if (ind.score) {
      const [K, W] = [ind.coefficient!, ind.weight!];
      const numeric = typeof K.source?.v === "number" && typeof W.source?.v === "number";
      derived.push(classify(judge(score({ id: "project-indicator-score", name: `「${ind.level3}」的指标得分`, rule: "得分系数 × 指标权重" }, ind.score), ind.score, numeric ? [K, W] : [], expected, numeric ? `ROUND(${addressToA1(K.cell)}*${addressToA1(W.cell)},2)` : String(expected), sheet), "formula"));
    }
    return { indicator, expected, missed: missedByFigures, coefficientCap: cap };
  }
  if (scheme.indicators !== "ratio") return { indicator, missed: missedByFigures };
  if (ind.nature === "qualitative") {
    const band = scheme.qualitativeBands ? qualitativeBand(ind.actual.text) : undefined;
    return { indicator, band, missed: band ? band.name !== "达成" : false };
  }
  if (w === undefined || a === undefined || b === undefined) return { indicator, missed: missedByFigures };
  const expected = indicatorScore(ind.nature as ">=" | "<=" | "=", w, a, b);
  if (ind.score) {
    // A formula is possible only over cells that hold plain numbers.
    const numeric = [ind.target, ind.actual, ind.weight!].every((f) => typeof f.source?.v === "number") && nature === indicator.nature;
    const [A, B, W] = [ind.target, ind.actual, ind.weight!].map((f) => addressToA1(f.cell));
    const formula = !numeric ? String(expected) : ind.nature === "<=" ? `ROUND(MAX(0,MIN(1,1-(${B}-${A})/${A}))*${W},2)` : `ROUND(MIN(${B}/${A},1)*${W},2)`;
    derived.push(classify(judge(score({ id: "project-indicator-score", name: `「${ind.level3}」的得分`, rule: ruleText(ind.nature) }, ind.score), ind.score, numeric ? [ind.target, ind.actual, ind.weight!] : [], expected, formula, sheet), "judgement"));
  }
  return { indicator, expected, missed: expected < w - 1e-9 };
}

/** Cuts a value at `decimals` (what a form does that truncates rather than rounds): 9.78 → 9, 1.897 → 1.8. */
function truncate(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.trunc(roundHalfAwayFromZero(v * f, 6)) / f;
}

/**
 * Which differences are 强制 and which only 提示. A sum (年度资金总额, 总分) must add up. A printed
 * formula (执行率, 执行率 × 分值, 得分系数 × 权重) must hold, but a result cut off rather than rounded
 * is the form's own practice. An indicator's points are a judgement below its share (points taken off
 * for quality), never above it. A sub-row's points do not count towards the total.
 */
function classify(d: DerivedCell, policy: "sum" | "formula" | "judgement"): DerivedCell {
  if (d.status !== "mismatch") return d;
  const weak = (note: DerivedCell["note"]): DerivedCell => {
    const out = { ...d, severity: "warning" as const, note };
    delete out.change;
    // A rounding difference is said at the precision the cell prints: 「应为 2.0，表中 1.9」.
    if ((note === "truncated" || note === "rounding") && d.exact !== undefined) {
      const dec = d.derivation.kind === "rate" ? Math.min(2, ratePrinted(d.currentText)) : d.derivation.decimals ?? 2;
      out.display = d.derivation.kind === "rate" ? `${roundHalfAwayFromZero(d.exact * 100, dec).toFixed(dec)}%` : roundHalfAwayFromZero(d.exact, dec).toFixed(dec);
    }
    return out;
  };
  if (d.derivation.advisory) return weak("advisory");
  if (policy === "sum" || d.current === undefined || d.exact === undefined) return d;
  const pct = d.derivation.kind === "rate" ? 100 : 1;
  const dec = d.derivation.kind === "rate" ? Math.min(2, ratePrinted(d.currentText)) : d.derivation.decimals ?? 2;
  const cut = truncate(d.exact * pct, dec) / pct;
  if (Math.abs(d.current - cut) < 1e-9) return weak("truncated");
  // One unit in the last decimal printed (97.80% for 97.81%, 1.8 for 1.7) is a rounding slip, not a wrong
  // figure; a whole point is not.
  if (dec >= 1 && Math.abs(d.current * pct - roundHalfAwayFromZero(d.exact * pct, dec)) <= 10 ** -dec + 1e-9) return weak("rounding");
  if (policy === "judgement" && d.current < d.exact) return weak("judgement");
  return d;
}

/** The decimals a rate is printed with: "97.80%" → 2, "99%" → 0. */
function ratePrinted(text: string): number {
  const m = /\.(\d+)\s*%?\s*$/.exec(text.trim());
  return m ? m[1].length : 0;
}

function contiguous(cells: FieldRef[]): boolean {
  return cells.every((c, i) => i === 0 || (c.cell.col === cells[0].cell.col && c.cell.row === cells[i - 1].cell.row + 1));
}

function columnName(col: FundColKey): string {
  return { initial: "年初预算数", annual: "全年预算数", actual: "全年执行数", weight: "分值", rate: "执行率", score: "得分", reason: "原因", method: "得分计算方法" }[col];
}

/** The scoring rule in the form's own words. */
function ruleText(nature: ">=" | "<=" | "="): string {
  return nature === "<="
    ? "反向指标：实际完成值不超过年度指标值得满分，超出时按 (1 − 超出部分 ÷ 年度指标值) × 分值，达到两倍得 0 分"
    : "实际完成值达到年度指标值得满分，未达到按 实际完成值 ÷ 年度指标值 × 分值";
}
