/**
 * Where a finding's passage stands in its cell's text, with a little of what is around it: a finding
 * about one sentence of a 3,000-character report is shown by that sentence, not by the cell.
 */
export function passageInText(text: string, passage: string | undefined, context = 18): { before: string; passage: string; after: string } | undefined {
  if (!passage) return undefined;
  const flat = (t: string) => t.replace(/\s+/g, " ");
  const body = flat(text);
  let i = body.indexOf(flat(passage).trim());
  let p = flat(passage).trim();
  if (i < 0) {
    // A quote may be shortened with 「…」 or span two figures joined by ↔: its first part is enough.
    p = p.split(/…|↔/)[0].trim();
    if (p.length < 2) return undefined;
    i = body.indexOf(p);
    if (i < 0) return undefined;
  }
  const from = Math.max(0, i - context);
  const to = Math.min(body.length, i + p.length + context);
  return { before: `${from > 0 ? "…" : ""}${body.slice(from, i)}`, passage: p, after: `${body.slice(i + p.length, to)}${to < body.length ? "…" : ""}` };
}

/** The start of a text, on one line, cut at `max` characters with 「…」. */
export function excerpt(text: string, max = 20): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
