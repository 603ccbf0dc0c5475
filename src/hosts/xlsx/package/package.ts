/**
 * An .xlsx / .xlsm package read from bytes: the engine's snapshot out, a guarded patch in, and the
 * package written back with every part other than the changed ones copied as stored.
 *
 *   const pkg = XlsxPackage.open(bytes, "表.xlsx");   // throws UserError (Chinese) for anything unreadable
 *   const snap = pkg.snapshot("表.xlsx");
 *   const outcome = pkg.applyPatch(analyze(snap).patch);
 *   const out = pkg.toBytes();                         // pkg.changedParts: which zip entries differ
 *
 * Pure: no fs, no Buffer (the browser demo and the pane's import run it too).
 */
import { Patch, SheetSnapshot, WorkbookSnapshot } from "../../../engine";
import { ApplyOutcome } from "../../types";
import { UserError } from "../errors";
import { NotWorkbookKind, notWorkbookError, sniffNonZip } from "./detect";
import { DEFAULT_LIMITS, ReadLimits } from "./limits";
import { ContentTypes, Rel, SheetDef, WorkbookInfo, parseContentTypes, parseRels, parseStyles, parseWorkbook, relKind, relsPathOf, resolveTarget } from "./parts";
import { CellBudget, LimitError, SharedStringsScanner, SheetRead, SheetScanner, StyleInfo } from "./sheet";
import { EntryChange, InflateBudget, ZipArchive, ZipEntry, ZipError, findEntry, inflateEntry, readEntry, readZip, writeZip } from "./zip";
import { PartDecoder, attr, decodePart, eachElement, encodeUtf8 } from "./xml";
import { applyPatchToPackage } from "./patch";

export interface OpenOptions {
  limits?: Partial<ReadLimits>;
}

/** A worksheet of the package, in workbook order (chart, dialog and macro sheets are not worksheets). */
export interface PackageSheet {
  name: string;
  /** The worksheet part, e.g. `xl/worksheets/sheet1.xml`. */
  part: string;
  sheetId: string;
  state?: string;
}

const MB = 1024 * 1024;

/** Feeds a part to a streaming scanner as it inflates, holding only the unconsumed tail of the text. */
function streamPart(zip: ZipArchive, entry: ZipEntry, budget: InflateBudget, feed: (buf: string, final: boolean) => number): void {
  const decoder = new PartDecoder();
  let pending = "";
  let waitFor = 0;
  const push = (text: string, final: boolean) => {
    pending = pending ? pending + text : text;
    if (!final && pending.length < waitFor) return;
    const used = feed(pending, final);
    pending = used >= pending.length ? "" : pending.slice(used);
    // An element larger than what came so far: wait for twice as much before looking again, so a
    // huge element is scanned a few times, not once per piece.
    waitFor = pending.length > 65536 ? pending.length * 2 : 0;
  };
  inflateEntry(zip, entry, budget, (chunk) => push(decoder.decode(chunk, false), false));
  push(decoder.decode(new Uint8Array(0), true), true);
}

export class XlsxPackage {
  readonly sheets: PackageSheet[];
  readonly workbookPart: string;
  readonly contentTypesPart = "[Content_Types].xml";
  /** Parts rewritten by patches, as text. */
  private readonly texts = new Map<string, string>();
  /** Parts dropped by patches (an emptied calcChain). */
  private readonly removed = new Set<string>();
  private readonly current: SheetSnapshot[];
  styles: StyleInfo[];
  readonly sharedStrings: string[];
  readonly date1904: boolean;
  readonly workbook: WorkbookInfo;
  readonly limits: ReadLimits;
  /** Set once a patch changed a value that formulas not rewritten read: written as fullCalcOnLoad. */
  fullCalcNeeded = false;

  private constructor(readonly zip: ZipArchive, readonly displayName: string, init: { workbookPart: string; sheets: PackageSheet[]; workbook: WorkbookInfo; sharedStrings: string[]; styles: StyleInfo[]; snapshots: SheetSnapshot[]; limits: ReadLimits }) {
    this.workbookPart = init.workbookPart;
    this.sheets = init.sheets;
    this.workbook = init.workbook;
    this.sharedStrings = init.sharedStrings;
    this.styles = init.styles;
    this.current = init.snapshots;
    this.date1904 = init.workbook.date1904;
    this.limits = init.limits;
  }

  /**
   * Opens a package. Every way a file can fail — not a workbook (told apart by kind), encrypted,
   * corrupt, over a size bound — is a UserError whose message says what the file is and what to do.
   */
  static open(bytes: Uint8Array, displayName: string, options: OpenOptions = {}): XlsxPackage {
    const limits = { ...DEFAULT_LIMITS, ...(options.limits ?? {}) };
    const fail = (kind: NotWorkbookKind) => notWorkbookError(kind, displayName);
    if (bytes.length === 0) throw fail("empty");
    const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
    if (!isZip) throw fail(sniffNonZip(bytes, displayName));
    try {
      return XlsxPackage.read(bytes, displayName, limits);
    } catch (e) {
      throw toUserError(e, displayName, limits);
    }
  }

  private static read(bytes: Uint8Array, displayName: string, limits: ReadLimits): XlsxPackage {
    const fail = (kind: NotWorkbookKind) => notWorkbookError(kind, displayName);
    const zip = readZip(bytes, limits.maxEntries);
    const budget = new InflateBudget(limits.maxXmlBytes);
    const small = (entry: ZipEntry | undefined): string | undefined => {
      if (!entry) return undefined;
      // The small parts (rels, content types, workbook) are bounded by the same budget.
      return decodePart(readEntry(zip, entry, budget));
    };
    const mimetype = findEntry(zip, "mimetype");
    if (mimetype && mimetype.uncompressedSize < 256) {
      const type = small(mimetype)?.trim() ?? "";
      if (type === "application/vnd.oasis.opendocument.spreadsheet" || type === "application/vnd.oasis.opendocument.spreadsheet-template") throw fail("ods");
      if (type.startsWith("application/vnd.oasis.opendocument")) throw fail("odf");
    }
    const rootRels = parseRels(small(findEntry(zip, "_rels/.rels")) ?? "");
    const officeRel = rootRels.find((r) => relKind(r.type) === "officeDocument" && !r.external);
    let workbookPart = officeRel ? resolveTarget("", officeRel.target) : undefined;
    if (!workbookPart || !findEntry(zip, workbookPart)) {
      workbookPart = ["xl/workbook.xml", "xl/workbook.bin"].find((p) => findEntry(zip, p));
    }
    if (!workbookPart) {
      if (findEntry(zip, "word/document.xml") || officeRel?.target.includes("word/")) throw fail("docx");
      if (findEntry(zip, "ppt/presentation.xml") || officeRel?.target.includes("ppt/")) throw fail("pptx");
      if (zip.entries.some((e) => /\.(xlsx|xlsm)$/i.test(e.name))) throw fail("zipOther");
      throw fail(findEntry(zip, "[Content_Types].xml") ? "corrupt" : "zipOther");
    }
    if (/\.bin$/i.test(workbookPart)) throw fail("xlsb");
    if (/^word\//i.test(workbookPart)) throw fail("docx");
    if (/^ppt\//i.test(workbookPart)) throw fail("pptx");
    const wbEntry = findEntry(zip, workbookPart)!;
    workbookPart = wbEntry.name.replace(/^\//, "");

    const workbookText = small(wbEntry)!;
    const workbook = parseWorkbook(workbookText);
    const wbRels = parseRels(small(findEntry(zip, relsPathOf(workbookPart))) ?? "");
    const relById = new Map<string, Rel>(wbRels.map((r) => [r.id, r]));
    const partOf = (rel: Rel | undefined) => (rel && !rel.external ? resolveTarget(workbookPart!, rel.target) : undefined);

    const sheets: PackageSheet[] = [];
    for (const def of workbook.sheets) {
      const rel = def.rid !== undefined ? relById.get(def.rid) : undefined;
      // Only worksheets, as ExcelJS's wb.worksheets (patches address sheets by this index): chart,
      // dialog and macro sheets have no cells to check.
      if (!rel || relKind(rel.type) !== "worksheet") continue;
      const entry = findEntry(zip, partOf(rel)!);
      if (!entry) continue;
      sheets.push({ name: def.name, part: entry.name, sheetId: def.sheetId, state: def.state });
    }
    if (sheets.length === 0) throw new UserError(`「${displayName}」中没有任何工作表。请确认选择的是填好的自评表。`);

    const relOfKind = (kind: string) => wbRels.find((r) => relKind(r.type) === kind);
    const sstEntry = findEntry(zip, partOf(relOfKind("sharedStrings")) ?? "xl/sharedStrings.xml") ?? findEntry(zip, "xl/sharedStrings.xml");
    const stylesEntry = findEntry(zip, partOf(relOfKind("styles")) ?? "xl/styles.xml") ?? findEntry(zip, "xl/styles.xml");

    // The declared sizes first: a bomb is refused before a byte of it is inflated.
    let declared = budget.used;
    for (const e of [sstEntry, stylesEntry, ...sheets.map((s) => findEntry(zip, s.part))]) if (e) declared += e.uncompressedSize;
    if (declared > limits.maxXmlBytes) throw new ZipError("tooLarge", `declared ${declared}`);

    const cells = new CellBudget(limits.maxCells);
    let sharedStrings: string[] = [];
    if (sstEntry) {
      const scanner = new SharedStringsScanner(cells);
      streamPart(zip, sstEntry, budget, (buf, final) => scanner.feed(buf, final));
      sharedStrings = scanner.strings;
    }
    const styles = parseStyles(small(stylesEntry));
    const pkg = new XlsxPackage(zip, displayName, { workbookPart, sheets, workbook, sharedStrings, styles, snapshots: [], limits });
    for (const sheet of sheets) {
      const scanner = new SheetScanner(sheet.name, pkg.context(cells));
      streamPart(zip, findEntry(zip, sheet.part)!, budget, (buf, final) => scanner.feed(buf, final));
      pkg.current.push(scanner.finish().snapshot);
    }
    return pkg;
  }

  private context(budget: CellBudget) {
    return { sharedStrings: this.sharedStrings, styles: this.styles, date1904: this.date1904, budget };
  }

  /** The workbook's snapshot as it now stands (after any patches). */
  snapshot(fileName?: string): WorkbookSnapshot {
    return { fileName, sheets: this.current.slice() };
  }

  /** Whether a part exists (and was not dropped). */
  hasPart(name: string): boolean {
    if (this.removed.has(name)) return false;
    return this.texts.has(name) || !!findEntry(this.zip, name);
  }

  /** The entry name of a part as stored (case and leading "/" as in the zip). */
  entryName(name: string): string | undefined {
    return findEntry(this.zip, name)?.name;
  }

  /** A part's current text: as rewritten by a patch, or inflated from the package. */
  partText(name: string): string | undefined {
    const t = this.texts.get(name);
    if (t !== undefined) return t;
    if (this.removed.has(name)) return undefined;
    const entry = findEntry(this.zip, name);
    if (!entry) return undefined;
    return decodePart(readEntry(this.zip, entry, new InflateBudget(this.limits.maxXmlBytes)));
  }

  setPartText(name: string, text: string): void {
    this.texts.set(findEntry(this.zip, name)?.name ?? name, text);
  }

  removePart(name: string): void {
    const entry = findEntry(this.zip, name);
    if (!entry) return;
    this.texts.delete(entry.name);
    this.removed.add(entry.name);
  }

  /** Reads a worksheet's current text again, with the positions of its rows and cells (for the patcher). */
  readSheet(index: number, withIndex: boolean): SheetRead & { text: string } {
    const sheet = this.sheets[index];
    const text = this.partText(sheet.part)!;
    const scanner = new SheetScanner(sheet.name, this.context(new CellBudget(this.limits.maxCells)), withIndex);
    scanner.feed(text, true);
    return { ...scanner.finish(), text };
  }

  /**
   * Column widths of a worksheet in characters (`<cols><col min max width>`), by 0-based column; columns
   * without a width are absent. For a view of the sheet (the browser demo's grid).
   */
  columnWidths(index: number): number[] {
    const text = this.partText(this.sheets[index].part) ?? "";
    const widths: number[] = [];
    const end = text.indexOf("sheetData");
    const head = end > 0 ? text.slice(0, end) : text;
    eachElement(head, ["col"], (el) => {
      const min = Number(attr(head, el.lt, el.te, "min"));
      const max = Math.min(Number(attr(head, el.lt, el.te, "max")), min + 16384);
      const width = Number(attr(head, el.lt, el.te, "width"));
      if (!(min >= 1) || !(max >= min) || !Number.isFinite(width)) return;
      for (let c = min; c <= Math.min(max, 16384); c++) widths[c - 1] = width;
    });
    return widths;
  }

  /** After a patch rewrote a sheet (or the styles): its snapshot read again from the new text. */
  refresh(index: number): void {
    this.current[index] = this.readSheet(index, false).snapshot;
  }

  refreshStyles(): void {
    const text = this.partText(this.stylesPart() ?? "xl/styles.xml");
    this.styles = parseStyles(text);
  }

  /** The styles part's name, when there is one. */
  stylesPart(): string | undefined {
    const rels = this.workbookRels();
    const rel = rels.find((r) => relKind(r.type) === "styles" && !r.external);
    const name = rel ? resolveTarget(this.workbookPart, rel.target) : "xl/styles.xml";
    return findEntry(this.zip, name)?.name;
  }

  workbookRels(): Rel[] {
    return parseRels(this.partText(relsPathOf(this.workbookPart)) ?? "");
  }

  contentTypes(): ContentTypes {
    return parseContentTypes(this.partText(this.contentTypesPart) ?? "");
  }

  sheetDef(index: number): SheetDef | undefined {
    return this.workbook.sheets.find((d) => d.sheetId === this.sheets[index]?.sheetId);
  }

  /** Writes a guarded patch into the package's parts. */
  applyPatch(patch: Patch): ApplyOutcome {
    return applyPatchToPackage(this, patch);
  }

  /** The zip entries whose bytes differ from the original (rewritten or dropped), in package order. */
  get changedParts(): string[] {
    return this.zip.entries.filter((e) => this.texts.has(e.name) || this.removed.has(e.name)).map((e) => e.name);
  }

  /** The package as bytes: untouched entries copied as stored, changed ones deflated anew. */
  toBytes(): Uint8Array {
    if (this.texts.size === 0 && this.removed.size === 0) return this.zip.bytes;
    const changes = new Map<string, EntryChange>();
    for (const [name, text] of this.texts) changes.set(name, { data: encodeUtf8(text) });
    for (const name of this.removed) changes.set(name, { remove: true });
    return writeZip(this.zip, changes);
  }
}

/** Turns a container or bound failure into the user's message. */
function toUserError(e: unknown, displayName: string, limits: ReadLimits): Error {
  if (e instanceof UserError) return e;
  const name = `「${displayName}」`;
  if (e instanceof LimitError) {
    if (e.what === "cells") return new UserError(`${name}中的单元格超过 ${Math.round(limits.maxCells / 10000)} 万个，ZiPing 不读取这样大的工作簿（自评表通常只有几百个单元格）。请确认选择的是自评表；如确实是，请删去无关的工作表或数据，另存后再检查。`);
  }
  if (e instanceof ZipError) {
    switch (e.kind) {
      case "tooLarge":
        return new UserError(`${name}中的表格数据解压后超过 ${Math.round(limits.maxXmlBytes / MB)} MB，ZiPing 不读取这样大的文件（自评表通常不到 1 MB）。请确认选择的是自评表；如确实是，请删去无关的工作表，另存后再检查。`);
      case "sizeMismatch":
        return new UserError(`${name}的压缩数据与其中记录的大小不符：文件已损坏，或是被人为构造的，未读取。请重新从原处复制或下载，或在 Excel / WPS 中打开后另存一份。`);
      case "tooManyEntries":
        return new UserError(`${name}中的压缩条目超过 ${limits.maxEntries} 个，不是自评表工作簿，未读取。请选择自评表的 .xlsx 文件。`);
      case "encrypted":
        return new UserError(`${name}的压缩包设置了密码，无法读取。请在 Excel 或 WPS 中打开，另存一份不带密码的 .xlsx 后再检查。`);
      case "unsupported":
        return new UserError(`${name}使用了 Excel 不使用的压缩方式，无法读取。请在 Excel 或 WPS 中打开，另存为「Excel 工作簿 (*.xlsx)」后再检查。`);
      case "notZip":
      case "corrupt":
        return notWorkbookError("corrupt", displayName);
    }
  }
  if (e instanceof RangeError) {
    // The engine's last line: whatever ran out (a string or array too long) is a file too large to read.
    return new UserError(`${name}太大，无法读取。请确认选择的是自评表；如确实是，请删去无关的工作表或数据，另存后再检查。`);
  }
  // Anything else the file made the reader trip over: a corrupt file (the error kept for a developer).
  const err = notWorkbookError("corrupt", displayName);
  (err as Error & { cause?: unknown }).cause = e;
  return err;
}
