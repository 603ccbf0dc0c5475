import { codeSet, decode, halfWidthCode, isSpaceCode, scratch } from "../text/chars";
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

/** Quotes, brackets and the middle dot: dropped from names, as white space is. */
const NAME_DROPPED = codeSet("“”\"'‘’「」《》()（）·");

/**
 * A name as compared: half-width, without white space, quotes or brackets, synonyms expanded. This
 * runs on every indicator's name and every figure's words: the characters are checked in one pass,
 * and most names need no change.
 */
export function canonicalName(name: string): string {
  let i = 0;
  while (i < name.length) {
    const c = name.charCodeAt(i);
    if (halfWidthCode(c) !== c || isSpaceCode(c) || NAME_DROPPED[c]) break;
    i++;
  }
  let t = name;
  if (i < name.length) {
    const buf = scratch(name.length);
    let n = 0;
    for (let k = 0; k < name.length; k++) {
      const c = halfWidthCode(name.charCodeAt(k));
      if (!isSpaceCode(c) && !NAME_DROPPED[c]) buf[n++] = c;
    }
    t = decode(buf, n);
  }
  return t.replace(SYNONYM, (w) => SYNONYMS[w]);
}

export function measureCore(name: string): string {
  return canonicalName(name).replace(COUNT_SUFFIX, "");
}

/**
 * A text's distinct character bigrams, sorted, each as a number below 2^30 (see bigramAt). A sorted
 * typed array rather than a Set: two are compared by one merge, and a form's sentences make hundreds
 * of them, which as hash sets were a tenth of everything the prose checks allocated.
 */
export type Bigrams = Int32Array;

/**
 * A UTF-16 unit folded into 15 bits: Latin, Greek, Cyrillic, general punctuation, symbols and ①②
 * (below U+2500), CJK punctuation (U+3000–33FF), the CJK unified ideographs (U+4E00–9FFF) and
 * full-width forms (U+FF00–FFFF) each keep a slot of their own; anything else shares 1,024 slots.
 */
export function foldChar(c: number): number {
  if (c < 0x2500) return c;
  if (c >= 0x4e00 && c < 0xa000) return 0x2900 + (c - 0x4e00);
  if (c >= 0x3000 && c < 0x3400) return 0x2500 + (c - 0x3000);
  if (c >= 0xff00) return 0x7b00 + (c - 0xff00);
  return 0x7c00 + (c & 0x3ff);
}

/** The character bigrams of a text (remembered for long texts, which several rules compare). */
export const bigrams: (s: string) => Bigrams = memoByText((s) => computeBigrams(s), 64, 200);

const NO_BIGRAMS = new Int32Array(0);

function computeBigrams(s: string): Bigrams {
  if (s.length < 2) return NO_BIGRAMS;
  const all = new Int32Array(s.length - 1);
  for (let i = 1; i < s.length; i++) all[i - 1] = bigramAt(s, i);
  all.sort();
  let n = 1;
  for (let i = 1; i < all.length; i++) if (all[i] !== all[n - 1]) all[n++] = all[i];
  return n === all.length ? all : all.subarray(0, n);
}

/** The bigram ending at position i (i ≥ 1). Chinese text is in the Basic Multilingual Plane: UTF-16 units are characters here. */
export function bigramAt(s: string, i: number): number {
  return foldChar(s.charCodeAt(i - 1)) * 0x8000 + foldChar(s.charCodeAt(i));
}

/** Shared bigrams over the smaller set; 0 unless at least `minShared` are shared. */
export function overlap(a: Bigrams, b: Bigrams, minShared = 2): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  if (shared < minShared) return 0;
  return shared / Math.min(a.length, b.length);
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
  const ends = (words: string[]) => words.some((w) => n.endsWith(w));
  if (n.endsWith("面积")) return "area";
  if (ends(["率", "度", "比例", "占比"])) return "rate";
  if (ends(["金额", "资金", "罚款", "经费", "费用", "收入", "支出"])) return "money";
  if (ends(["长度", "里程"])) return "length";
  if (ends(["重量", "吨数", "清运量"])) return "weight";
  if (ends(["数", "次", "宗", "个", "场", "篇", "件"])) return "count";
  return undefined;
}
