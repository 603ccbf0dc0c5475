import { CellAddress, addressToA1 } from "../grid/address";
import { CellSnapshot, WorkbookSnapshot, isCellError, isEmptyValue } from "../grid/snapshot";
import { DepartmentForm, FieldRef, FundingKey } from "../form/model";
import { evaluateFormula, parseFormula, roundHalfAwayFromZero } from "../formula/evaluate";
import { parseQuantity } from "../quantity/parse";
import { stripMarkup } from "../text/normalize";
import { CellChange } from "../patch";
import { DEPARTMENT_DERIVATIONS, Derivation } from "./derivations";

export type DerivedStatus =
  /** The cell agrees with its inputs (or holds a correct formula). */
  | "ok"
  /** The cell is empty. */
  | "empty"
  /** The cell holds a value that disagrees with its inputs. */
  | "mismatch"
  /** The cell holds a formula that computes something else. */
  | "formula-wrong";

export interface DerivedCell {
  derivation: DerivedSpec & Partial<Pick<Derivation, "target" | "inputs">>;
  cell: CellAddress;
  /** The correct value: 万元 for money, a fraction for rates. */
  expected: number;
  /** The correct value as the form prints it: "-10,145.17", "-35.58%". */
  display: string;
  /** What the cell holds now, in the same unit as expected (undefined when unreadable). */
  current?: number;
  currentText: string;
  status: DerivedStatus;
  /** The write that fills or corrects the cell; absent when it is right. */
  change?: CellChange;
  /** The canonical formula for the cell. */
  formula: string;
  /** The formula the cell holds now, if any. */
  currentFormula?: string;
  /** The value before it was taken to the precision the form prints. */
  exact?: number;
  /**
   * 提示 rather than 强制: a difference the form's own practice can explain (a score cut off rather
   * than rounded, points taken off by judgement, a sub-row that does not count). No fix is offered.
   */
  severity?: "warning";
  /** Why the difference is only 提示, for the message. */
  note?: "truncated" | "rounding" | "judgement" | "advisory";
}

/** Money in 万元 to 2 decimals, with thousands separators. */
export function formatMoney(n: number, separators = true): string {
  const r = roundHalfAwayFromZero(n, 2);
  const s = Math.abs(r).toFixed(2);
  const [i, d] = s.split(".");
  const grouped = separators ? i.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : i;
  return `${r < 0 ? "-" : ""}${grouped}.${d}`;
}

/** A fraction as a 2-decimal percentage: 0.35575 → "35.58%". */
export function formatRate(fraction: number): string {
  return `${roundHalfAwayFromZero(fraction * 100, 2).toFixed(2)}%`;
}

function isPercentFormat(fmt: string | undefined): boolean {
  return !!fmt && /%/.test(fmt.replace(/"[^"]*"/g, ""));
}

/** Decimals a number format shows: "0.00%" → 2. */
function formatDecimals(fmt: string | undefined): number | undefined {
  if (!fmt) return undefined;
  const m = /0\.(0+)/.exec(fmt);
  return m ? m[1].length : /0/.test(fmt) ? 0 : undefined;
}

/** A cell's numeric value in the derivation's unit: 万元, or a fraction for rates. */
export function readCellNumber(cell: CellSnapshot | undefined, kind: "money" | "rate" | "score"): { value?: number; decimals?: number } {
  if (!cell || isEmptyValue(cell.v) || isCellError(cell.v)) return {};
  if (typeof cell.v === "number") {
    if (kind !== "rate") return { value: cell.v, decimals: 2 };
    if (isPercentFormat(cell.fmt)) return { value: cell.v, decimals: formatDecimals(cell.fmt) };
    // A bare number in a rate cell: 1 or -0.3558 is a fraction, 100 or -35.58 are percentage points.
    return Math.abs(cell.v) <= 1.5 ? { value: cell.v, decimals: 4 } : { value: cell.v / 100, decimals: 2 };
  }
  if (typeof cell.v !== "string") return {};
  const q = parseQuantity(cell.v);
  if (q.kind !== "number" || q.value === undefined) return {};
  if (kind !== "rate") return { value: q.value, decimals: 2 };
  if (q.unit === "%") return { value: q.value / 100, decimals: q.decimals };
  return Math.abs(q.value) <= 1.5 ? { value: q.value, decimals: 4 } : { value: q.value / 100, decimals: q.decimals };
}

/** Whether a written value agrees with the computed one at the precision the form uses (or the writer used). */
export function agreesAt(current: number, expected: number, kind: "money" | "rate" | "score", decimals?: number): boolean {
  if (kind !== "rate") return Math.abs(roundHalfAwayFromZero(current, 2) - roundHalfAwayFromZero(expected, 2)) < 1e-6;
  const d = Math.min(2, decimals ?? 2);
  return Math.abs(roundHalfAwayFromZero(current * 100, d) - roundHalfAwayFromZero(expected * 100, d)) < 1e-6;
}

/**
 * Computes every derived cell of the form and decides, for each, whether it is right and what write
 * would make it right, in the cell's own kind: a number stays a number, text stays text in its style,
 * a formula is replaced by a formula, an empty cell gets a formula when its inputs are numbers.
 */
export function deriveDepartment(form: DepartmentForm, snapshot: WorkbookSnapshot): DerivedCell[] {
  const out: DerivedCell[] = [];
  const expectedValues = new Map<FundingKey, number>();
  const sheet = snapshot.sheets[form.sheet];
  const inputValue = (key: FundingKey): number | undefined => {
    if (expectedValues.has(key)) return expectedValues.get(key);
    const f = form.funding[key];
    return f?.quantity.kind === "number" ? f.quantity.value : undefined;
  };
  for (const d of DEPARTMENT_DERIVATIONS) {
    const target = form.funding[d.target];
    if (!target) continue;
    const inputs = d.inputs.map(inputValue);
    if (inputs.some((v) => v === undefined)) continue;
    const raw = d.compute(inputs as number[]);
    if (raw === undefined || !Number.isFinite(raw)) continue;
    const expected = d.kind === "money" ? roundHalfAwayFromZero(raw, 2) : roundHalfAwayFromZero(raw, 4);
    expectedValues.set(d.target, expected);
    const inputRefs = d.inputs.map((k) => form.funding[k]!);
    const formula = d.formula(inputRefs.map((f) => addressToA1(f.cell)));
    // Said in the form's own words: 「预算执行率」 where the form prints that, not 「预算完成率」.
    const own = (f: FieldRef) => labelWords(f.label);
    const spoken = { ...d, name: own(target) || d.name, rule: d.op ? inputRefs.map(own).join(d.op === "-" ? " − " : " ÷ ") : d.rule };
    // A formula over another derived cell is judged by that cell's right value, not what it holds now.
    out.push(judge(spoken, target, inputRefs, expected, formula, sheet, derivedValues(out)));
  }
  return out;
}

/** The parts of a derivation that judging a cell needs; project scores build these on the fly. */
export type DerivedSpec = Pick<Derivation, "id" | "name" | "kind" | "rule"> & {
  /** The decimals the form prints this kind of cell in: a written value is compared at them (scores in tenths, whole points). */
  decimals?: number;
  /** A check of a cell that does not count towards the form's result (a sub-row's score): 提示, not 强制. */
  advisory?: boolean;
};

/** A label as a person says it: without its colon, unit or numbering. */
function labelWords(label: string): string {
  return stripMarkup(label).replace(/\s+/g, "").replace(/[(（][^()（）]*[)）]/g, "").replace(/[:：]+$/g, "").replace(/^其中[:：]/, "其中：");
}

/** The right values of the derived cells judged so far, by cell, for formulas that read them. */
function derivedValues(cells: DerivedCell[]): Map<string, number> {
  return new Map(cells.map((c) => [`${c.cell.row}:${c.cell.col}`, c.expected]));
}

export function judge(d: DerivedSpec, target: FieldRef, inputs: FieldRef[], expected: number, formula: string, sheet: WorkbookSnapshot["sheets"][number], known?: Map<string, number>): DerivedCell {
  const src = target.source;
  // A form that prints scores in tenths or whole points is right at its own precision.
  const agrees = (current: number, exp: number, kind: DerivedSpec["kind"], decimals?: number) =>
    d.decimals !== undefined && kind !== "rate" ? roundHalfAwayFromZero(current, d.decimals) === roundHalfAwayFromZero(exp, d.decimals) : agreesAt(current, exp, kind, decimals);
  const exact = expected;
  // Compared at the precision the cell prints, said and written at full precision (a fix is never less exact than the form).
  const display = d.kind === "rate" ? formatRate(expected) : formatMoney(expected, d.kind === "money");
  const base = { derivation: d, cell: target.cell, expected, display, formula, currentText: target.text, currentFormula: src?.f, exact };
  const old = { value: src?.v ?? null, formula: src?.f };
  const readNumber = (row: number, col: number): number | undefined => {
    const right = known?.get(`${row}:${col}`);
    if (right !== undefined) return right;
    const c = sheet.cells[row]?.[col];
    if (!c || isEmptyValue(c.v)) return 0;
    if (typeof c.v === "number") return c.v;
    if (typeof c.v === "string") {
      const q = parseQuantity(c.v);
      if (q.kind !== "number" || q.value === undefined) return undefined;
      return q.unit === "%" ? q.value / 100 : q.value;
    }
    return undefined;
  };

  if (src?.f) {
    const parsed = parseFormula(src.f);
    let ok: boolean;
    let result: number | undefined;
    if (parsed) {
      result = evaluateFormula(parsed, readNumber);
      const wanted = inputs.map((f) => f.cell);
      // Every input must be referenced; the result decides the rest (a SUM over a range may take in blank cells).
      const refsOk = parsed.refs.length > 0 && wanted.every((w) => parsed.refs.some((r) => r.row === w.row && r.col === w.col));
      ok = refsOk && result !== undefined && agrees(result, expected, d.kind);
    } else {
      const cached = readCellNumber(src, d.kind);
      result = cached.value;
      ok = result !== undefined && agrees(result, expected, d.kind, cached.decimals);
    }
    if (ok) return { ...base, current: result, status: "ok" };
    return {
      ...base,
      current: result,
      status: "formula-wrong",
      change: { cell: target.cell, expected: old, value: expected, formula, numFmt: d.kind === "rate" && !src.fmt ? "0.00%" : undefined, source: d.id },
    };
  }

  if (!src || isEmptyValue(src.v)) {
    const numericInputs = inputs.length > 0 && inputs.every((f) => typeof f.source?.v === "number" || !!f.source?.f);
    const change: CellChange = numericInputs
      ? { cell: target.cell, expected: old, value: expected, formula, numFmt: d.kind === "rate" ? "0.00%" : d.kind === "score" ? "0.00" : "#,##0.00", source: d.id }
      : d.kind === "score"
        ? // A score is a number whatever its inputs were typed as: the column adds up.
          { cell: target.cell, expected: old, value: expected, numFmt: "0.00", source: d.id }
        : { cell: target.cell, expected: old, value: textInStyle(d, expected, inputs.map((f) => f.text)), source: d.id };
    return { ...base, status: "empty", change };
  }

  // Money read from text is already in the form's unit (「3359.62万」 in a 万元 form is 3359.62).
  const cur = d.kind === "money" && target.quantity.kind === "number" && typeof src.v === "string" ? { value: target.quantity.value, decimals: 2 } : readCellNumber(src, d.kind);
  if (cur.value !== undefined && agrees(cur.value, expected, d.kind, cur.decimals)) return { ...base, current: cur.value, status: "ok" };

  let value: number | string;
  if (typeof src.v === "number") {
    if (d.kind !== "rate") value = expected;
    else value = isPercentFormat(src.fmt) || Math.abs(src.v) <= 1.5 ? expected : roundHalfAwayFromZero(expected * 100, 2);
  } else {
    value = textInStyle(d, expected, [target.text, ...inputs.map((f) => f.text)]);
  }
  return { ...base, current: cur.value, status: "mismatch", change: { cell: target.cell, expected: old, value, source: d.id } };
}

/** The value as text, in the style the form's own text uses (thousands separators or not). */
function textInStyle(d: DerivedSpec, expected: number, samples: string[]): string {
  if (d.kind === "rate") return formatRate(expected);
  if (d.kind === "score") return formatMoney(expected, false);
  const separators = samples.some((s) => /\d,\d{3}/.test(s));
  return formatMoney(expected, separators);
}
