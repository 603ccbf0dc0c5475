import { toHalfWidth } from "../text/normalize";
import { chineseNumber } from "./text";

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
const START = "(?:^|(?<=[\\n。；;：:！!？?]\\s*))";

const PATTERNS: [MarkerStyle, RegExp][] = [
  ["cn-dun", new RegExp(`${START}(${NUM})、`, "g")],
  ["cn-paren", new RegExp(`${START}\\((${NUM})\\)`, "g")],
  ["cn-shi", new RegExp(`(?:^|(?<=[\\n。；;：:！!？?，,]\\s*))(${NUM})(?:是|要)`, "g")],
  // Arabic items often follow a comma ("严格落实标准，1.洒水降尘…；2.…").
  ["arabic-dot", new RegExp(`(?:^|(?<=[\\n。；;：:！!？?，,]\\s*))(\\d{1,2})[.、](?!\\d)`, "g")],
  ["arabic-paren", new RegExp(`(?:^|(?<=[\\n。；;：:！!？?，,]\\s*))\\((\\d{1,2})\\)`, "g")],
];

export function findMarkers(text: string): Marker[] {
  const t = toHalfWidth(text);
  const out: Marker[] = [];
  for (const [style, re] of PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(t))) {
      const n = /\d/.test(m[1]) ? Number(m[1]) : chineseNumber(m[1]);
      if (n === undefined) continue;
      out.push({ style, level: LEVEL[style], number: n, raw: m[0].trim(), index: m.index });
    }
  }
  return out.sort((a, b) => a.index - b.index);
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
export function checkNumbering(markers: Marker[]): NumberingProblem[] {
  const problems: NumberingProblem[] = [];
  const runs = new Map<string, { last: Marker; seen: Set<number>; styles: Marker[] }>();
  for (const m of markers) {
    for (const key of [...runs.keys()]) if (Number(key.split(":")[0]) > m.level) runs.delete(key);
    const key = `${m.level}:${m.style}`;
    const sameLevel = [...runs.entries()].filter(([k]) => Number(k.split(":")[0]) === m.level && k !== key);
    let run = runs.get(key);
    if (!run) {
      if (sameLevel.length > 0) problems.push({ kind: "mixed", marker: m, other: sameLevel[0][1].last });
      if (m.number > 1) problems.push({ kind: "gap", marker: m, missing: range(1, m.number - 1) });
      runs.set(key, { last: m, seen: new Set([m.number]), styles: [m] });
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
