/**
 * Text a template or a suggestion leaves for the user to replace: 【待填：2577宗】 (ZiPing's own
 * suggestions), 「……」 where a result belongs, 「XX」 for a name or figure, and a form's printed
 * prompt (「结合自评情况……（200字以内）」). A form sent up with any of them is not finished.
 */
const PATTERNS: RegExp[] = [
  /【待填[^】]*】/,
  /【[^】]{0,12}(填写|待补|待定)[^】]*】/,
  // An ellipsis standing for a value: after a colon or bracket, or alone on its line.
  /(?:^|[：:（(])[ \t]*(?:……|…{1,2}|\.{3,6})[ \t]*(?=$|[；;。，,）)\n])/m,
  /(?<![A-Za-z])(?:XX+|xx+|××+)(?![A-Za-z])/,
  // A form's printed prompt: what to write and how long.
  /[(（]\s*\d{2,4}\s*字(以内|左右)\s*[)）]/,
];

/** The first placeholder in a text, with where it starts; undefined when there is none. */
export function findPlaceholder(text: string): { text: string; index: number } | undefined {
  let best: { text: string; index: number } | undefined;
  for (const re of PATTERNS) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.index)) best = { text: m[0].trim() || m[0], index: m.index };
  }
  return best;
}

/** How many placeholders a text holds (each pattern counted where it matches). */
export function countPlaceholders(text: string): number {
  let n = 0;
  for (const re of PATTERNS) n += (text.match(new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g")) ?? []).length;
  return n;
}
