/**
 * What a file is when it is not a workbook we can read, told in one Chinese line that says what it is
 * and what to do (另存为 .xlsx). Decided from the content; the extension only where the content cannot
 * tell (an .et and an .xls are both OLE files holding a BIFF workbook).
 */
import { UserError } from "../errors";

export type NotWorkbookKind =
  | "empty" | "encrypted" | "xls" | "et" | "doc" | "oleOther" | "pdf" | "csv" | "html" | "xml2003" | "text" | "unknown"
  | "ods" | "odf" | "xlsb" | "docx" | "pptx" | "zipOther" | "corrupt";

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Uint8Array, magic: number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

/** Searches for a UTF-16LE string (an OLE directory entry name) in raw bytes. */
function containsUtf16(buf: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = buf.indexOf(first); i >= 0 && i + text.length * 2 <= buf.length; i = buf.indexOf(first, i + 1)) {
    for (let j = 0; j < text.length; j++) {
      if (buf[i + 2 * j] !== (text.charCodeAt(j) & 0xff) || buf[i + 2 * j + 1] !== text.charCodeAt(j) >> 8) continue outer;
    }
    return true;
  }
  return false;
}

function extensionOf(name: string): string {
  const i = name.lastIndexOf(".");
  return i < 0 ? "" : name.slice(i + 1).toLowerCase();
}

/** The kind of a file that is not a zip, from its first bytes (and its extension for OLE files). */
export function sniffNonZip(buf: Uint8Array, fileName: string): NotWorkbookKind {
  if (buf.length === 0) return "empty";
  if (startsWith(buf, OLE)) {
    if (containsUtf16(buf, "EncryptedPackage")) return "encrypted";
    if (containsUtf16(buf, "WordDocument")) return "doc";
    if (containsUtf16(buf, "Workbook") || containsUtf16(buf, "Book")) return extensionOf(fileName) === "et" ? "et" : "xls";
    const ext = extensionOf(fileName);
    if (ext === "et") return "et";
    if (ext === "xls" || ext === "xlsx") return "xls";
    return "oleOther";
  }
  // Old BIFF2–4 .xls files start with a BOF record rather than an OLE header.
  if (buf.length >= 4 && buf[1] === 0x00 && (buf[0] === 0x09 || buf[0] === 0x04) && [0x02, 0x04, 0x06].includes(buf[2])) return "xls";
  const head = new TextDecoder("utf-8", { fatal: false }).decode(buf.subarray(0, 4096)).replace(/^\uFEFF/, "");
  if (head.startsWith("%PDF")) return "pdf";
  const trimmed = head.trimStart().toLowerCase();
  if (trimmed.startsWith("<?xml") && /urn:schemas-microsoft-com:office:spreadsheet/.test(head)) return "xml2003";
  if (trimmed.startsWith("<!doctype html") || trimmed.startsWith("<html") || /<table[\s>]/i.test(head) || /urn:schemas-microsoft-com:office:excel/.test(head)) return "html";
  if (isText(buf.subarray(0, 4096))) return /[,\t;]/.test(head) && /\n/.test(head) ? "csv" : "text";
  return "unknown";
}

/** No NUL and few control bytes: text of some encoding (UTF-8, GBK, UTF-16 with a BOM aside). */
function isText(b: Uint8Array): boolean {
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) return true;
  let control = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === 0) return false;
    if (c < 9 || (c > 13 && c < 32 && c !== 27)) control++;
  }
  return control <= b.length / 100;
}

const SAVE_AS = "请在 Excel 或 WPS 中打开，另存为「Excel 工作簿 (*.xlsx)」后再检查。";

/** The message for a file that is not a workbook we can read. */
export function notWorkbookError(kind: NotWorkbookKind, displayName: string): UserError {
  const name = `「${displayName}」`;
  const messages: Record<NotWorkbookKind, string> = {
    empty: `${name}是空文件（0 字节），请确认文件已完整保存或下载。`,
    encrypted: `${name}设置了打开密码，无法读取。请在 Excel 或 WPS 中打开，另存一份不带密码的 .xlsx 后再检查。`,
    xls: `${name}是旧版 .xls 格式，无法读取。${SAVE_AS}`,
    et: `${name}是 WPS 表格的 .et 格式，无法读取。请在 WPS 中打开，另存为「Excel 工作簿 (*.xlsx)」后再检查。`,
    doc: `${name}是 Word 文档，不是 Excel 工作簿。请选择自评表的 .xlsx 文件；如果自评表只有 Word 版，请把表格复制到 Excel 或 WPS 表格，保存为 .xlsx 后再检查。`,
    oleOther: `${name}是 Office 旧版二进制文件，但不是 Excel 工作簿。请选择自评表的 .xlsx 文件。`,
    pdf: `${name}是 PDF 文件，不是 Excel 工作簿，无法检查。请找到自评表的 .xlsx 原文件再检查。`,
    csv: `${name}是文本（CSV）文件，不是 Excel 工作簿，其中没有合并单元格和格式，无法按自评表检查。${SAVE_AS}`,
    text: `${name}是纯文本文件，不是 Excel 工作簿。请选择自评表的 .xlsx 文件。`,
    html: `${name}是网页（HTML）文件，只是扩展名像 Excel（有些系统导出的“Excel”其实是网页）。${SAVE_AS}`,
    xml2003: `${name}是 Excel 2003 XML 表格，无法读取。${SAVE_AS}`,
    unknown: `${name}不是 Excel 工作簿（.xlsx）。请选择自评表的 .xlsx 文件；CSV、PDF、Word 文档无法检查。`,
    ods: `${name}是 OpenDocument 表格（.ods，LibreOffice / WPS 保存的格式），无法读取。请在 LibreOffice、WPS 或 Excel 中打开，另存为「Excel 工作簿 (*.xlsx)」后再检查。`,
    odf: `${name}是 OpenDocument 文档（文字或演示），不是表格。请选择自评表的 .xlsx 文件。`,
    xlsb: `${name}是 Excel 二进制工作簿（.xlsb），无法读取。请在 Excel 中打开，另存为「Excel 工作簿 (*.xlsx)」后再检查。`,
    docx: `${name}是 Word 文档（.docx），不是 Excel 工作簿。请选择自评表的 .xlsx 文件；如果自评表只有 Word 版，请把表格复制到 Excel 或 WPS 表格，保存为 .xlsx 后再检查。`,
    pptx: `${name}是 PowerPoint 演示文稿，不是 Excel 工作簿。请选择自评表的 .xlsx 文件。`,
    zipOther: `${name}是一个压缩包（ZIP），其中没有 Excel 工作簿。请解压后选择其中自评表的 .xlsx 文件。`,
    corrupt: `${name}已损坏或不完整，无法打开。请重新从原处复制或下载，或在 Excel / WPS 中打开后另存一份。`,
  };
  return new UserError(messages[kind]);
}
