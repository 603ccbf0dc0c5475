/** Cell addresses are plain data: 0-based sheet index, row and column. A1 strings exist only at the edges. */
export interface CellAddress {
  sheet: number;
  row: number;
  col: number;
}

/** An inclusive rectangle of cells on one sheet, 0-based. */
export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function cellAddress(sheet: number, row: number, col: number): CellAddress {
  return { sheet, row, col };
}

export function sameCell(a: CellAddress, b: CellAddress): boolean {
  return a.sheet === b.sheet && a.row === b.row && a.col === b.col;
}

export function cellKey(a: CellAddress): string {
  return `${a.sheet}:${a.row}:${a.col}`;
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "C8" for row 7, col 2. */
export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function addressToA1(a: { row: number; col: number }): string {
  return toA1(a.row, a.col);
}

export function rangeToA1(r: RangeRef): string {
  const a = toA1(r.top, r.left);
  const b = toA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

/** Parses "C8" (also "$C$8") into a 0-based row and column; undefined when it is not an A1 reference. */
export function parseA1(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1) return undefined;
  return { row: row - 1, col: col - 1 };
}

/** Parses "A1:B2" or "A1" into a range. */
export function parseRangeA1(ref: string): RangeRef | undefined {
  const parts = ref.split(":");
  const a = parseA1(parts[0]);
  const b = parts.length > 1 ? parseA1(parts[1]) : a;
  if (!a || !b || parts.length > 2) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}
