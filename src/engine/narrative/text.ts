import { toHalfWidth } from "../text/normalize";
import { memoByText } from "../text/memo";

/** A sentence of prose with its place in the text. */
export interface Sentence {
  text: string;
  index: number;
}

/** Splits prose into sentences at 。；！？ and line breaks (markup already turned into lines). */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^。；;！!？?\n]+[。；;！!？?]?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const t = m[0].trim();
    if (t.replace(/[\s。；;！!？?]/g, "").length > 0) out.push({ text: t, index: m.index });
  }
  return out;
}

/**
 * The text as compared across sections: half-width, without spaces and punctuation. The same
 * sentences are compared across rules and re-checks, so it is remembered.
 */
export const comparable: (text: string) => string = memoByText((t) => computeComparable(t), 2000);

function computeComparable(text: string): string {
  // Separators between digits are part of the figure: 74,892 ≠ 74.892 ≠ 74892, 6·13 ≠ 6.13.
  // Prose reaches here with its markup already turned into lines.
  const t = toHalfWidth(text)
    .replace(/(\d)\.(?=\d)/g, "$1\u2024")
    .replace(/(\d),(?=\d)/g, "$1\u201a")
    .replace(/(\d)·(?=\d)/g, "$1\u2027");
  return t.replace(/[\s，,。.；;：:、！!？?“”"'‘’()（）《》<>\-—_·]/g, "");
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
