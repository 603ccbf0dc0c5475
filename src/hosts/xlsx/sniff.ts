/** What a file's first bytes say it is. */
export type FileKind = "xlsx" | "encrypted" | "xls" | "empty" | "unknown";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Uint8Array, magic: number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

/** Searches for a UTF-16LE string in raw bytes (no Buffer: this runs in the browser too). */
function containsUtf16(buf: Uint8Array, text: string): boolean {
  const needle: number[] = [];
  for (let i = 0; i < text.length; i++) needle.push(text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8);
  outer: for (let i = 0; i + needle.length <= buf.length; i++) {
    for (let j = 0; j < needle.length; j++) if (buf[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * An .xlsx is a ZIP. A password-protected .xlsx and an old .xls are both OLE compound files; the
 * encrypted one holds an "EncryptedPackage" stream.
 */
export function sniffFile(buf: Uint8Array): FileKind {
  if (buf.length === 0) return "empty";
  if (startsWith(buf, ZIP)) return "xlsx";
  if (startsWith(buf, CFB)) return containsUtf16(buf, "EncryptedPackage") ? "encrypted" : "xls";
  return "unknown";
}
