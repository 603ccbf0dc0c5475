/**
 * The few XML primitives the package reader needs, over plain strings with indexOf: no DOM, no
 * per-node objects. The parts of a workbook are machine-written, so this reads well-formed XML as the
 * writers produce it (any namespace prefix, either quote, CDATA, comments) and does not validate.
 */

/** The local name of an element or attribute: `x:c` → `c`. */
export function localName(qname: string): string {
  const i = qname.indexOf(":");
  return i < 0 ? qname : qname.slice(i + 1);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** Index of the `>` that ends the tag starting at `lt` (quotes respected), or -1 when it is not in `s`. */
export function tagEnd(s: string, lt: number): number {
  const n = s.length;
  for (let p = lt + 1; p < n; p++) {
    const c = s.charCodeAt(p);
    if (c === 62) return p;
    if (c === 34 || c === 39) {
      const close = s.indexOf(c === 34 ? '"' : "'", p + 1);
      if (close < 0) return -1;
      p = close;
    }
  }
  return -1;
}

/** The name of the tag at `lt` (after `<`), up to whitespace, `/` or `>`. */
export function tagName(s: string, lt: number, end: number): string {
  let p = lt + 1;
  while (p < end) {
    const c = s.charCodeAt(p);
    if (isSpace(c) || c === 47 || c === 62) break;
    p++;
  }
  return s.slice(lt + 1, p);
}

/**
 * Walks the attributes of the start tag s[from, to) (from at `<`): calls `each` with the bounds of
 * each name and raw value. Linear in the tag: never searches past it.
 */
export function eachAttr(s: string, from: number, to: number, each: (nameStart: number, nameEnd: number, valueStart: number, valueEnd: number) => boolean | void): void {
  let p = from + 1;
  while (p < to && !isSpace(s.charCodeAt(p)) && s.charCodeAt(p) !== 47 && s.charCodeAt(p) !== 62) p++;
  while (p < to) {
    while (p < to && isSpace(s.charCodeAt(p))) p++;
    const nameStart = p;
    while (p < to) {
      const c = s.charCodeAt(p);
      if (c === 61 || isSpace(c) || c === 47 || c === 62) break;
      p++;
    }
    const nameEnd = p;
    while (p < to && isSpace(s.charCodeAt(p))) p++;
    if (s.charCodeAt(p) !== 61 || nameEnd === nameStart) {
      p++;
      continue;
    }
    p++;
    while (p < to && isSpace(s.charCodeAt(p))) p++;
    const q = s.charCodeAt(p);
    if (q !== 34 && q !== 39) return;
    const close = s.indexOf(q === 34 ? '"' : "'", p + 1);
    if (close < 0 || close > to) return;
    if (each(nameStart, nameEnd, p + 1, close) === true) return;
    p = close + 1;
  }
}

/** The value of attribute `name` (a qualified name as written, e.g. `r` or `r:id`) in the start tag s[from, to), decoded. */
export function attr(s: string, from: number, to: number, name: string): string | undefined {
  let out: string | undefined;
  eachAttr(s, from, to, (ns, ne, vs, ve) => {
    if (ne - ns === name.length && s.startsWith(name, ns)) {
      out = decodeAttr(s.slice(vs, ve));
      return true;
    }
  });
  return out;
}

/** All attributes of the start tag s[from, to) by qualified name. */
export function attrs(s: string, from: number, to: number): Record<string, string> {
  const out: Record<string, string> = {};
  eachAttr(s, from, to, (ns, ne, vs, ve) => {
    out[s.slice(ns, ne)] = decodeAttr(s.slice(vs, ve));
  });
  return out;
}

/** An attribute with the given local name, whatever its prefix (`r:id`, `ns2:id`), skipping unprefixed ones. */
export function prefixedAttr(all: Record<string, string>, local: string): string | undefined {
  for (const k of Object.keys(all)) if (k.endsWith(`:${local}`)) return all[k];
  return undefined;
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Replaces the five named entities and character references; anything else is left as written. */
export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[body] ?? m;
  });
}

/** Text content as an XML parser gives it: line ends normalized (before entities, so `&#13;` survives), entities decoded. */
export function decodeText(raw: string): string {
  if (raw.indexOf("\r") >= 0) raw = raw.replace(/\r\n?/g, "\n");
  return decodeEntities(raw);
}

/** Attribute values: whitespace characters become spaces (XML attribute-value normalization), entities decoded. */
export function decodeAttr(raw: string): string {
  if (/[\t\n\r]/.test(raw)) raw = raw.replace(/\r\n|[\t\n\r]/g, " ");
  return decodeEntities(raw);
}

/** Excel's escapes for characters XML cannot hold (`_x000D_`); upper-case hex, as Excel writes and ExcelJS reads. */
export function decodeExcelEscapes(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The text content of the element whose start tag ends at `openEnd` and whose end tag starts at
 * `closeStart`: character data and CDATA sections, with comments dropped.
 */
export function elementText(s: string, openEnd: number, closeStart: number): string {
  const raw = s.slice(openEnd + 1, closeStart);
  if (raw.indexOf("<") < 0) return decodeText(raw);
  let out = "";
  let p = 0;
  while (p < raw.length) {
    const lt = raw.indexOf("<", p);
    if (lt < 0) {
      out += decodeText(raw.slice(p));
      break;
    }
    out += decodeText(raw.slice(p, lt));
    if (raw.startsWith("<![CDATA[", lt)) {
      const end = raw.indexOf("]]>", lt + 9);
      const stop = end < 0 ? raw.length : end;
      out += raw.slice(lt + 9, stop).replace(/\r\n?/g, "\n");
      p = stop + 3;
    } else if (raw.startsWith("<!--", lt)) {
      const end = raw.indexOf("-->", lt + 4);
      p = end < 0 ? raw.length : end + 3;
    } else {
      const end = raw.indexOf(">", lt);
      p = end < 0 ? raw.length : end + 1;
    }
  }
  return out;
}

/** Index of the end tag `</qname>` (optionally `</qname >`) at or after `from`, or -1. */
export function findClose(s: string, qname: string, from: number): number {
  const needle = `</${qname}`;
  let p = from;
  for (;;) {
    const i = s.indexOf(needle, p);
    if (i < 0) return -1;
    const c = s.charCodeAt(i + needle.length);
    if (c === 62 || isSpace(c)) return i;
    p = i + needle.length;
  }
}

/** Escapes text for element content. */
export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

/** Escapes text for an attribute value in double quotes. */
export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\t\n\r]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" })[c]!);
}

/**
 * Decodes a part's bytes to text: UTF-8 (a BOM dropped), or UTF-16 when a BOM says so. A streaming
 * decoder, so a part can be decoded in pieces as it is inflated.
 */
export class PartDecoder {
  private decoder?: TextDecoder;
  private head?: Uint8Array;
  decode(chunk: Uint8Array, final: boolean): string {
    if (!this.decoder) {
      const b = this.head ? concat(this.head, chunk) : chunk;
      if (b.length < 2 && !final) {
        this.head = b;
        return "";
      }
      this.head = undefined;
      const enc = b[0] === 0xff && b[1] === 0xfe ? "utf-16le" : b[0] === 0xfe && b[1] === 0xff ? "utf-16be" : "utf-8";
      this.decoder = new TextDecoder(enc);
      return this.decoder.decode(b, { stream: !final });
    }
    return this.decoder.decode(chunk, { stream: !final });
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Decodes a whole part. */
export function decodePart(bytes: Uint8Array): string {
  return new PartDecoder().decode(bytes, true);
}

const encoder = new TextEncoder();
export function encodeUtf8(s: string): Uint8Array {
  return encoder.encode(s);
}

/**
 * Calls `each` for every start tag whose local name is in `names`, with the bounds of its start tag
 * and, for elements that are not self-closing, the start of their end tag (for their text).
 * For the small parts (workbook, rels, content types, styles): the big ones have scanners of their own.
 */
export function eachElement(s: string, names: readonly string[], each: (el: { lt: number; te: number; qname: string; local: string; selfClosing: boolean; close: () => number }) => void): void {
  let p = 0;
  for (;;) {
    const lt = s.indexOf("<", p);
    if (lt < 0 || lt + 1 >= s.length) return;
    const c1 = s.charCodeAt(lt + 1);
    if (c1 === 33 /* ! */) {
      if (s.startsWith("<!--", lt)) {
        const e = s.indexOf("-->", lt);
        if (e < 0) return;
        p = e + 3;
      } else if (s.startsWith("<![CDATA[", lt)) {
        const e = s.indexOf("]]>", lt);
        if (e < 0) return;
        p = e + 3;
      } else {
        const e = s.indexOf(">", lt);
        if (e < 0) return;
        p = e + 1;
      }
      continue;
    }
    const te = tagEnd(s, lt);
    if (te < 0) return;
    p = te + 1;
    if (c1 === 47 || c1 === 63) continue;
    const qname = tagName(s, lt, te);
    const local = localName(qname);
    if (!names.includes(local)) continue;
    const selfClosing = s.charCodeAt(te - 1) === 47;
    each({ lt, te, qname, local, selfClosing, close: () => (selfClosing ? te : findClose(s, qname, te + 1)) });
  }
}
