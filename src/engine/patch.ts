import { CellAddress, cellKey, toA1 } from "./grid/address";
import { CellValue, WorkbookSnapshot, isEmptyValue, sameValue } from "./grid/snapshot";

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

export interface ApplyResult {
  snapshot: WorkbookSnapshot;
  applied: CellChange[];
  skipped: { change: CellChange; reason: string }[];
  /** The changes that undo what was applied. */
  inverse: CellChange[];
}

/**
 * Applies a patch to a snapshot, with the same guard a host applies, and returns a new snapshot.
 * Used by tests (fix, then check again) and by hosts that keep their workbook as a snapshot.
 */
export function applyPatchToSnapshot(snapshot: WorkbookSnapshot, patch: Patch): ApplyResult {
  const sheets = snapshot.sheets.map((s) => ({ ...s, cells: s.cells.slice() }));
  const applied: CellChange[] = [];
  const skipped: { change: CellChange; reason: string }[] = [];
  const inverse: CellChange[] = [];
  for (const change of patch.changes) {
    const sheet = sheets[change.cell.sheet];
    if (!sheet) {
      skipped.push({ change, reason: "工作表不存在" });
      continue;
    }
    if (sheet.protected) {
      skipped.push({ change, reason: `工作表「${sheet.name}」受保护` });
      continue;
    }
    const row = sheet.cells[change.cell.row] ? sheet.cells[change.cell.row].slice() : [];
    const old = row[change.cell.col];
    const current = { value: old?.v ?? null, formula: old?.f };
    if (!matchesExpected(current, change.expected)) {
      skipped.push({ change, reason: "单元格已被修改" });
      continue;
    }
    const next = { ...(old ?? { v: null }), v: change.value } as { v: CellValue; f?: string; fmt?: string };
    if (change.formula) next.f = change.formula;
    else delete next.f;
    if (change.numFmt && !next.fmt) next.fmt = change.numFmt;
    row[change.cell.col] = next;
    sheet.cells[change.cell.row] = row;
    applied.push(change);
    inverse.push({ cell: change.cell, expected: { value: change.value, formula: change.formula }, value: current.value, formula: current.formula, source: "undo" });
  }
  return { snapshot: { ...snapshot, sheets }, applied, skipped, inverse };
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
