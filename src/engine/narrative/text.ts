import { memoByText } from "../text/memo";
import { codeSet, decode, halfWidthCode, isAsciiDigit, isSpaceCode, scratch } from "../text/chars";

/** A sentence of prose with its place in the text. */
export interface Sentence {
  text: string;
  index: number;
}

const TERMINATORS = codeSet("。；;！!？?");

/** Splits prose into sentences at 。；！？ and line breaks (markup already turned into lines). */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^。；;！!？?\n]+[。；;！!？?]?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    // A match starts with a character that ends no sentence: after trimming, the rest is the body.
    const t = m[0].trim();
    if (t.length > 0 && !TERMINATORS[t.charCodeAt(0)]) out.push({ text: t, index: m.index });
  }
  return out;
}

/**
 * The text as compared across sections: half-width, without spaces and punctuation. Long texts
 * (prose blocks, which several rules compare) are remembered with their sentences.
 */
export function comparable(text: string): string {
  return text.length >= 200 ? proseSentences(text).whole : scanComparable(text);
}

/** Dropped from comparable text (white space is dropped as well). */
const NOT_COMPARED = codeSet("，,。.；;：:、！!？?“”\"'‘’()（）《》<>-—_·");
/** Separators between two digits stay, as marks that no prose uses: 74,892 ≠ 74.892 ≠ 74892, 6·13 ≠ 6.13. */
function digitSeparator(code: number): number {
  return code === 0x2e ? 0x2024 : code === 0x2c ? 0x201a : code === 0xb7 ? 0x2027 : 0;
}

/** A sentence located in its text, with the text it is compared by. */
export interface KeyedSentence {
  /** The sentence's span in the text (its terminator included, white space around it too). */
  start: number;
  end: number;
  /** comparable() of the sentence. */
  key: string;
}

/**
 * The sentences of a text as splitSentences() cuts them (those with anything to compare), with their
 * comparable keys, and the comparable text of the whole: one pass, remembered for the rules of one
 * pass. The keys are slices of the whole: comparable() drops every sentence terminator, so the whole
 * is its sentences' keys end to end.
 */
export const proseSentences: (text: string) => { whole: string; sentences: KeyedSentence[] } = memoByText((text) => {
  const spans: number[] = [];
  const whole = scanComparable(text, spans);
  const sentences: KeyedSentence[] = [];
  for (let k = 0; k < spans.length; k += 4) {
    if (spans[k + 3] > spans[k + 2]) sentences.push({ start: spans[k], end: spans[k + 1], key: whole.slice(spans[k + 2], spans[k + 3]) });
  }
  return { whole, sentences };
}, 64);

/**
 * comparable() in one pass, half-width as it goes (prose reaches here with its markup already turned
 * into lines). With `spans`, also notes each sentence: its start and end in the text, and in the result.
 */
function scanComparable(text: string, spans?: number[]): string {
  const buf = scratch(text.length);
  let n = 0;
  let runStart = -1;
  let keyStart = 0;
  let prev = -1;
  let code = text.length > 0 ? halfWidthCode(text.charCodeAt(0)) : -1;
  for (let i = 0; i < text.length; i++) {
    if (spans) {
      const unit = text.charCodeAt(i);
      if (unit === 0x0a || TERMINATORS[unit]) {
        // A terminator closes the sentence it ends (and belongs to it; it is never compared); a
        // line break only closes it.
        if (runStart >= 0) spans.push(runStart, unit === 0x0a ? i : i + 1, keyStart, n);
        runStart = -1;
      } else if (runStart < 0) {
        runStart = i;
        keyStart = n;
      }
    }
    const next = i + 1 < text.length ? halfWidthCode(text.charCodeAt(i + 1)) : -1;
    const separator = digitSeparator(code);
    if (separator !== 0 && isAsciiDigit(prev) && isAsciiDigit(next)) buf[n++] = separator;
    else if (!NOT_COMPARED[code] && !isSpaceCode(code)) buf[n++] = code;
    prev = code;
    code = next;
  }
  if (spans && runStart >= 0) spans.push(runStart, text.length, keyStart, n);
  return decode(buf, n);
}

/** Chinese numerals up to 99, for numbering. */
export function chineseNumber(s: string): number | undefined {
  const digits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  if (s === "十") return 10;
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? digits[m[1]] : 1) * 10 + (m[2] ? digits[m[2]] : 0);
  if (s.length === 1 && digits[s]) return digits[s];
  return undefined;
}

export function toChineseNumber(n: number): string {
  const d = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
  if (n < 10) return d[n];
  if (n === 10) return "十";
  if (n < 20) return `十${d[n - 10]}`;
  return `${d[Math.floor(n / 10)]}十${d[n % 10]}`;
}
