/**
 * A worksheet part read into the engine's snapshot: one pass of indexOf over the XML, fed in pieces as
 * it is inflated, so memory follows the cells read and not the part's size or the used range. A cell
 * costs what it holds: a stray cell at XFD1048576 is one entry in a sparse row.
 *
 * Values follow what the snapshot has always been (ExcelJS's reading, then `snapshotWorksheet`), so the
 * engine sees the same workbook; the few places where ExcelJS reads a file wrongly are marked "unlike ExcelJS".
 */
import { CellSnapshot, CellValue, RangeRef, SheetSnapshot } from "../../../engine";
import { decodeA1, decodeRange, translateFormula } from "./formula";
import { dateRoundTrip } from "./numfmt";
import { decodeExcelEscapes, elementText, eachAttr, findClose, localName, tagEnd, tagName, attr } from "./xml";

/** A bound was hit: the reader turns it into a Chinese message. */
export class LimitError extends Error {
  constructor(readonly what: "cells" | "xml") {
    super(what);
    this.name = "LimitError";
  }
}

/** Counts what a read holds (cells, merged ranges, shared strings) against one bound. */
export class CellBudget {
  used = 0;
  constructor(readonly max: number) {}
  take(n = 1): void {
    this.used += n;
    if (this.used > this.max) throw new LimitError("cells");
  }
}

/** What a style index means for the snapshot. */
export interface StyleInfo {
  /** The format code as the snapshot reports it; undefined for General. */
  fmt?: string;
  isDate: boolean;
}

export interface SheetContext {
  sharedStrings: readonly string[];
  styles: readonly StyleInfo[];
  date1904: boolean;
  budget: CellBudget;
}

/** Where a cell's element is in the sheet XML, for the patcher. */
export interface CellPos {
  col: number;
  start: number;
  end: number;
  hasR: boolean;
  /** The raw start tag bounds. */
  tagEnd: number;
  formula?: { type?: string; ref?: string; si?: string; text: string };
}

export interface RowPos {
  row: number;
  start: number;
  openEnd: number;
  selfClosing: boolean;
  /** Start of `</row>` (undefined when self-closing). */
  closeStart: number;
  hasR: boolean;
  cells: CellPos[];
}

export interface SheetIndex {
  /** The qualified name of sheetData, e.g. `sheetData` or `x:sheetData`, and its prefix. */
  prefix: string;
  sheetData?: { start: number; openEnd: number; selfClosing: boolean; closeStart: number };
  rows: RowPos[];
  /** Where `<sheetProtection>` would go if it were to be added — unused, kept for symmetry. */
  protectedAttr?: string;
}

export interface SheetRead {
  snapshot: SheetSnapshot;
  index?: SheetIndex;
}

/** xsd:boolean as the writers use it: Excel and WPS write 1, LibreOffice writes true. */
export function xmlTrue(v: string | undefined): boolean {
  if (v === undefined) return false;
  const t = v.trim();
  return t === "1" || t === "true";
}

function toNumber(text: string): number {
  return parseFloat(text);
}

/** An ISO date (t="d") as a 1900-system serial. */
function isoToSerial(text: string): CellValue {
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || !/T/.test(text) ? text : `${text}Z`);
  if (Number.isNaN(t)) return text;
  return (t - Date.UTC(1899, 11, 30)) / 86400000;
}

/**
 * The streaming reader of one worksheet. `feed` is called with the text so far not consumed plus the
 * next piece; it returns how much it consumed (whole elements only), and is called once more with
 * `final` at the end.
 */
export class SheetScanner {
  private readonly cells: (CellSnapshot | undefined)[][] = [];
  private readonly merges: RangeRef[] = [];
  private readonly hyperlinks: string[] = [];
  /** Cells present in the XML without a value, by row*16384+col → style index (ExcelJS shows them when they carry a hyperlink). */
  private readonly empty = new Map<number, number>();
  private readonly masters = new Map<string, { row: number; col: number; formula: string }>();
  private inSheetData = false;
  private row = -1;
  private col = -1;
  private isProtected = false;
  private base = 0;
  readonly index?: SheetIndex;
  private currentRow?: RowPos;

  constructor(private readonly name: string, private readonly ctx: SheetContext, withIndex = false) {
    if (withIndex) this.index = { prefix: "", rows: [] };
  }

  /** Parses whole elements of `buf`; returns the index of the first character not consumed. */
  feed(buf: string, final: boolean): number {
    let p = 0;
    const n = buf.length;
    for (;;) {
      const lt = buf.indexOf("<", p);
      if (lt < 0) return this.consumed(n);
      if (lt + 1 >= n) return this.consumed(final ? n : lt);
      const c1 = buf.charCodeAt(lt + 1);
      if (c1 === 63 /* ? */) {
        const e = buf.indexOf("?>", lt);
        if (e < 0) return this.consumed(final ? n : lt);
        p = e + 2;
        continue;
      }
      if (c1 === 33 /* ! */) {
        const e = skipMarkup(buf, lt);
        if (e < 0) return this.consumed(final ? n : lt);
        p = e;
        continue;
      }
      const te = tagEnd(buf, lt);
      if (te < 0) return this.consumed(final ? n : lt);
      if (c1 === 47 /* / */) {
        const local = localName(tagName(buf, lt + 1, te));
        if (local === "sheetData") {
          this.inSheetData = false;
          if (this.index?.sheetData) this.index.sheetData.closeStart = this.base + lt;
        } else if (local === "row" && this.currentRow) {
          this.currentRow.closeStart = this.base + lt;
          this.currentRow = undefined;
        }
        p = te + 1;
        continue;
      }
      // The hot path: an unprefixed <c> needs no name read.
      const c2 = buf.charCodeAt(lt + 2);
      const plainC = c1 === 99 && (c2 === 32 || c2 === 62 || c2 === 47 || c2 === 9 || c2 === 10 || c2 === 13);
      const qname = plainC ? "c" : tagName(buf, lt, te);
      const local = plainC ? "c" : localName(qname);
      const selfClosing = buf.charCodeAt(te - 1) === 47;
      if (this.inSheetData) {
        if (local === "c") {
          let end: number;
          let closeStart: number;
          if (selfClosing) {
            closeStart = te;
            end = te + 1;
          } else {
            closeStart = plainC ? findPlainClose(buf, te + 1) : findClose(buf, qname, te + 1);
            if (closeStart < 0) return this.consumed(final ? n : lt);
            end = buf.indexOf(">", closeStart) + 1;
          }
          this.cell(buf, lt, te, selfClosing, closeStart, end);
          p = end;
          continue;
        }
        if (local === "row") {
          const r = attr(buf, lt, te, "r");
          const num = r !== undefined ? parseInt(r, 10) - 1 : NaN;
          this.row = Number.isFinite(num) && num >= 0 ? num : this.row + 1;
          this.col = -1;
          if (this.index) {
            const pos: RowPos = { row: this.row, start: this.base + lt, openEnd: this.base + te, selfClosing, closeStart: this.base + te, hasR: r !== undefined, cells: [] };
            this.index.rows.push(pos);
            this.currentRow = selfClosing ? undefined : pos;
          }
        }
      } else if (local === "sheetData") {
        this.inSheetData = !selfClosing;
        if (this.index) {
          const i = qname.indexOf(":");
          this.index.prefix = i < 0 ? "" : qname.slice(0, i + 1);
          this.index.sheetData = { start: this.base + lt, openEnd: this.base + te, selfClosing, closeStart: this.base + te };
        }
      } else if (local === "mergeCell") {
        const ref = attr(buf, lt, te, "ref");
        const range = ref ? decodeRange(ref) : undefined;
        if (range) {
          this.ctx.budget.take();
          this.merges.push(range);
        }
      } else if (local === "sheetProtection") {
        // Unlike ExcelJS (which wants "1"): LibreOffice writes sheet="true", and that sheet is protected too.
        if (xmlTrue(attr(buf, lt, te, "sheet"))) this.isProtected = true;
      } else if (local === "hyperlink") {
        let hasRel = false;
        let ref: string | undefined;
        eachAttr(buf, lt, te, (ns, ne, vs, ve) => {
          const name = buf.slice(ns, ne);
          if (name === "ref") ref = buf.slice(vs, ve);
          else if (name.endsWith(":id")) hasRel = true;
        });
        if (hasRel && ref) this.hyperlinks.push(ref);
      }
      p = te + 1;
    }
  }

  private consumed(i: number): number {
    this.base += i;
    return i;
  }

  private cell(buf: string, lt: number, te: number, selfClosing: boolean, closeStart: number, end: number): void {
    this.ctx.budget.take();
    // The hot path: attributes read in one pass without a closure; `r` decoded by hand.
    let rStart = -1;
    let rEnd = -1;
    let s = -1;
    let t: string | undefined;
    for (let p = lt + 2; p < te; p++) {
      const c = buf.charCodeAt(p);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) continue;
      const name = buf.charCodeAt(p + 1);
      if (buf.charCodeAt(p + 2) !== 61 /* = */ || (name !== 114 && name !== 115 && name !== 116)) continue;
      const q = buf.charCodeAt(p + 3);
      if (q !== 34 && q !== 39) continue;
      const close = buf.indexOf(q === 34 ? '"' : "'", p + 4);
      if (close < 0 || close > te) break;
      if (name === 114 /* r */) (rStart = p + 4), (rEnd = close);
      else if (name === 115 /* s */) s = parseInt(buf.slice(p + 4, close), 10);
      else t = buf.slice(p + 4, close);
      p = close;
    }
    if (rStart < 0 && /\s[rst]\s*=\s*["']/.test(buf.slice(lt, te))) {
      // Spaces around "=": the general attribute reader.
      eachAttr(buf, lt, te, (ns, ne, vs, ve) => {
        if (ne - ns !== 1) return;
        const c = buf.charCodeAt(ns);
        if (c === 114) (rStart = vs), (rEnd = ve);
        else if (c === 115) s = parseInt(buf.slice(vs, ve), 10);
        else if (c === 116) t = buf.slice(vs, ve);
      });
    }
    let col = this.col + 1;
    let row = this.row;
    if (rStart >= 0) {
      let p = rStart;
      let cc = 0;
      let rr = 0;
      let ch = buf.charCodeAt(p);
      if (ch === 36) ch = buf.charCodeAt(++p);
      while (p < rEnd && ((ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122))) {
        cc = cc * 26 + (ch & ~32) - 64;
        ch = buf.charCodeAt(++p);
      }
      if (ch === 36) ch = buf.charCodeAt(++p);
      const digits = p;
      while (p < rEnd && ch >= 48 && ch <= 57) {
        rr = rr * 10 + ch - 48;
        ch = buf.charCodeAt(++p);
      }
      if (p === rEnd && p > digits && cc >= 1 && cc <= 16384 && rr >= 1 && rr <= 1048576) {
        col = cc - 1;
        // The row is the row element's; a cell naming another row is placed where it says (as ExcelJS does).
        row = rr - 1;
      }
    }
    this.col = col;
    if (row < 0) row = 0;

    let v: string | undefined;
    let fText = "";
    let fType: string | undefined;
    let fRef: string | undefined;
    let fSi: string | undefined;
    let hasF = false;
    let inline: string | undefined;
    let p = te + 1;
    if (!selfClosing && buf.charCodeAt(p) === 60 && buf.charCodeAt(p + 1) === 118 /* v */ && buf.charCodeAt(p + 2) === 62) {
      // The common case, <v>…</v> alone: no child loop.
      const close = buf.indexOf("</v>", p + 3);
      if (close >= 0 && close + 4 === closeStart) {
        const raw = buf.slice(p + 3, close);
        v = raw.indexOf("&") < 0 && raw.indexOf("\r") < 0 && raw.indexOf("<") < 0 ? raw : elementText(buf, p + 2, close);
        p = closeStart;
      }
    }
    if (!selfClosing) {
      while (p < closeStart) {
        const lt2 = buf.indexOf("<", p);
        if (lt2 < 0 || lt2 >= closeStart) break;
        if (buf.charCodeAt(lt2 + 1) === 33 /* ! */) {
          const e = skipMarkup(buf, lt2);
          p = e < 0 ? closeStart : e;
          continue;
        }
        const te2 = tagEnd(buf, lt2);
        if (te2 < 0 || te2 > closeStart) break;
        if (buf.charCodeAt(lt2 + 1) === 47) {
          p = te2 + 1;
          continue;
        }
        const q2 = tagName(buf, lt2, te2);
        const l2 = localName(q2);
        const self2 = buf.charCodeAt(te2 - 1) === 47;
        let next = te2 + 1;
        let close2 = -1;
        if (!self2 && (l2 === "v" || l2 === "f" || l2 === "is")) {
          close2 = findClose(buf, q2, te2 + 1);
          if (close2 < 0 || close2 > closeStart) break;
          next = buf.indexOf(">", close2) + 1;
        }
        if (l2 === "v") {
          if (close2 >= 0) v = elementText(buf, te2, close2);
        } else if (l2 === "f") {
          hasF = true;
          eachAttr(buf, lt2, te2, (ns, ne, vs, ve) => {
            const name = buf.slice(ns, ne);
            if (name === "t") fType = buf.slice(vs, ve);
            else if (name === "ref") fRef = buf.slice(vs, ve);
            else if (name === "si") fSi = buf.slice(vs, ve);
          });
          if (close2 >= 0) fText = elementText(buf, te2, close2);
        } else if (l2 === "is") {
          if (close2 >= 0) inline = stringItemText(buf, te2 + 1, close2);
        }
        p = next;
      }
    }

    const pos = this.index ? ({ col, start: this.base + lt, end: this.base + end, hasR: rStart >= 0, tagEnd: this.base + te } as CellPos) : undefined;
    if (pos) {
      if (hasF) pos.formula = { type: fType, ref: fRef, si: fSi, text: fText };
      this.currentRow?.cells.push(pos);
    }

    const style = s >= 0 ? this.ctx.styles[s] : this.ctx.styles[0];
    // A value is read as ExcelJS reads it: an empty <v> or <t> is no value at all.
    if (v === "") v = undefined;
    if (inline === "") inline = undefined;
    const isFormula = fText !== "" || fType !== undefined;
    let snap: CellSnapshot | undefined;
    if (isFormula) {
      let value: CellValue = null;
      if (v !== undefined) {
        if (t === "str") value = v;
        else if (t === "b") value = parseBool(v);
        else if (t === "e") value = { error: v };
        else {
          value = toNumber(v);
          if (style?.isDate) value = dateRoundTrip(value, this.ctx.date1904);
        }
      }
      let f: string | undefined = fText || undefined;
      if (fType === "shared" && fSi !== undefined) {
        if (fRef) {
          if (fText) this.masters.set(fSi, { row, col, formula: fText });
        } else if (!f) {
          const m = this.masters.get(fSi);
          if (m) f = translateFormula(m.formula, m, { row, col });
        }
      }
      snap = f ? { v: value, f } : { v: value };
    } else {
      const raw = t === "inlineStr" ? inline ?? v : v;
      if (raw !== undefined) {
        let value: CellValue;
        switch (t) {
          case "s":
            value = this.ctx.sharedStrings[parseInt(raw, 10)] ?? "";
            break;
          case "str":
          case "inlineStr":
            value = raw;
            break;
          case "b":
            value = parseBool(raw);
            break;
          case "e":
            value = { error: raw };
            break;
          case "d":
            // Unlike ExcelJS (which reads "2021-03-01T00:00:00" as the number 2021): the date's serial.
            value = isoToSerial(raw);
            break;
          default:
            value = toNumber(raw);
            if (style?.isDate) value = dateRoundTrip(value, this.ctx.date1904);
        }
        snap = { v: value };
      }
    }
    if (!snap) {
      this.empty.set(row * 16384 + col, s);
      return;
    }
    if (style?.fmt) snap.fmt = style.fmt;
    (this.cells[row] ??= [])[col] = snap;
  }

  /** The sheet's snapshot, once the whole part has been fed. */
  finish(): SheetRead {
    // A hyperlink makes ExcelJS show a cell that is there without a value (as an empty value).
    for (const ref of this.hyperlinks) {
      const a = decodeA1(ref);
      if (!a || this.cells[a.row]?.[a.col]) continue;
      const s = this.empty.get(a.row * 16384 + a.col);
      if (s === undefined) continue;
      const snap: CellSnapshot = { v: null };
      const style = s >= 0 ? this.ctx.styles[s] : this.ctx.styles[0];
      if (style?.fmt) snap.fmt = style.fmt;
      (this.cells[a.row] ??= [])[a.col] = snap;
    }
    // Covered cells of a merged range are not read (Excel shows only the top-left one); a row holding
    // covered cells is there, if empty, as ExcelJS has it. Rows are made only for ranges ExcelJS could
    // itself hold (it makes a cell object for every covered cell).
    let rowsMade = 0;
    let rowKeys: number[] | undefined;
    for (const m of this.merges) {
      const area = (m.bottom - m.top + 1) * (m.right - m.left + 1);
      const make = area <= 100_000 && rowsMade < 100_000;
      const coverRow = (r: number) => {
        let row = this.cells[r];
        if (!row) {
          if (!make || (r === m.top && m.right === m.left)) return;
          row = this.cells[r] = [];
          rowsMade++;
        }
        const from = r === m.top ? m.left + 1 : m.left;
        const to = Math.min(m.right, row.length - 1);
        if (to - from > 64) {
          for (const k in row) {
            const c = Number(k);
            if (c >= from && c <= to) delete row[c];
          }
        } else {
          for (let c = from; c <= to; c++) if (row[c]) delete row[c];
        }
      };
      if (make || m.bottom - m.top < 1024) {
        for (let r = m.top; r <= m.bottom; r++) coverRow(r);
      } else {
        // A huge range: only the rows that hold cells.
        rowKeys ??= Object.keys(this.cells).map(Number);
        let lo = 0;
        let hi = rowKeys.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (rowKeys[mid] < m.top) lo = mid + 1;
          else hi = mid;
        }
        for (let i = lo; i < rowKeys.length && rowKeys[i] <= m.bottom; i++) coverRow(rowKeys[i]);
      }
    }
    const snapshot: SheetSnapshot = { name: this.name, cells: this.cells, merges: this.merges };
    if (this.isProtected) snapshot.protected = true;
    return { snapshot, index: this.index };
  }
}

/** `</c>` (or `</c ` …) from `from`, without building the needle. */
function findPlainClose(s: string, from: number): number {
  let p = from;
  for (;;) {
    const i = s.indexOf("</c", p);
    if (i < 0) return -1;
    const c = s.charCodeAt(i + 3);
    if (c === 62 || c === 32 || c === 9 || c === 10 || c === 13) return i;
    p = i + 3;
  }
}

/** Booleans: "1"/"0" as Excel writes; "true"/"false" read as meant (unlike ExcelJS, which reads "false" as true). */
function parseBool(v: string): boolean {
  const t = v.trim();
  if (t === "true") return true;
  if (t === "false") return false;
  return parseInt(t, 10) !== 0;
}

/** Skips a comment, CDATA section, DOCTYPE or other `<!…>` markup at `lt`; returns the index after it, or -1 if incomplete. */
export function skipMarkup(s: string, lt: number): number {
  if (s.startsWith("<!--", lt)) {
    const e = s.indexOf("-->", lt + 4);
    return e < 0 ? -1 : e + 3;
  }
  if (s.startsWith("<![CDATA[", lt)) {
    const e = s.indexOf("]]>", lt + 9);
    return e < 0 ? -1 : e + 3;
  }
  // <!DOCTYPE …> with an optional internal subset in brackets.
  let depth = 0;
  for (let p = lt + 2; p < s.length; p++) {
    const c = s.charCodeAt(p);
    if (c === 91) depth++;
    else if (c === 93) depth--;
    else if (c === 62 && depth <= 0) return p + 1;
  }
  return -1;
}

/**
 * The text of a string item (`<si>` of the shared strings, `<is>` of an inline string) between
 * `from` and `to`: its `<t>`, or its rich-text runs joined. Phonetic runs (`<rPh>`, the furigana of
 * Japanese text) are not part of the text.
 */
export function stringItemText(s: string, from: number, to: number): string {
  let out = "";
  let p = from;
  let inPhonetic = 0;
  while (p < to) {
    const lt = s.indexOf("<", p);
    if (lt < 0 || lt >= to) break;
    if (s.charCodeAt(lt + 1) === 33) {
      const e = skipMarkup(s, lt);
      p = e < 0 ? to : e;
      continue;
    }
    const te = tagEnd(s, lt);
    if (te < 0 || te > to) break;
    const closing = s.charCodeAt(lt + 1) === 47;
    const qname = tagName(s, closing ? lt + 1 : lt, te);
    const local = localName(qname);
    if (closing) {
      if (local === "rPh") inPhonetic--;
      p = te + 1;
      continue;
    }
    const self = s.charCodeAt(te - 1) === 47;
    if (local === "rPh" && !self) inPhonetic++;
    if (local === "t" && !self) {
      const close = findClose(s, qname, te + 1);
      if (close < 0 || close > to) break;
      if (!inPhonetic) out += decodeExcelEscapes(elementText(s, te, close));
      p = s.indexOf(">", close) + 1;
      continue;
    }
    p = te + 1;
  }
  return out;
}

/** The streaming reader of the shared strings part: `<si>` by `<si>`. */
export class SharedStringsScanner {
  readonly strings: string[] = [];
  constructor(private readonly budget: CellBudget) {}
  feed(buf: string, final: boolean): number {
    let p = 0;
    const n = buf.length;
    for (;;) {
      const lt = buf.indexOf("<", p);
      if (lt < 0) return n;
      if (lt + 1 >= n) return final ? n : lt;
      const c1 = buf.charCodeAt(lt + 1);
      if (c1 === 63 || c1 === 33) {
        const e = c1 === 63 ? buf.indexOf("?>", lt) + 2 : skipMarkup(buf, lt);
        if (e <= 1 || e < 0) return final ? n : lt;
        p = e;
        continue;
      }
      const te = tagEnd(buf, lt);
      if (te < 0) return final ? n : lt;
      if (c1 === 47) {
        p = te + 1;
        continue;
      }
      const qname = tagName(buf, lt, te);
      if (localName(qname) === "si") {
        this.budget.take();
        if (buf.charCodeAt(te - 1) === 47) {
          this.strings.push("");
          p = te + 1;
          continue;
        }
        const close = findClose(buf, qname, te + 1);
        if (close < 0) return final ? n : lt;
        this.strings.push(stringItemText(buf, te + 1, close));
        p = buf.indexOf(">", close) + 1;
        continue;
      }
      p = te + 1;
    }
  }
}
