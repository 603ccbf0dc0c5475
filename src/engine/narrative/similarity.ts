import { toHalfWidth } from "../text/normalize";
import { memoByText } from "../text/memo";

/**
 * Meaning-level matching of short Chinese names without a model: synonyms the forms use for the same
 * measure are expanded, count suffixes dropped, and names compared by shared character bigrams.
 */
const SYNONYMS: Record<string, string> = {
  拆违: "拆除违法建设",
  治违: "违法建设治理",
  违建: "违法建设",
  厕所: "公厕",
  执法案件: "案件",
  立案查处: "立案处罚",
  查处: "处罚",
  篇次: "篇",
};
/** All synonyms in one pattern, longer ones first where they overlap (立案查处 before 查处). */
const SYNONYM = new RegExp(Object.keys(SYNONYMS).join("|"), "g");

/** Count suffixes that name the measure, not the thing measured: 立案处罚宗数 → 立案处罚. */
const COUNT_SUFFIX = /(的)?(总数量|数量|总数|宗数|个数|次数|场次|篇次|人次|件数|座数|户数|数)$/;

export function canonicalName(name: string): string {
  return toHalfWidth(name)
    .replace(/[\s“”"'‘’「」《》()（）·]/g, "")
    .replace(SYNONYM, (w) => SYNONYMS[w]);
}

export function measureCore(name: string): string {
  return canonicalName(name).replace(COUNT_SUFFIX, "");
}

/**
 * A text's distinct character bigrams, each as one 32-bit number (first unit << 16 | second), sorted.
 * Sets of strings (or of numbers beyond V8's small integers) cost an allocation per bigram; a sorted
 * array is built with one, and two are compared by a single merge.
 */
export type Bigrams = Int32Array;

/** The character bigrams of a text (remembered for long texts, which several rules compare). */
export const bigrams: (s: string) => Bigrams = memoByText((s) => computeBigrams(s), 64, 200);

function computeBigrams(s: string): Bigrams {
  if (s.length < 2) return new Int32Array(0);
  const all = new Int32Array(s.length - 1);
  // Chinese text is in the Basic Multilingual Plane: UTF-16 units are characters here.
  for (let i = 0; i + 1 < s.length; i++) all[i] = (s.charCodeAt(i) << 16) | s.charCodeAt(i + 1);
  all.sort();
  let n = 1;
  for (let i = 1; i < all.length; i++) if (all[i] !== all[n - 1]) all[n++] = all[i];
  return all.subarray(0, n);
}

/** How many bigrams two sorted sets share. */
export function sharedCount(a: Bigrams, b: Bigrams): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared;
}

/** Shared bigrams over the smaller set; 0 unless at least `minShared` are shared. */
export function overlap(a: Bigrams, b: Bigrams, minShared = 2): number {
  if (a.length === 0 || b.length === 0) return 0;
  const shared = sharedCount(a, b);
  if (shared < minShared) return 0;
  return shared / Math.min(a.length, b.length);
}

export function jaccard(a: Bigrams, b: Bigrams): number {
  if (a.length === 0 && b.length === 0) return 1;
  const shared = sharedCount(a, b);
  return shared / (a.length + b.length - shared);
}

/** What kind of quantity a unit measures, so a count is never compared with an area. */
export type MeasureKind = "area" | "rate" | "money" | "length" | "weight" | "count";

export function kindOfUnit(unit: string): MeasureKind {
  if (unit === "平方米" || unit === "平方公里" || unit === "亩") return "area";
  if (unit === "%" || unit === "‰") return "rate";
  if (unit === "元") return "money";
  if (unit === "米" || unit === "公里") return "length";
  if (unit === "吨" || unit === "千克") return "weight";
  return "count";
}

/** The kind an indicator's name asks for (拆违面积 → area, 接种率 → rate), when the name says. */
export function kindOfName(name: string): MeasureKind | undefined {
  const n = canonicalName(name);
  if (/面积$/.test(n)) return "area";
  if (/(率|度|比例|占比)$/.test(n)) return "rate";
  if (/(金额|资金|罚款|经费|费用|收入|支出)$/.test(n)) return "money";
  if (/(长度|里程)$/.test(n)) return "length";
  if (/(重量|吨数|清运量)$/.test(n)) return "weight";
  if (/(数|次|宗|个|场|篇|件)$/.test(n)) return "count";
  return undefined;
}
