import { CellAddress, addressToA1, sameCell } from "../grid/address";
import { CellValue } from "../grid/snapshot";
import { roundHalfAwayFromZero } from "../formula/evaluate";
import { formatMoney } from "../derive/derive";
import { DerivedCell } from "../derive/derive";
import { CellChange, Patch, applyPatchToSnapshot, buildPatch } from "../patch";
import { Finding, runRule } from "../rules";
import { Analysis, AnalyzeOptions, analyze, foundForm, sortFindings } from "../analyze";
import { ProjectForm } from "../form/projectModel";
import { ConsolidationForm, FIGURE_COLS, FIGURE_ROWS, FormFigure, KIND_NAMES, consolidationForm, formKindsOf, nameKey } from "./forms";
import { CONSOLIDATION_RULES, ConsolidationContext, DerivedCheck, FigureCheck, FigurePart, YearCheck } from "./rules";

/** A unit file handed to the consolidation: its analysis, or why it could not be read. */
export interface ConsolidationUnit {
  file: string;
  analysis?: Analysis;
  /** Why the file could not be read (in Chinese), when it could not. */
  error?: string;
}

export type UnitProblemKind = "unreadable" | "no-form" | "wrong-kind" | "other-year" | "no-year" | "duplicate-name" | "same-as-total" | "no-name";

/** A unit file that could not be used as it is, said by file. */
export interface UnitProblem {
  file: string;
  kind: UnitProblemKind;
  /** error: the file is left out of the sums; warning: it is counted, but something is to be checked. */
  severity: "error" | "warning";
  /** Left out of the sums. */
  excluded: boolean;
  message: string;
  name?: string;
}

/** A unit counted in the sums. */
export interface ConsolidatedUnit {
  file: string;
  name: string;
  year?: number;
  form: ConsolidationForm;
}

export interface ConsolidationResult {
  /** The 汇总 form, when one was found. */
  total?: ConsolidationForm;
  /** Why the 汇总 workbook could not be checked (no form in it), in Chinese. */
  reason?: string;
  /** The units counted, in the order given. */
  units: ConsolidatedUnit[];
  unitProblems: UnitProblem[];
  /** Each funding figure of the 汇总 form against the units' sum. */
  figures: FigureCheck[];
  /** 强制 / 提示 findings at the 汇总 form's cells, by the rules' contract. */
  findings: Finding[];
  /** Every certain fix (sums, and the derived cells that follow from them). */
  patch: Patch;
}

/** One unit's rounding of a figure to two decimals in its own unit, in 万元. */
const ROUNDING = 0.005;

/**
 * Checks a 一级预算部门's 汇总 form against its units' forms: every funding figure the 汇总 form
 * has (调整预算, 年初预算, 实际支出, 其中一般公共预算 / 财政拨款, 基本支出, 项目支出 … by row and
 * column) equals the sum of the units' figures, within each unit's rounding to two decimals; the
 * derived cells follow from those sums; every unit is of the same 被评价年度. A unit file that
 * holds no form, another kind of form, another year, or the same unit's name as another file is
 * left out and said by file; a fix is offered only when every unit was counted and gave the figure.
 * Pure: the analyses are not changed (the pane calls this with the workbooks the user picked).
 */
export function checkConsolidation(total: Analysis, units: ConsolidationUnit[], options: AnalyzeOptions = {}): ConsolidationResult {
  const tf = consolidationForm(total);
  const empty: ConsolidationResult = { units: [], unitProblems: [], figures: [], findings: [], patch: { changes: [] } };
  if (!tf) return { ...empty, reason: total.recognition.reason ?? "汇总表中没有找到自评表。" };
  const { candidates, problems } = vetUnits(units, tf.kind, tf.name);

  // 被评价年度: the 汇总 form's, unless every unit that says one says another (then the 汇总 is wrong).
  let year: YearCheck | undefined;
  const withYear = candidates.filter((c) => c.year !== undefined);
  const unitYears = [...new Set(withYear.map((c) => c.year!))];
  let reference = tf.year;
  const yearCell = tf.yearField?.cell ?? tf.nameField?.cell ?? (tf.form.title as CellAddress | undefined) ?? { sheet: tf.sheet, row: 0, col: 0 };
  if (tf.year !== undefined && withYear.length >= 2 && unitYears.length === 1 && unitYears[0] !== tf.year) {
    year = { kind: "differs", cell: yearCell, year: tf.year, unitYear: unitYears[0] };
    reference = unitYears[0];
  } else if (tf.year === undefined && unitYears.length) {
    reference = mostCommon(withYear.map((c) => c.year!));
    year = { kind: "missing", cell: yearCell, unitYear: reference };
  }
  const usable = sameYear(candidates, reference, problems);
  const excluded = inInputOrder(problems, units).filter((p) => p.excluded);
  const withheldForUnits = excluded.length ? `；有 ${excluded.length} 个单位文件未能计入（${excluded.map((p) => p.file).join("、")}），合计可能不全，未给出修正` : "";

  const toUnit = tf.moneyUnit === "元" ? 10000 : 1;
  const money = (wan: number) => `${formatMoney(wan * toUnit)} ${tf.moneyUnit}`;
  const figures: FigureCheck[] = [];
  if (usable.length) {
    for (const row of FIGURE_ROWS) {
      for (const col of FIGURE_COLS) {
        const f = tf.figures.get(`${row}.${col}`);
        if (!f) continue;
        figures.push(checkFigure(f, usable, tf, withheldForUnits));
      }
    }
    // In the order the form prints them.
    figures.sort((a, b) => a.figure.field.cell.row - b.figure.field.cell.row || a.figure.field.cell.col - b.figure.field.cell.col);
  }

  const derived = usable.length ? derivedChecks(total, tf, figures, options) : [];
  const ctx: ConsolidationContext = {
    total: tf,
    figures,
    derived,
    year,
    money,
    tolerance: (wan) => `${Number((wan * toUnit).toFixed(3))} ${tf.moneyUnit}`,
    partsText: (c) =>
      c.parts
        .map((p) => {
          const v = p.value !== undefined ? `${formatMoney(p.value * toUnit)}${p.note === "empty" ? "（空，按 0 计）" : ""}` : p.note === "text" ? "（不是金额）" : p.note === "empty" ? "（未填）" : "（无此项）";
          return `${p.name || "（未写名称）"} ${v}（${p.file}${p.cell ? ` ${addressToA1(p.cell)}` : ""}）`;
        })
        .join("；"),
  };
  const findings = sortFindings(CONSOLIDATION_RULES.flatMap((r) => runRule(r, ctx, tf.label)));
  return { total: tf, units: usable, unitProblems: inInputOrder(problems, units), figures, findings, patch: buildPatch(findings.flatMap((f) => f.fix ?? [])).patch };
}

/** Problems in the order their files were given. */
export function inInputOrder(problems: UnitProblem[], units: { file: string }[]): UnitProblem[] {
  const at = (f: string) => units.findIndex((u) => u.file === f);
  return [...problems].sort((a, b) => at(a.file) - at(b.file));
}

/** The value most of them have; on a tie, `preferred` if it is among the first, else the smallest. */
export function mostCommon(values: number[], preferred?: number): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] === preferred ? -1 : b[0] === preferred ? 1 : a[0] - b[0]))[0][0];
}

/**
 * The unit files that hold a form of this kind, each under a name no other file has (nor the 汇总
 * itself); the others said by file. The year is looked at afterwards (sameYear).
 */
export function vetUnits(units: ConsolidationUnit[], kind: ConsolidationForm["kind"], totalName?: string): { candidates: ConsolidatedUnit[]; problems: UnitProblem[] } {
  const problems: UnitProblem[] = [];
  const candidates: ConsolidatedUnit[] = [];
  const seen = new Map<string, string>();
  const totalKey = totalName ? nameKey(totalName) : "";
  for (const u of units) {
    if (u.error !== undefined || !u.analysis) {
      problems.push({ file: u.file, kind: "unreadable", severity: "error", excluded: true, message: `「${u.file}」无法读取，未计入汇总：${u.error ?? "没有内容"}` });
      continue;
    }
    const form = consolidationForm(u.analysis, kind);
    if (!form) {
      if (foundForm(u.analysis)) {
        problems.push({ file: u.file, kind: "wrong-kind", severity: "error", excluded: true, message: `「${u.file}」中是${formKindsOf(u.analysis).join("、")}，不是${KIND_NAMES[kind]}，未计入汇总` });
      } else {
        const why = (u.analysis.recognition.reason ?? "").replace(/^未找到[^：]*：/, "");
        problems.push({ file: u.file, kind: "no-form", severity: "error", excluded: true, message: `「${u.file}」中没有找到自评表，未计入汇总${why ? `（${why.replace(/[。.]$/, "")}）` : ""}` });
      }
      continue;
    }
    const key = nameKey(form.name);
    if (!key) {
      problems.push({ file: u.file, kind: "no-name", severity: "warning", excluded: false, message: `「${u.file}」的表没有写单位名称，已计入汇总，以文件名称呼；请核对` });
    } else if (totalKey && key === totalKey) {
      problems.push({ file: u.file, kind: "same-as-total", severity: "error", excluded: true, name: form.name, message: `「${u.file}」的单位名称「${form.name}」与汇总表相同，可能是汇总表本身或它的副本，未计入汇总` });
      continue;
    } else if (seen.has(key)) {
      problems.push({ file: u.file, kind: "duplicate-name", severity: "error", excluded: true, name: form.name, message: `「${u.file}」的单位名称「${form.name}」与「${seen.get(key)}」相同：同一单位不能计入两次，未计入汇总；请核对是否放错了文件` });
      continue;
    } else seen.set(key, u.file);
    candidates.push({ file: u.file, name: form.name, year: form.year, form });
  }
  return { candidates, problems };
}

/** The units of the reference year (and those that say none, with a warning); the others said by file. */
export function sameYear(candidates: ConsolidatedUnit[], reference: number | undefined, problems: UnitProblem[]): ConsolidatedUnit[] {
  const usable: ConsolidatedUnit[] = [];
  for (const c of candidates) {
    if (c.year === undefined) {
      problems.push({ file: c.file, kind: "no-year", severity: "warning", excluded: false, name: c.name, message: `「${c.file}」（${c.name || "未写名称"}）没有读到被评价年度，已计入汇总；请核对它是不是 ${reference ?? "本"} 年度的表` });
      usable.push(c);
    } else if (reference !== undefined && c.year !== reference) {
      problems.push({ file: c.file, kind: "other-year", severity: "error", excluded: true, name: c.name, message: `「${c.file}」（${c.name || "未写名称"}）是 ${c.year} 年度的表，汇总的是 ${reference} 年度，未计入汇总` });
    } else usable.push(c);
  }
  return usable;
}

export function checkFigure(f: FormFigure, usable: ConsolidatedUnit[], tf: ConsolidationForm, withheldForUnits: string): FigureCheck {
  const parts: FigurePart[] = usable.map((u) => {
    const uf = u.form.figures.get(f.key);
    const base = { file: u.file, name: u.name };
    if (!uf) return { ...base, note: "absent" };
    const at = { cell: uf.field.cell, sheetName: u.form.sheetName };
    if (uf.value !== undefined) return { ...base, ...at, value: uf.value };
    // A blank part row (其中 / 基本支出 left empty) is nothing of it; a blank total is not written.
    if (uf.empty) return f.row === "total" ? { ...base, ...at, note: "empty" } : { ...base, ...at, value: 0, note: "empty" };
    return { ...base, ...at, note: "text" };
  });
  const counted = parts.filter((p) => p.value !== undefined);
  const sum = counted.reduce((s, p) => s + p.value!, 0);
  const tolerance = usable.reduce((s, u, i) => (parts[i].value !== undefined ? s + ROUNDING * (u.form.moneyUnit === "元" ? 1 / 10000 : 1) : s), 0);
  const complete = counted.length === parts.length;
  const src = f.field.source;
  let status: FigureCheck["status"];
  // A blank part row of the 汇总 (其他资金 left empty) is nothing of it, as the units' are.
  const written = f.empty && f.row !== "total" ? 0 : f.value;
  if (!complete) status = "unchecked";
  else if (written !== undefined) status = Math.abs(written - sum) <= tolerance + 1e-9 ? "ok" : f.empty ? "empty" : "mismatch";
  else if (f.empty) status = "empty";
  else status = "not-number";
  const withheld = src?.f ? `；此格是公式（=${src.f}），请核对它引用的单元格，未给出修正` : withheldForUnits;
  const check: FigureCheck = { figure: f, parts, sum: roundHalfAwayFromZero(sum, 6), complete, tolerance, status, withheld };
  if ((status === "mismatch" || status === "empty" || status === "not-number") && !withheld) check.fix = sumChange(f, sum, tf);
  return check;
}

/** The write of a sum, in the cell's own kind: a number stays a number, a text amount stays text. */
function sumChange(f: FormFigure, wan: number, tf: ConsolidationForm): CellChange {
  const src = f.field.source;
  const amount = roundHalfAwayFromZero(wan * (tf.moneyUnit === "元" ? 10000 : 1), 2);
  let value: CellValue = amount;
  let numFmt: string | undefined;
  if (typeof src?.v === "string" && src.v.trim() !== "") {
    const t = src.v.trim();
    value = `${formatMoney(amount, t.includes(","))}${/万元$/.test(t) ? "万元" : /元$/.test(t) ? "元" : ""}`;
  } else if (!src || src.v === null || src.v === "") numFmt = "#,##0.00";
  return { cell: f.field.cell, expected: { value: src?.v ?? null, formula: src?.f }, value, numFmt, source: "consolidation-sum" };
}

/** The derived cells of the 汇总 form as analyze judged them. */
function derivedOf(a: Analysis, tf: ConsolidationForm): DerivedCell[] {
  if (tf.form.template === "department") return a.derived;
  const region = (tf.form as ProjectForm).region;
  return a.projects.find((p) => p.form.sheet === tf.sheet && p.form.region.top === region.top)?.scoring.derived ?? [];
}

/**
 * The derived cells that follow from the sums: the 汇总 form with every certain sum written in is
 * judged again by the engine's own derivations; a cell whose right value moved with the sums and
 * that does not hold it (a constant, or a formula that does not compute it) is reported. A formula
 * over the figures follows them by itself and is not.
 */
function derivedChecks(total: Analysis, tf: ConsolidationForm, figures: FigureCheck[], options: AnalyzeOptions): DerivedCheck[] {
  const writes = figures.flatMap((c) => (c.fix ? [c.fix] : []));
  if (writes.length === 0) return [];
  const patched = applyPatchToSnapshot(total.snapshot, { changes: writes }).snapshot;
  const again = analyze(patched, options);
  const tf2 = consolidationForm(again, tf.kind);
  if (!tf2 || tf2.sheet !== tf.sheet) return [];
  const before = derivedOf(total, tf);
  const out: DerivedCheck[] = [];
  for (const d of derivedOf(again, tf2)) {
    if (d.status === "ok" || d.status === "empty" || d.severity === "warning" || !d.change) continue;
    if (writes.some((w) => sameCell(w.cell, d.cell))) continue;
    const old = before.find((b) => sameCell(b.cell, d.cell));
    if (old && Math.abs(old.expected - d.expected) < 1e-9) continue;
    const related = (d.derivation.inputs ?? []).length ? figures.filter((c) => c.fix).map((c) => c.figure.field.cell) : [];
    out.push({ name: d.derivation.name, cell: d.cell, expected: d.display, written: old?.currentText ?? d.currentText, rule: d.derivation.rule, fix: d.change, related });
  }
  return out;
}
