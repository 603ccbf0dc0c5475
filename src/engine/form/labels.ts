import { SheetView } from "../grid/sheetView";
import { WorkbookSnapshot, isEmptyValue } from "../grid/snapshot";
import { labelKey, stripMarkup, toHalfWidth } from "../text/normalize";
import { parseQuantity } from "../quantity/parse";
import { cellQuantity, cellText } from "../grid/format";
import { FieldRef, TextRef } from "./model";

/** A field's labels: the synonyms a form may print, and where its value sits relative to the label. */
export interface LabelSpec {
  synonyms: string[];
  /** Where the value is looked for first. */
  value: "right" | "below";
}

export interface LabelHit {
  row: number;
  col: number;
  /** The label text as written. */
  text: string;
  /** Text after a colon in the same cell ("被评价年度：2021年"). */
  inlineValue?: string;
}

/** Labels are short; longer cells are prose and are never matched as labels. */
const MAX_LABEL_LENGTH = 40;

/**
 * Every short text cell of a sheet, keyed for label matching. Built once per sheet, so finding a
 * label is a lookup rather than a scan.
 */
export class LabelIndex {
  private readonly byKey = new Map<string, LabelHit[]>();
  private readonly keyAt = new Map<number, string>();
  /** Keys with a bracketed part, the only ones a qualifier match can apply to. */
  private readonly bracketKeys: string[] = [];

  constructor(readonly view: SheetView) {
    const cells = view.sheet.cells;
    for (let r = 0; r < cells.length; r++) {
      const row = cells[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell || typeof cell.v !== "string" || cell.v.length > MAX_LABEL_LENGTH * 3) continue;
        const text = cell.v;
        const key = labelKey(text);
        if (key.length === 0 || key.length > MAX_LABEL_LENGTH) continue;
        this.keyAt.set(r * 16384 + c, key);
        this.add(key, { row: r, col: c, text });
        // "被评价年度：2021年" names a field and holds its value.
        const inline = /[:：]/.test(text) ? /^([^:：]{2,20})[:：]\s*(\S[\s\S]*)$/.exec(toHalfWidth(stripMarkup(text)).trim()) : null;
        if (inline) this.add(labelKey(inline[1]), { row: r, col: c, text: inline[1], inlineValue: inline[2].trim() });
      }
    }
  }

  private add(key: string, hit: LabelHit): void {
    const list = this.byKey.get(key);
    if (list) list.push(hit);
    else {
      this.byKey.set(key, [hit]);
      if (key.endsWith(")")) this.bracketKeys.push(key);
    }
  }

  keyOf(row: number, col: number): string | undefined {
    return this.keyAt.get(row * 16384 + col);
  }

  /** All cells whose label matches one of the synonyms, in reading order. */
  find(synonyms: string[]): LabelHit[] {
    const hits: LabelHit[] = [];
    for (const syn of synonyms) {
      const exact = this.byKey.get(synonymKey(syn));
      if (exact) hits.push(...exact);
    }
    // "部门名称（汇总）" is "部门名称" with a bracketed qualifier.
    for (const key of this.bracketKeys) {
      for (const syn of synonyms) {
        const s = synonymKey(syn);
        if (key !== s && key.startsWith(s) && /^\([^()]*\)$/.test(key.slice(s.length))) hits.push(...this.byKey.get(key)!);
      }
    }
    hits.sort((a, b) => a.row - b.row || a.col - b.col);
    return dedupe(hits);
  }
}

/** The templates' synonyms are a fixed few hundred words, looked up for every form: keyed once. */
const synonymKeys = new Map<string, string>();
function synonymKey(synonym: string): string {
  let key = synonymKeys.get(synonym);
  if (key === undefined) {
    if (synonymKeys.size > 2000) synonymKeys.clear();
    synonymKeys.set(synonym, (key = labelKey(synonym)));
  }
  return key;
}

function dedupe(hits: LabelHit[]): LabelHit[] {
  const out: LabelHit[] = [];
  for (const h of hits) if (!out.some((o) => o.row === h.row && o.col === h.col && o.inlineValue === h.inlineValue)) out.push(h);
  return out;
}

/**
 * Finds where a label's value sits: the first cell right of the label's area, or the first below it,
 * whichever is filled and not itself a label; when neither is filled, the cell where it belongs.
 */
export function locateValue(
  view: SheetView,
  hit: LabelHit,
  prefer: "right" | "below",
  isLabel: (row: number, col: number) => boolean,
  /** The form's last column: a value is never looked for beyond it (cells right of the form are the user's). */
  lastCol = view.colCount - 1,
): { row: number; col: number } | undefined {
  const area = view.area(hit.row, hit.col);
  const usable = (p: { row: number; col: number } | undefined) => p && !isLabel(p.row, p.col);
  const filled = (p: { row: number; col: number } | undefined) => usable(p) && !isEmptyValue(view.cell(p!.row, p!.col)?.v);
  const right = area.right + 1 <= lastCol && area.right + 1 < view.colCount ? { row: area.top, col: area.right + 1 } : undefined;
  // A spacer cell may stand between a label and its value: look a few cells along the row, up to the next label.
  let rightFilled: { row: number; col: number } | undefined;
  for (let c = area.right + 1; c < Math.min(view.colCount, area.right + 4, lastCol + 1); c++) {
    const a = view.anchor(area.top, c);
    if (isLabel(a.row, a.col)) break;
    if (filled(a)) {
      rightFilled = a;
      break;
    }
  }
  const below = { row: area.bottom + 1, col: area.left };
  if (prefer === "right") {
    if (rightFilled) return rightFilled;
    // An empty value cell on the right is where the value belongs; the row below is another field.
    if (usable(right)) return view.anchor(right!.row, right!.col);
    if (filled(below)) return view.anchor(below.row, below.col);
    return usable(below) ? view.anchor(below.row, below.col) : undefined;
  }
  if (filled(below)) return view.anchor(below.row, below.col);
  if (rightFilled) return rightFilled;
  if (usable(below)) return view.anchor(below.row, below.col);
  return usable(right) ? view.anchor(right!.row, right!.col) : undefined;
}

export function makeFieldRef(view: SheetView, hit: LabelHit, at: { row: number; col: number }): FieldRef {
  const source = view.raw(at.row, at.col);
  return {
    cell: view.address(at.row, at.col),
    labelCell: view.address(hit.row, hit.col),
    label: hit.text,
    source,
    text: cellText(source),
    quantity: cellQuantity(source),
  };
}

export function makeInlineFieldRef(view: SheetView, hit: LabelHit): FieldRef {
  const text = hit.inlineValue ?? "";
  return {
    cell: view.address(hit.row, hit.col),
    labelCell: view.address(hit.row, hit.col),
    label: hit.text,
    source: view.raw(hit.row, hit.col),
    text,
    quantity: parseQuantity(text),
    inline: true,
  };
}

export function makeTextRef(view: SheetView, at: { row: number; col: number }, hit?: LabelHit): TextRef {
  const raw = valueAsText(view.raw(at.row, at.col)?.v ?? null);
  return {
    cell: view.address(at.row, at.col),
    labelCell: hit ? view.address(hit.row, hit.col) : undefined,
    label: hit?.text,
    raw,
    text: stripMarkup(raw),
  };
}

function valueAsText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && v && "error" in v) return String((v as { error: string }).error);
  return String(v);
}

/**
 * The views and label indexes of the last workbook read: every template's reader looks at the same
 * sheets, and a snapshot is never changed once read (a patch makes a new one). Only the last one is
 * kept: a cache keyed weakly on snapshots kept each checked workbook alive through V8's
 * young-generation collections (measured over a folder: it tripled what they promoted), so the
 * collector copied each form's cells and text again and again.
 */
let lastSnapshot: WorkbookSnapshot | undefined;
let lastSheets: ({ view: SheetView; index: LabelIndex } | undefined)[] = [];

/** Lets go of the last workbook's views (analyze() calls this when it is done with a form). */
export function forgetSheetIndexes(): void {
  lastSnapshot = undefined;
  lastSheets = [];
}

export function indexSheet(snapshot: WorkbookSnapshot, sheetIndex: number): { view: SheetView; index: LabelIndex } {
  if (snapshot !== lastSnapshot) {
    lastSnapshot = snapshot;
    lastSheets = [];
  }
  let hit = lastSheets[sheetIndex];
  if (!hit) {
    const view = new SheetView(snapshot.sheets[sheetIndex], sheetIndex);
    hit = lastSheets[sheetIndex] = { view, index: new LabelIndex(view) };
  }
  return hit;
}
