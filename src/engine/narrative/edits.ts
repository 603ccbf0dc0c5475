import { stripMarkup } from "../text/normalize";
import { cellKey } from "../grid/address";
import { CellChange } from "../patch";
import { TextEdit } from "../rules/types";

/** Applies edits to a text: each replacement once, in order, then markup to line breaks. */
export function applyTextEdits(raw: string, edits: TextEdit[]): string {
  let t = raw;
  for (const e of edits) for (const r of e.replace ?? []) {
    const i = t.indexOf(r.find);
    if (i >= 0) t = t.slice(0, i) + r.with + t.slice(i + r.find.length);
  }
  if (edits.some((e) => e.stripMarkup)) t = stripMarkup(t);
  return t;
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
