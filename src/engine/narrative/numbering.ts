import { chineseNumber } from "./text";
import { toHalfWidth } from "../text/normalize";
import { memoByText } from "../text/memo";
import { codeSet, isSpaceCode } from "../text/chars";

/**
 * Numbering markers in prose, by level: 一、 (1) > (一) (2) > 一是 / 1. / 1、 / (1) (3).
 * A marker counts only at the start of a line or after sentence punctuation, so "统一、" or a
 * decimal "1.8万" is never taken for one.
 */
export type MarkerStyle = "cn-dun" | "cn-paren" | "cn-shi" | "arabic-dot" | "arabic-paren";

export interface Marker {
  style: MarkerStyle;
  level: 1 | 2 | 3;
  number: number;
  /** The marker as written: "(三)", "二是", "3.". */
  raw: string;
  index: number;
}

const LEVEL: Record<MarkerStyle, 1 | 2 | 3> = { "cn-dun": 1, "cn-paren": 2, "cn-shi": 3, "arabic-dot": 3, "arabic-paren": 3 };
const NUM = "[一二三四五六七八九十]{1,3}";

/** What may stand before a marker (white space aside): a line break or sentence punctuation. */
const AFTER_SENTENCE = codeSet("\n。；;：:！!？?");
/** Sub-items also follow a comma ("严格落实标准，1.洒水降尘…；2.…"). */
const AFTER_CLAUSE = codeSet("\n。；;：:！!？?，,");

/**
 * Every style in one pattern, so the text is scanned once: (一) / (1), 一、 / 一是 / 一要, 1. / 1、,
 * brackets, digits and points full-width or half-width (the text is read as written, not converted).
 * The place a marker stands is checked by hand, not by a lookbehind: a lookbehind at the head of a
 * pattern is tried at every character of the text, and this runs over every prose cell.
 */
const DIGIT = "[0-9０-９]";
const MARKER = new RegExp(`[(（](?:(${NUM})|(${DIGIT}{1,2}))[)）]|(${NUM})(、|是|要)|(${DIGIT}{1,2})[.．、](?!${DIGIT})`, "g");

/** A marker counts at the very start, or after `allowed` and any white space. */
function standsFree(t: string, index: number, allowed: Uint8Array): boolean {
  if (index === 0) return true;
  // Back over white space to an allowed mark; a line break is both.
  for (let i = index - 1; i >= 0; i--) {
    const code = t.charCodeAt(i);
    if (allowed[code] === 1) return true;
    if (!isSpaceCode(code)) return false;
  }
  return false;
}

/** Every numbering marker of a text, in reading order (remembered: several rules read the same prose). */
export const findMarkers: (text: string) => readonly Marker[] = memoByText((text) => readMarkers(text), 64);

function readMarkers(text: string): Marker[] {
  const t = text;
  const out: Marker[] = [];
  MARKER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKER.exec(t))) {
    const style: MarkerStyle = m[1] ? "cn-paren" : m[2] ? "arabic-paren" : m[3] ? (m[4] === "、" ? "cn-dun" : "cn-shi") : "arabic-dot";
    const allowed = style === "cn-dun" || style === "cn-paren" ? AFTER_SENTENCE : AFTER_CLAUSE;
    if (!standsFree(t, m.index, allowed)) {
      MARKER.lastIndex = m.index + 1;
      continue;
    }
    const digits = m[1] ?? m[2] ?? m[3] ?? m[5];
    const n = style.startsWith("arabic") ? Number(toHalfWidth(digits)) : chineseNumber(digits);
    if (n === undefined) continue;
    out.push({ style, level: LEVEL[style], number: n, raw: toHalfWidth(m[0]).trim(), index: m.index });
  }
  return out;
}

export interface NumberingProblem {
  kind: "gap" | "repeat" | "mixed";
  marker: Marker;
  /** The numbers missing, for a gap. */
  missing?: number[];
  /** The other style used at the same level, for mixed. */
  other?: Marker;
}

/**
 * Checks each run of markers: a run is the markers of one level between two markers of a higher
 * level, so 一是…五是 may start again under each (一)(二).
 */
export function checkNumbering(markers: readonly Marker[]): NumberingProblem[] {
  const problems: NumberingProblem[] = [];
  // The open runs, oldest first: a handful at most (one per level and style).
  const runs: { level: number; style: MarkerStyle; last: Marker; seen: Set<number> }[] = [];
  for (const m of markers) {
    // A marker closes the runs of the levels below it.
    for (let i = runs.length - 1; i >= 0; i--) if (runs[i].level > m.level) runs.splice(i, 1);
    let run: (typeof runs)[number] | undefined;
    let other: (typeof runs)[number] | undefined;
    for (const r of runs) {
      if (r.level !== m.level) continue;
      if (r.style === m.style) run = r;
      else other ??= r;
    }
    if (!run) {
      if (other) problems.push({ kind: "mixed", marker: m, other: other.last });
      if (m.number > 1) problems.push({ kind: "gap", marker: m, missing: range(1, m.number - 1) });
      runs.push({ level: m.level, style: m.style, last: m, seen: new Set([m.number]) });
      continue;
    }
    if (run.seen.has(m.number)) problems.push({ kind: "repeat", marker: m });
    else if (m.number > run.last.number + 1) problems.push({ kind: "gap", marker: m, missing: range(run.last.number + 1, m.number - 1) });
    run.seen.add(m.number);
    run.last = m;
  }
  return problems;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

/** Splits text into its top-level numbered items (the highest level that occurs at least twice). */
export function splitItems(text: string): { marker?: Marker; text: string }[] {
  const markers = findMarkers(text);
  for (const level of [1, 2, 3] as const) {
    const top = markers.filter((m) => m.level === level);
    if (top.length >= 2 || (top.length === 1 && level === 2)) {
      // Markers were found in the half-width text; the conversion keeps offsets, so slice the original.
      return top.map((m, i) => ({ marker: m, text: text.slice(m.index, i + 1 < top.length ? top[i + 1].index : text.length).trim() }));
    }
  }
  return text.trim() ? [{ text: text.trim() }] : [];
}
