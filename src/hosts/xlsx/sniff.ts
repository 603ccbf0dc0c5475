/** What a file's first bytes say it is. */
export type FileKind = "xlsx" | "encrypted" | "xls" | "empty" | "unknown";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Uint8Array, magic: number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

function containsUtf16(buf: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, "utf16le");
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).indexOf(needle) >= 0;
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
