import { memoByText } from "../text/memo";
import { codeSet, decode, halfWidthCode, isAsciiDigit, isSpaceCode, scratch } from "../text/chars";
import { Approximation, QuantityIrregularity, parseQuantity } from "../quantity/parse";
import { canonicalUnit } from "../quantity/units";

/** A figure stated in prose: what it counts, its value and unit, and where it stands in the text. */
export interface Figure {
  /** The figure as written, unit included: "393.41万平方米", "6.85余万元". */
  raw: string;
  /** Offset of `raw` in the text it was read from. */
  index: number;
  value: number;
  /** As written, before 万/亿. */
  written: number;
  unit: string;
  unitWritten: string;
  multiplier: number;
  approx?: Approximation;
  range?: { min: number; max: number };
  /** What the figure counts: the words before it in its clause ("立案处罚"), and those right after its unit. */
  subject: string;
  after: string;
  /** The whole clause, for messages. */
  clause: string;
  irregular?: QuantityIrregularity[];
}

/** Clause boundaries: a figure's subject never crosses them. */
const BOUNDARY = codeSet("，,。；;：:！!？?\n（）()、“”\"");

/**
 * A figure in prose: digits (half- or full-width) with separators and decimals, an optional range,
 * 余/多 and 万/亿 in either order, and a unit of up to three characters or %/‰/m². A match right after
 * a digit, "." or "," is passed over in readFigures (continuesNumber): a look-behind would say so, but
 * older script engines cannot parse one.
 */
const FIGURE = /([-+]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?)(?:\s*(?:-|~|～|至|到)\s*([0-9０-９][0-9０-９,]*(?:[.．][0-9０-９]+)?))?\s*(余|多)?\s*(万|亿)?\s*(余|多)?\s*(%|％|‰|个百分点|百分点|m\s?²|m2|㎡|平方米|平方公里|立方米|公里|千米|米|吨|人次|台次|家次|场次|篇次|车次|架次|户次|[宗件个次座辆人名家处块台篇份场所条项户元亩株棵只批期天周起例间艘部套张本册课年月日号时点分秒])?/g;

/** The clause around a figure, as offsets: set by clauseAround (one figure at a time, no allocation). */
let clauseStart = 0;
let clauseEnd = 0;

function clauseAround(text: string, start: number, end: number): void {
  let s = start;
  while (s > 0 && !BOUNDARY[text.charCodeAt(s - 1)] && start - s < 40) s--;
  let e = end;
  while (e < text.length && !BOUNDARY[text.charCodeAt(e)] && e - end < 40) e++;
  clauseStart = s;
  clauseEnd = e;
}

/**
 * Reads every figure of a text, with what it counts. Dates, years and list numbers are left out.
 * Several rules read the same prose in one pass: the result is remembered (and must not be changed).
 */
export const extractFigures: (text: string) => readonly Figure[] = memoByText((text) => readFigures(text), 64);

const MULTIPLIER: Record<string, number> = { 万: 1e4, 亿: 1e8 };
/** Plain half-width digits with at most one decimal point ("-35.58"): most figures, read without the full parser. */
function isPlainNumber(s: string): boolean {
  let i = s.charCodeAt(0) === 0x2d || s.charCodeAt(0) === 0x2b ? 1 : 0;
  const start = i;
  while (i < s.length && isAsciiDigit(s.charCodeAt(i))) i++;
  if (i === start) return false;
  if (i === s.length) return true;
  if (s.charCodeAt(i) !== 0x2e) return false;
  const fraction = ++i;
  while (i < s.length && isAsciiDigit(s.charCodeAt(i))) i++;
  return i > fraction && i === s.length;
}

function hasSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isSpaceCode(s.charCodeAt(i))) return true;
  return false;
}

/**
 * text[from, to) half-width and without white space: how a figure's words are compared. Most clauses
 * need neither change and are sliced as they stand; the others are built in the scratch buffer.
 */
function compactRange(text: string, from: number, to: number): string {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (halfWidthCode(c) !== c || isSpaceCode(c)) break;
    i++;
  }
  if (i === to) return text.slice(from, to);
  const buf = scratch(to - from);
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = halfWidthCode(text.charCodeAt(k));
    if (!isSpaceCode(c)) buf[n++] = c;
  }
  return decode(buf, n);
}

/** Words that introduce a figure without saying what it counts, tried in this order at the start of its words. */
const LEADING_WORDS = ["今年", "全年", "本年", "年内", "全区", "全市", "全局", "我局", "我区", "其中", "累计", "共计", "共", "合计", "总计", "已经", "已", "先后"];
/** Words that end a subject without naming anything ("累计达", "完成率为"). */
const TRAILING_WORDS = ["共计", "共", "累计", "达到", "达", "约", "超过", "近", "逾", "合计", "总计", "已"];
/** "为" ends a subject only after a measure ("完成率为102%"), never in a word ("行为"). */
const BEFORE_WEI = codeSet("率数量额度比值");
/** Characters that may start a filler word: most subjects start with none of them. */
const FILLER_FIRST = codeSet(LEADING_WORDS.map((w) => w[0]).join(""));
const FILLER_LAST = codeSet(TRAILING_WORDS.map((w) => w[w.length - 1]).join("") + "为");

/**
 * What a figure counts, from the compacted words before it: leading and trailing filler dropped
 * ("累计立案处罚达" → "立案处罚"), at most the last 16 characters.
 */
function subjectOf(words: string): string {
  let start = 0;
  while (start < words.length && FILLER_FIRST[words.charCodeAt(start)]) {
    const word = LEADING_WORDS.find((w) => words.startsWith(w, start));
    if (!word) break;
    start += word.length;
  }
  let end = words.length;
  while (end > start && FILLER_LAST[words.charCodeAt(end - 1)]) {
    const word = TRAILING_WORDS.find((w) => end - w.length >= start && words.endsWith(w, end));
    if (word) end -= word.length;
    else if (end - start >= 2 && words.charCodeAt(end - 1) === 0x4e3a && BEFORE_WEI[words.charCodeAt(end - 2)]) end -= 1;
    else break;
  }
  start = Math.max(start, end - 16);
  return start === 0 && end === words.length ? words : words.slice(start, end);
}

/** The hedge the words right before a figure give it: 超过/逾 (over), 约 (about), 近 (nearly). */
function hedgeBefore(text: string, from: number, to: number): Approximation | undefined {
  let end = to;
  while (end > from && isSpaceCode(text.charCodeAt(end - 1))) end--;
  if (end === from) return undefined;
  const last = text.charCodeAt(end - 1);
  if (last === 0x903e /* 逾 */ || (last === 0x8fc7 /* 过 */ && end - 2 >= from && text.charCodeAt(end - 2) === 0x8d85 /* 超 */)) return "over";
  if (last === 0x7ea6 /* 约 */) return "about";
  if (last === 0x8fd1 /* 近 */) return "nearly";
  return undefined;
}

/**
 * The figure of a FIGURE match. A plain one ("2577", "393.41万平方米", "2.6万余元") is read from the
 * match's own groups; separators, ranges, full-width digits, spaces or a misplaced 余 go to the parser,
 * which also names what is irregular about them.
 */
function quantityOf(m: RegExpExecArray, raw: string): Pick<Figure, "value" | "written" | "unit" | "unitWritten" | "multiplier" | "approx" | "range" | "irregular"> | undefined {
  const digits = m[1];
  const rangeEnd = m[2];
  const yuBefore = m[3];
  const wan = m[4];
  const yuAfter = m[5];
  const unit = m[6];
  if (rangeEnd === undefined && !(yuBefore && (wan || yuAfter)) && isPlainNumber(digits) && !hasSpace(raw)) {
    const unitWritten = unit === "％" ? "%" : unit ?? "";
    // Scaled in decimal ("393.41e4"), so 2.6万 is 26000 exactly, as the parser's rounding gives.
    return { value: Number(wan === "万" ? `${digits}e4` : wan === "亿" ? `${digits}e8` : digits), written: Number(digits), unit: canonicalUnit(unitWritten), unitWritten, multiplier: wan ? MULTIPLIER[wan] : 1, approx: yuBefore || yuAfter ? "more" : undefined, range: undefined, irregular: undefined };
  }
  const q = parseQuantity(raw.replace(/，/g, ","));
  if (q.kind !== "number" || q.value === undefined) return undefined;
  return { value: q.value, written: q.written ?? q.value, unit: q.unit ?? "", unitWritten: q.unitWritten ?? "", multiplier: q.multiplier ?? 1, approx: q.approx, range: q.range, irregular: q.irregular };
}

const NOT_A_UNIT_CHARS = codeSet("年月日号时点分秒");

/** Four digits or more, half-width: a number long enough to be a code or a year. */
function isLongDigits(s: string): boolean {
  if (s.length < 4) return false;
  for (let i = 0; i < s.length; i++) if (!isAsciiDigit(s.charCodeAt(i))) return false;
  return true;
}

/** A CJK ideograph (U+4E00–9FA5) or a Latin letter: a word a number is glued to. */
function isWordStart(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fa5) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
}

/** A digit (half- or full-width), "." or ",": digits after it belong to a number that starts before them. */
function continuesNumber(c: number): boolean {
  return isAsciiDigit(c) || c === 0x2e || c === 0x2c || (c >= 0xff10 && c <= 0xff19);
}

function readFigures(text: string): Figure[] {
  const out: Figure[] = [];
  FIGURE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FIGURE.exec(text))) {
    if (m.index > 0 && continuesNumber(text.charCodeAt(m.index - 1))) {
      FIGURE.lastIndex = m.index + 1;
      continue;
    }
    let end = m[0].length;
    while (end > 0 && isSpaceCode(m[0].charCodeAt(end - 1))) end--;
    if (end === 0) {
      FIGURE.lastIndex++;
      continue;
    }
    const raw = end === m[0].length ? m[0] : m[0].slice(0, end);
    const index = m.index;
    const unitWritten = m[6] ?? "";
    const digits = m[1];
    const after = index + raw.length;
    const next = text.charCodeAt(after);
    // A year, month or day ("2021年5月", "12月28日"), a list marker ("1.", "2、"), a code ("12319结案率").
    if (unitWritten.length === 1 && NOT_A_UNIT_CHARS[unitWritten.charCodeAt(0)]) continue;
    const short = digits.length <= 2 && isAsciiDigit(digits.charCodeAt(0)) && (digits.length === 1 || isAsciiDigit(digits.charCodeAt(1)));
    if (!unitWritten && !m[4] && short && LIST_MARK_AFTER[next]) continue;
    // A number glued to words that are not a measure ("12319结案率", "元岗·智汇Park") names something.
    if (!unitWritten && !m[4] && isLongDigits(digits) && isWordStart(next)) continue;
    if (short && (next === 0xb7 || next === 0x2e) && isAsciiDigit(text.charCodeAt(after + 1))) continue; // "6·13"
    if (index >= 2 && DATE_MARK_BEFORE[text.charCodeAt(index - 1)] && isAsciiDigit(text.charCodeAt(index - 2))) continue;
    const q = quantityOf(m, raw);
    if (!q) continue;
    clauseAround(text, index, after);
    const from = clauseStart;
    const to = clauseEnd;
    const afterWords = compactRange(text, after, to);
    // The clause as written, without the white space around it.
    let cs = from;
    let ce = to;
    while (cs < ce && isSpaceCode(text.charCodeAt(cs))) cs++;
    while (ce > cs && isSpaceCode(text.charCodeAt(ce - 1))) ce--;
    // One object shape for every figure: optional fields are present, undefined when not stated.
    out.push({
      raw,
      index,
      value: q.value,
      written: q.written,
      unit: q.unit,
      unitWritten: q.unitWritten,
      multiplier: q.multiplier,
      approx: q.approx ?? hedgeBefore(text, from, index),
      range: q.range,
      subject: subjectOf(compactRange(text, from, index)),
      after: afterWords.length > 16 ? afterWords.slice(0, 16) : afterWords,
      clause: text.slice(cs, ce),
      irregular: q.irregular,
    });
  }
  return out;
}

/** After a one- or two-digit number, what makes it a list marker: "1." "2、" "3)". */
const LIST_MARK_AFTER = codeSet("、.．)）");
/** Before a number, what makes it part of a date or time: "6·13", "5.1", "8:30". */
const DATE_MARK_BEFORE = codeSet("·.．:：");
