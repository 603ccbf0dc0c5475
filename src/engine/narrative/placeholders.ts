/**
 * Text a template or a suggestion leaves for the user to replace: 【待填：2577宗】 (ZiPing's own
 * suggestions), 「……」 where a result belongs, 「XX」 for a name or figure, and a form's printed
 * prompt (「结合自评情况……（200字以内）」). A form sent up with any of them is not finished.
 */
interface Pattern {
  /** Global: matches are looked for from a position on. */
  re: RegExp;
  /** A match right after a character this matches is passed over (a look-behind, which older script engines cannot parse). */
  notAfter?: RegExp;
}

const pattern = (re: RegExp, notAfter?: RegExp): Pattern => ({ re: new RegExp(re.source, `${re.flags}g`), notAfter });

const PATTERNS: Pattern[] = [
  pattern(/【待填[^】]*】/),
  pattern(/【[^】]{0,12}(填写|待补|待定)[^】]*】/),
  // An ellipsis standing for a value: after a colon or bracket, or alone on its line.
  pattern(/(?:^|[：:（(])[ \t]*(?:……|…{1,2}|\.{3,6})[ \t]*(?=$|[；;。，,）)\n])/m),
  // XX, xx or ×× not inside a Latin word.
  pattern(/(?:XX+|xx+|××+)(?![A-Za-z])/, /[A-Za-z]/),
  // A form's printed prompt: what to write and how long.
  pattern(/[(（]\s*\d{2,4}\s*字(以内|左右)\s*[)）]/),
];

/** The pattern's first match at or after `from`, or null: as a regular expression with its look-behind would find it. */
function matchFrom(p: Pattern, text: string, from: number): RegExpExecArray | null {
  p.re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = p.re.exec(text))) {
    if (!p.notAfter || m.index === 0 || !p.notAfter.test(text.charAt(m.index - 1))) return m;
    p.re.lastIndex = m.index + 1;
  }
  return null;
}

/** The first placeholder in a text, with where it starts; undefined when there is none. */
export function findPlaceholder(text: string): { text: string; index: number } | undefined {
  let best: { text: string; index: number } | undefined;
  for (const p of PATTERNS) {
    const m = matchFrom(p, text, 0);
    if (m && (!best || m.index < best.index)) best = { text: m[0].trim() || m[0], index: m.index };
  }
  return best;
}

/** How many placeholders a text holds (each pattern counted where it matches). */
export function countPlaceholders(text: string): number {
  let n = 0;
  for (const p of PATTERNS) {
    let m: RegExpExecArray | null;
    for (let from = 0; (m = matchFrom(p, text, from)); from = m.index + Math.max(1, m[0].length)) n++;
  }
  return n;
}
