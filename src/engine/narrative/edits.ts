import { stripMarkup } from "../text/normalize";
import { cellKey } from "../grid/address";
import { CellAddress } from "../grid/address";
import { CellChange } from "../patch";

/** Edits to the text of one cell: replacements first, then markup turned into line breaks. */
export interface TextEdit {
  cell: CellAddress;
  /** The cell's text as read: the write expects it unchanged. */
  raw: string;
  replace?: { find: string; with: string }[];
  stripMarkup?: boolean;
}

/** Characters that markup, entities or the line clean-up of stripMarkup act on. */
const MARKUP_CHARS = /[<>&\s]/;

/**
 * Applies edits to a text: each replacement once, in order, then markup to line breaks. When no
 * replacement touches markup or white space, the markup goes first: the cell's text without markup
 * is already known (recognition read it), so a long text is not cleaned a second time.
 */
export function applyTextEdits(raw: string, edits: TextEdit[]): string {
  const strip = edits.some((e) => e.stripMarkup);
  const replacements = edits.flatMap((e) => e.replace ?? []);
  const plain = strip && replacements.every((r) => raw.includes(r.find) && !MARKUP_CHARS.test(r.find) && !MARKUP_CHARS.test(r.with));
  let t = plain ? stripMarkup(raw) : raw;
  for (const r of replacements) {
    const i = t.indexOf(r.find);
    if (i >= 0) t = t.slice(0, i) + r.with + t.slice(i + r.find.length);
  }
  return strip && !plain ? stripMarkup(t) : t;
}

/** One write per cell, composing every edit aimed at it. */
export function changesFromEdits(edits: TextEdit[], source: string): CellChange[] {
  const byCell = new Map<string, TextEdit[]>();
  for (const e of edits) {
    const k = cellKey(e.cell);
    const list = byCell.get(k);
    if (list) list.push(e);
    else byCell.set(k, [e]);
  }
  const out: CellChange[] = [];
  for (const list of byCell.values()) {
    const raw = list[0].raw;
    const next = applyTextEdits(raw, list);
    if (next !== raw) out.push({ cell: list[0].cell, expected: { value: raw }, value: next, source });
  }
  return out;
}

/** An edit in a few words, for the pane and the CLI: "6.85余万元 → 6.85万余元", "网页标记 → 换行". */
export function describeEdit(edit: TextEdit): string {
  const parts = (edit.replace ?? []).map((r) => `${r.find} → ${r.with}`);
  if (edit.stripMarkup) parts.push("网页标记 → 换行");
  return parts.join("；");
}
