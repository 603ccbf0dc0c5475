import { CellAddress, cellKey, toA1 } from "./grid/address";
import { CellValue, WorkbookSnapshot, isEmptyValue, sameValue } from "./grid/snapshot";
import { formatNumber } from "./grid/format";

/** One cell write. It carries what it expects to overwrite, so a stale change is skipped, never forced. */
export interface CellChange {
  cell: CellAddress;
  /** What the cell held when the change was made: a host writes only if it still does. */
  expected: { value: CellValue; formula?: string };
  /** The new constant, or the expected result of the new formula. */
  value: CellValue;
  /** The new formula, without "=". */
  formula?: string;
  /** A number format to set with the value (only where the cell had none). */
  numFmt?: string;
  /** The rule or derivation the change comes from. */
  source: string;
}

export interface Patch {
  changes: CellChange[];
}

/** Builds one patch from many proposed changes: the first change to a cell wins, later ones are dropped. */
export function buildPatch(proposed: CellChange[]): { patch: Patch; conflicts: CellChange[] } {
  const seen = new Set<string>();
  const changes: CellChange[] = [];
  const conflicts: CellChange[] = [];
  for (const c of proposed) {
    const k = cellKey(c.cell);
    if (seen.has(k)) conflicts.push(c);
    else {
      seen.add(k);
      changes.push(c);
    }
  }
  return { patch: { changes }, conflicts };
}

/** True when a cell still holds what the change expects (the guard every host applies). */
export function matchesExpected(current: { value: CellValue; formula?: string }, expected: CellChange["expected"]): boolean {
  const cf = normalizeFormula(current.formula);
  const ef = normalizeFormula(expected.formula);
  if (cf || ef) return cf === ef;
  if (isEmptyValue(current.value) && isEmptyValue(expected.value)) return true;
  return sameValue(current.value, expected.value);
}

function normalizeFormula(f: string | undefined): string {
  return (f ?? "").replace(/^=/, "").replace(/\s+/g, "").toUpperCase();
}

/** What a cell held before a write: what undo restores. */
export interface CellState {
  value: CellValue;
  formula?: string;
}

/** What a host did with a patch: every change either applied (with what it replaced) or skipped with its reason. */
export interface ApplyOutcome {
  applied: { change: CellChange; before: CellState }[];
  skipped: { change: CellChange; reason: string }[];
}

/** Why a change was not written; the text is shown to the user beside the cell. */
export const SKIP_REASONS = {
  noSheet: "工作表已不存在，未写入",
  protected: (sheet: string) => `工作表「${sheet}」受保护，ZiPing 不会撤销保护，未做任何修改。如需修正，请先在「审阅 → 撤销工作表保护」后重试`,
  stale: "单元格在检查之后已被修改，为免覆盖您的输入，未写入；请重新校验",
} as const;

/** What a host knows about the cell a change targets, read just before the write. */
export interface WriteTarget {
  /** The sheet's name, or undefined when the sheet no longer exists. */
  sheetName?: string;
  protected: boolean;
  current: CellState;
}

/**
 * The one guard every host applies before a write: the sheet exists, is not protected, and the cell
 * still holds what the change expects. Returns the reason to skip, or undefined to write.
 */
export function guardWrite(change: CellChange, target: WriteTarget): string | undefined {
  if (target.sheetName === undefined) return SKIP_REASONS.noSheet;
  if (target.protected) return SKIP_REASONS.protected(target.sheetName);
  if (!matchesExpected(target.current, change.expected)) return `${toA1(change.cell.row, change.cell.col)}：${SKIP_REASONS.stale}`;
  return undefined;
}

/**
 * Applies a patch to a snapshot, with the same guard a host applies, and returns a new snapshot.
 * Used by tests (fix, then check again) and by hosts that keep their workbook as a snapshot.
 */
export function applyPatchToSnapshot(snapshot: WorkbookSnapshot, patch: Patch): ApplyOutcome & { snapshot: WorkbookSnapshot; inverse: CellChange[] } {
  const sheets = snapshot.sheets.map((s) => ({ ...s, cells: s.cells.slice() }));
  const outcome: ApplyOutcome = { applied: [], skipped: [] };
  const inverse: CellChange[] = [];
  for (const change of patch.changes) {
    const sheet = sheets[change.cell.sheet];
    const row = sheet?.cells[change.cell.row] ? sheet.cells[change.cell.row].slice() : [];
    const old = row[change.cell.col];
    const current: CellState = { value: old?.v ?? null, formula: old?.f };
    const reason = guardWrite(change, { sheetName: sheet?.name, protected: !!sheet?.protected, current });
    if (reason) {
      outcome.skipped.push({ change, reason });
      continue;
    }
    const next = { ...(old ?? { v: null }), v: change.value } as { v: CellValue; f?: string; fmt?: string };
    if (change.formula) next.f = change.formula;
    else delete next.f;
    if (change.numFmt && !next.fmt) next.fmt = change.numFmt;
    row[change.cell.col] = next;
    sheet.cells[change.cell.row] = row;
    outcome.applied.push({ change, before: current });
    inverse.push({ cell: change.cell, expected: { value: change.value, formula: change.formula }, value: current.value, formula: current.formula, source: "undo" });
  }
  return { snapshot: { ...snapshot, sheets }, ...outcome, inverse };
}

/**
 * A change as the sheet shows it: numbers in the cell's own number format (「0.00% → 100.00%」, not
 * 「0 → 1」), a formula by the value it shows, a long text by a short excerpt around what changes
 * (「…罚款6.85余万元… → …罚款6.85万余元…」).
 */
export function showChange(c: CellChange, snapshot?: WorkbookSnapshot, max = 14): { cell: string; before: string; after: string } {
  const cell = snapshot?.sheets[c.cell.sheet]?.cells[c.cell.row]?.[c.cell.col];
  const fmt = cell?.fmt ?? c.numFmt;
  const shown = (v: CellValue, formula?: string): string => {
    if (v === null || v === undefined || v === "") return formula ? `=${formula}` : "（空）";
    if (typeof v === "number") return formatNumber(v, fmt ?? (formula ? c.numFmt : undefined));
    if (typeof v === "object") return v.error;
    return String(v);
  };
  const before = shown(c.expected.value, c.expected.formula);
  // A formula is shown by its value, marked as a formula: the cell will follow its inputs.
  const after = c.formula && c.value !== null && c.value !== "" ? `${shown(c.value, c.formula)}（公式）` : shown(c.value, c.formula);
  if (typeof c.expected.value === "string" && typeof c.value === "string" && (before.length > max * 2 || after.length > max * 2)) {
    const [b, a] = excerptPair(before, after, max);
    return { cell: toA1(c.cell.row, c.cell.col), before: b, after: a };
  }
  return { cell: toA1(c.cell.row, c.cell.col), before: clip(before, max * 3), after: clip(after, max * 3) };
}

function clip(t: string, max: number): string {
  const one = t.replace(/\s+/g, " ");
  return one.length > max ? `${one.slice(0, max)}…` : one;
}

/** The part of two texts that differs, with a little of what surrounds it on each side. */
export function excerptPair(before: string, after: string, context = 14): [string, string] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--;
    endA--;
  }
  const from = Math.max(0, start - context);
  // The first difference, with what surrounds it: a text changed in many places (markup) is shown where it starts.
  const cut = (t: string, end: number) => {
    const to = Math.min(t.length, Math.min(end, start + context * 2) + context);
    const body = t.slice(from, to).replace(/\s+/g, " ");
    return `${from > 0 ? "…" : ""}${body}${to < t.length ? "…" : ""}`;
  };
  return [cut(before, endB), cut(after, endA)];
}

/** "G6：-10,000.00 → -10,145.17", as the sheet shows the values. */
export function describeChangeShown(c: CellChange, snapshot?: WorkbookSnapshot, max?: number): string {
  const s = showChange(c, snapshot, max);
  return `${s.cell}：${s.before} → ${s.after}`;
}

/** A cell's content in a few characters, for "old → new" lines: formulas with "=", empty as （空）. */
export function showCellValue(v: CellValue, formula?: string, max = 30): string {
  if (formula) return `=${formula}`;
  if (v === null || v === undefined || v === "") return "（空）";
  if (typeof v === "object") return v.error;
  const t = String(v);
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

/** "G6：-10000 → -10145.17" */
export function describeChange(c: CellChange, max = 30): string {
  return `${toA1(c.cell.row, c.cell.col)}：${showCellValue(c.expected.value, c.expected.formula, max)} → ${showCellValue(c.value, c.formula, max)}`;
}
