import { RangeRef } from "./address";

/** A cell error as the host reports it, e.g. "#DIV/0!". */
export interface CellError {
  error: string;
}

/** A cell value as the host gives it. Dates arrive as serial numbers or strings; the forms hold none. */
export type CellValue = number | string | boolean | CellError | null;

export interface CellSnapshot {
  /** The value, or the cached result of a formula. */
  v: CellValue;
  /** The formula without the leading "=", when the cell has one. */
  f?: string;
  /** The number format code (en-US), when it is not "General". */
  fmt?: string;
}

export interface SheetSnapshot {
  name: string;
  /** cells[row][col], 0-based from A1; missing rows and cells are empty. */
  cells: (CellSnapshot | undefined)[][];
  merges: RangeRef[];
  protected?: boolean;
}

/** What a host hands to the engine: the workbook's sheets as it read them. */
export interface WorkbookSnapshot {
  fileName?: string;
  sheets: SheetSnapshot[];
}

export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === "object" && v !== null && "error" in v;
}

export function isEmptyValue(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** The value as text, the way a person reads it in the cell (numbers unformatted). */
export function valueText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v.error;
}

export function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const ea = isEmptyValue(a);
  const eb = isEmptyValue(b);
  if (ea || eb) return ea && eb;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  if (isCellError(a) && isCellError(b)) return a.error === b.error;
  return a === b;
}

export function sheetRowCount(sheet: SheetSnapshot): number {
  return sheet.cells.length;
}

export function sheetColCount(sheet: SheetSnapshot): number {
  let n = 0;
  for (const row of sheet.cells) if (row && row.length > n) n = row.length;
  return n;
}
