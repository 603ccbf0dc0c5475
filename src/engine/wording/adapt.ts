import { extractFigures } from "../narrative/figures";
import { findMarkers } from "../narrative/numbering";
import { toChineseNumber } from "../narrative/text";

/**
 * Makes last year's wording this year's draft: the evaluated year and its neighbours move forward,
 * last year's figures become placeholders (【待填：2577宗】) so they cannot be sent up by mistake,
 * and the item's number continues from what the section already holds.
 */
export function adaptText(text: string, fromYear: number | undefined, toYear: number | undefined, nextNumber?: number): string {
  let t = text;
  if (fromYear && toYear && fromYear !== toYear) {
    const shift = toYear - fromYear;
    // A year not preceded by a digit: the character before it is matched and kept (no look-behind, which
    // older script engines cannot parse). A year ends in a digit, so the next one never needs that character.
    t = t.replace(/(^|\D)((?:19|20)\d{2})(?=\s*年|\s*[-—~～至到]\s*(?:19|20)\d{2})/g, (_m, before: string, year: string) => {
      const y = Number(year);
      return before + (Math.abs(y - fromYear) <= 1 ? String(y + shift) : year);
    });
  }
  // Figures (not years, dates or list numbers) become placeholders, from the last so offsets hold.
  const figures = extractFigures(t).filter((f) => !/^\d{4}年?$/.test(f.raw));
  for (const f of [...figures].sort((a, b) => b.index - a.index)) {
    if (t.slice(f.index, f.index + f.raw.length) !== f.raw) continue;
    t = `${t.slice(0, f.index)}【待填：${f.raw}】${t.slice(f.index + f.raw.length)}`;
  }
  if (nextNumber !== undefined) t = renumber(t, nextNumber);
  return t;
}

/** Replaces the item's leading marker with the next number, in the same style. */
export function renumber(text: string, n: number): string {
  const first = findMarkers(text)[0];
  if (!first || first.index > 2) return text;
  const written = text.slice(first.index, first.index + first.raw.length);
  const [open, close] = written.startsWith("（") ? ["（", "）"] : ["(", ")"];
  const next = first.style === "cn-paren" ? `${open}${toChineseNumber(n)}${close}` : first.style === "cn-dun" ? `${toChineseNumber(n)}、` : first.style === "cn-shi" ? `${toChineseNumber(n)}是` : first.style === "arabic-paren" ? `(${n})` : `${n}.`;
  return text.slice(0, first.index) + next + text.slice(first.index + first.raw.length);
}

/** The number the next item of a section gets: one past the highest top-level marker it holds. */
export function nextItemNumber(sectionText: string): number {
  const markers = findMarkers(sectionText);
  if (markers.length === 0) return 1;
  const top = Math.min(...markers.map((m) => m.level));
  return Math.max(...markers.filter((m) => m.level === top).map((m) => m.number)) + 1;
}
