/**
 * Formula text: a shared formula's master translated for a dependent cell, and whether a formula may
 * read a given cell (to know when cached results go stale).
 */

export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & ~32) - 64;
  return n;
}

export function columnLettersOf(n: number): string {
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "C5" → {row: 4, col: 2} (0-based); undefined when not a cell reference. */
export function decodeA1(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(ref);
  if (!m) return undefined;
  const col = columnNumber(m[1].toUpperCase()) - 1;
  const row = parseInt(m[2], 10) - 1;
  if (row < 0 || col < 0 || col > 16383 || row > 1048575) return undefined;
  return { row, col };
}

export function encodeA1(row: number, col: number): string {
  return `${columnLettersOf(col + 1)}${row + 1}`;
}

/** "A1:C3" (or "A1") → a 0-based range. */
export function decodeRange(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const parts = ref.trim().split(":");
  const a = decodeA1(parts[0]);
  const b = parts.length > 1 ? decodeA1(parts[1]) : a;
  if (!a || !b || parts.length > 2) return undefined;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/** Calls `each` on the parts of a formula outside string literals and quoted sheet names, and returns the text with each part replaced. */
function mapOutsideQuotes(formula: string, each: (part: string) => string): string {
  let out = "";
  let p = 0;
  while (p < formula.length) {
    const dq = formula.indexOf('"', p);
    const sq = formula.indexOf("'", p);
    const q = dq < 0 ? sq : sq < 0 ? dq : Math.min(dq, sq);
    if (q < 0) {
      out += each(formula.slice(p));
      break;
    }
    out += each(formula.slice(p, q));
    const ch = formula[q];
    // A quote inside quotes is doubled.
    let e = q + 1;
    for (;;) {
      const c = formula.indexOf(ch, e);
      if (c < 0) {
        e = formula.length;
        break;
      }
      if (formula[c + 1] === ch) {
        e = c + 2;
        continue;
      }
      e = c + 1;
      break;
    }
    out += formula.slice(q, e);
    p = e;
  }
  return out;
}

const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/**
 * A shared formula's text for a dependent cell: relative references moved by the distance from the
 * master, as ExcelJS's `cell.formula` gives it (its slideFormula), except that string literals and
 * quoted sheet names are left alone ("A1" in quotes is text, not a reference).
 */
export function translateFormula(formula: string, from: { row: number; col: number }, to: { row: number; col: number }): string {
  const dr = to.row - from.row;
  const dc = to.col - from.col;
  return mapOutsideQuotes(formula, (part) =>
    part.replace(CANDIDATE, (ref: string, sheet: string | undefined, _s: string, addr: string, paren: string | undefined) => {
      if (paren) return ref;
      const m = CELL.exec(addr);
      if (!m) return ref;
      const colStr = m[2].toUpperCase();
      if (colStr.length > 3 || (colStr.length === 3 && colStr > "XFD")) return ref;
      let col = columnNumber(colStr);
      let row = parseInt(m[4], 10);
      if (!m[1]) col += dc;
      if (!m[3]) row += dr;
      return `${sheet || ""}${m[1] || ""}${columnLettersOf(col)}${m[3] || ""}${row}`;
    }),
  );
}

export interface Area {
  /** The sheet named in the reference, or undefined for the formula's own sheet. */
  sheet?: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAXROW = 1048575;
const MAXCOL = 16383;

/**
 * The areas a formula names, and whether it may read cells it does not name (INDIRECT, OFFSET,
 * structured or external references, names): then `opaque` is true and callers assume the worst.
 */
export function formulaAreas(formula: string, names: ReadonlySet<string> = new Set()): { areas: Area[]; opaque: boolean; names: string[] } {
  const areas: Area[] = [];
  const used: string[] = [];
  // References into other workbooks ([1]Sheet1!A1, '[1]My sheet'!A1, [1]!Name) read none of this workbook's cells.
  formula = formula.replace(/'\[\d+\](?:[^']|'')*'![$A-Za-z0-9:]*|\[\d+\][^!\s(),]*![$A-Za-z0-9_.:]*/g, " ");
  // Structured references (Table1[Column]) and INDIRECT/OFFSET can read any cell: assume they do.
  const opaque = /\b(INDIRECT|OFFSET)\s*\(/i.test(formula) || formula.includes("[");
  // Quoted sheet names are references' qualifiers; strings are not references at all.
  const re = /(?:'((?:[^']|'')+)'|([A-Za-z_\u00A0-\uFFFF][\w.\u00A0-\uFFFF]*))!|(?<![\w.$])(\$?[A-Za-z]{1,3}\$?[0-9]{1,7}(?::\$?[A-Za-z]{1,3}\$?[0-9]{1,7})?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?[0-9]{1,7}:\$?[0-9]{1,7})(?![\w(!])|"(?:[^"]|"")*"|([A-Za-z_\\\u00A0-\uFFFF][\w.\u00A0-\uFFFF]*)(?![\w(!])/g;
  let sheet: string | undefined;
  let m: RegExpExecArray | null;
  while ((m = re.exec(formula))) {
    if (m[1] !== undefined || m[2] !== undefined) {
      sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
      continue;
    }
    if (m[3] !== undefined) {
      const area = areaOf(m[3]);
      if (area) areas.push({ ...area, sheet });
      sheet = undefined;
      continue;
    }
    if (m[4] !== undefined) {
      const upper = m[4].toUpperCase();
      if (names.has(upper)) used.push(upper);
    }
    sheet = undefined;
  }
  return { areas, opaque, names: used };
}

function areaOf(ref: string): Omit<Area, "sheet"> | undefined {
  const parts = ref.replace(/\$/g, "").split(":");
  if (parts.length === 1) {
    const a = decodeA1(parts[0]);
    return a && { top: a.row, left: a.col, bottom: a.row, right: a.col };
  }
  const [x, y] = parts;
  if (/^[0-9]+$/.test(x) && /^[0-9]+$/.test(y)) {
    const r1 = parseInt(x, 10) - 1;
    const r2 = parseInt(y, 10) - 1;
    return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: 0, right: MAXCOL };
  }
  if (/^[A-Za-z]+$/.test(x) && /^[A-Za-z]+$/.test(y)) {
    const c1 = columnNumber(x.toUpperCase()) - 1;
    const c2 = columnNumber(y.toUpperCase()) - 1;
    return { top: 0, bottom: MAXROW, left: Math.min(c1, c2), right: Math.max(c1, c2) };
  }
  const a = decodeA1(x);
  const b = decodeA1(y);
  if (!a || !b) return undefined;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

export function areaCovers(area: { top: number; left: number; bottom: number; right: number }, row: number, col: number): boolean {
  return row >= area.top && row <= area.bottom && col >= area.left && col <= area.right;
}
