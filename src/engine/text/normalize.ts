/**
 * Text normalization for labels and values. Forms mix full-width and half-width characters, stray
 * spaces, line breaks and HTML left over from the systems they were exported from.
 */
import { decode, halfWidthCode, isSpaceCode, scratch } from "./chars";
import { memoByText } from "./memo";

/** Full-width ASCII (！-～) and the ideographic space to half-width; other characters unchanged. */
export function toHalfWidth(s: string): string {
  if (!/[\uff01-\uff5e\u3000]/.test(s)) return s;
  const buf = scratch(s.length);
  for (let i = 0; i < s.length; i++) buf[i] = halfWidthCode(s.charCodeAt(i));
  return decode(buf, s.length);
}

/** Tags and entities, matched in one pass (this runs on every prose cell of a form). */
const MARKUP = /<\s*br\s*\/?\s*>|<\s*\/\s*p\s*>\s*|<\s*p(?:\s[^>]*)?>|<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>|&(?:nbsp|lt|gt|quot|#39|apos|amp);/gi;
const ENTITIES: Record<string, string> = { "&nbsp;": " ", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&apos;": "'", "&amp;": "&" };

/** Whether a tag is <br>, <br/> or </p> (any case, any spacing): read without building its name, as this runs per tag. */
function endsLine(tag: string): boolean {
  let name = 0;
  let k = 0;
  for (let i = 0; i < tag.length; i++) {
    const c = tag.charCodeAt(i);
    if (c === 0x3c || c === 0x3e || isSpaceCode(c)) continue;
    if (k === 3 || c >= 0x80) return false;
    name = name * 128 + (c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
    k++;
  }
  // "br", "br/", "/p" as base-128 numbers.
  return name === 0x62 * 128 + 0x72 || name === (0x62 * 128 + 0x72) * 128 + 0x2f || name === 0x2f * 128 + 0x70;
}

function replaceMarkup(match: string): string {
  if (match.charCodeAt(0) === 0x26) return ENTITIES[match.toLowerCase()];
  // <br> and </p> end a line; other tags go.
  return endsLine(match) ? "\n" : "";
}

/**
 * Turns HTML paragraphs, <br> and entities into plain lines; other tags are dropped. A prose cell is
 * read when the form is recognized and again when its markup fix is written: long texts are remembered.
 */
export const stripMarkup: (s: string) => string = memoByText(readMarkup, 64, 200);

function readMarkup(s: string): string {
  if (!/[<&]/.test(s)) return s;
  // Entities are decoded in the same pass as tags are removed, so "&lt;p&gt;" stays as the text "<p>".
  return s
    .replace(MARKUP, replaceMarkup)
    .replace(/[ \t]*\n[ \t\n]*/g, "\n")
    .trim();
}

/** True when the text holds HTML tags or entities that a person would not have typed. */
export function hasMarkup(s: string): boolean {
  return /<\s*\/?\s*(p|br|div|span|strong|b|i|u|font|table|tr|td)(\s[^<>]*)?\/?>|&(nbsp|lt|gt|amp|quot|#\d+);/i.test(s);
}

/**
 * The key a label is matched by: half-width, no markup, no white space, no trailing colon, no unit
 * in brackets ("部门调整预算收入（万元）：" → "部门调整预算收入"), lower-case Latin letters.
 */
export function labelKey(s: string): string {
  // Most cells need none of the steps below; skip them on the hot path.
  if (!/[\s:：()（）<&\uff01-\uff5e\u3000]/.test(s)) return /[A-Z]/.test(s) ? s.toLowerCase() : s;
  let t = toHalfWidth(stripMarkup(s));
  t = t.replace(/\s+/g, "");
  t = t.replace(/[:：]+$/, "");
  t = t.replace(/\((万元|元|千元|亿元|%|％|单位:?万元)\)$/, "");
  t = t.replace(/[:：]+$/, "");
  return t.toLowerCase();
}

/** Splits a cell's text into its non-empty lines, after markup is turned into line breaks. */
export function splitLines(s: string): string[] {
  return stripMarkup(s)
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** Collapses runs of white space; keeps the text otherwise as written. */
export function tidy(s: string): string {
  return s.replace(/[ \t\u3000]+/g, " ").trim();
}
