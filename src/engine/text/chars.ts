/**
 * Character-level building blocks for the prose checks. The narrative pass reads every sentence of a
 * form several ways; a chain of regex replacements allocates a new string per step, so these write
 * into one reused buffer and make a single string at the end.
 */

let buffer = new Uint16Array(4096);

/** A buffer of at least `n` UTF-16 units, reused between calls (never hold on to it). */
export function scratch(n: number): Uint16Array {
  if (buffer.length < n) buffer = new Uint16Array(Math.max(n, buffer.length * 2));
  return buffer;
}

// TextDecoder is several times faster than fromCharCode for long text; jsdom (the pane's tests) lacks it.
const utf16 = typeof TextDecoder === "function" ? new TextDecoder("utf-16le") : undefined;
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Units gathered for String.fromCharCode, reused: a plain array is its fastest argument list. */
const units: number[] = [];

/** The first `n` units of `buf` as a string. */
export function decode(buf: Uint16Array, n: number): string {
  // Measured on node 20: TextDecoder wins above about 40 units (a label or a figure is shorter).
  if (utf16 && littleEndian && n > 40) return utf16.decode(buf.subarray(0, n));
  if (n <= 40) {
    units.length = n;
    for (let i = 0; i < n; i++) units[i] = buf[i];
    return String.fromCharCode.apply(null, units);
  }
  // fromCharCode takes its units as arguments: chunked, to stay below engines' argument limits.
  const CHUNK = 8192;
  let out = "";
  for (let i = 0; i < n; i += CHUNK) out += String.fromCharCode.apply(null, buf.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[]);
  return out;
}

/** A full-width ASCII unit (！-～) or the ideographic space as its half-width form; others unchanged. */
export function halfWidthCode(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  if (code === 0x3000) return 0x20;
  return code;
}

/** What JavaScript's \s matches, by code unit. */
export function isSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** A lookup table over the Basic Multilingual Plane: true for the units of `chars`. */
export function codeSet(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}
