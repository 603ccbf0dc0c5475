import ExcelJS from "exceljs";
import { CellSnapshot, CellValue, Patch, RangeRef, SheetSnapshot, WorkbookSnapshot, guardWrite } from "../../engine";
import { UserError } from "./errors";
import { ApplyOutcome } from "../types";
import { sniffFile } from "./sniff";

/**
 * ExcelJS workbooks in memory: snapshot in, guarded patch out. No file system here, so the browser
 * demo and the pane's import use the same code as the CLI.
 */
/** Excel's day 0 for serial dates (with its 1900 leap-year bug folded in). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * ExcelJS builds cell text piece by piece, and V8 keeps such a string as a tree of the pieces. Every
 * scan of it (each rule's regular expressions, each character read) then walks the tree; reading one
 * character makes V8 join the pieces once, in place, so the engine reads plain text.
 */
function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return flat(v);
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH) / 86400000;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join("");
    if (typeof o.error === "string") return { error: o.error };
    if ("text" in o && "hyperlink" in o) return toCellValue(o.text);
    if ("formula" in o || "sharedFormula" in o) return toCellValue(o.result);
  }
  return String(v);
}

function isCovered(cell: ExcelJS.Cell): boolean {
  return cell.isMerged && cell.master !== cell;
}

/** The snapshot of one ExcelJS worksheet: values, formulas, number formats and merged ranges. */
export function snapshotWorksheet(ws: ExcelJS.Worksheet): SheetSnapshot {
  const cells: (CellSnapshot | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: (CellSnapshot | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (isCovered(cell)) return;
      const raw = cell.value as unknown;
      const snap: CellSnapshot = { v: toCellValue(raw) };
      if (cell.type === ExcelJS.ValueType.Formula) {
        const f = cell.formula;
        if (f) snap.f = f;
      }
      const fmt = cell.numFmt;
      if (fmt && fmt !== "General") snap.fmt = fmt;
      out[colNumber - 1] = snap;
    });
    cells[rowNumber - 1] = out;
  });
  const merges: RangeRef[] = [];
  const internal = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges;
  if (internal) {
    for (const m of Object.values(internal)) if (m) merges.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
  }
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  const snap: SheetSnapshot = { name: ws.name, cells, merges };
  if (protection && protection.sheet) snap.protected = true;
  return snap;
}

export function snapshotWorkbook(wb: ExcelJS.Workbook, fileName?: string): WorkbookSnapshot {
  return { fileName, sheets: wb.worksheets.map(snapshotWorksheet) };
}

/** Loads an .xlsx from bytes, turning every way it can fail into a Chinese message. */
export async function loadWorkbook(buf: Uint8Array, displayName: string): Promise<ExcelJS.Workbook> {
  const kind = sniffFile(buf);
  const name = `「${displayName}」`;
  if (kind === "empty") throw new UserError(`${name}是空文件（0 字节），请确认文件已完整保存或下载。`);
  if (kind === "encrypted") throw new UserError(`${name}设置了打开密码，无法读取。请在 Excel 或 WPS 中打开，另存一份不带密码的 .xlsx 后再检查。`);
  if (kind === "xls") throw new UserError(`${name}是旧版 .xls 格式，无法读取。请在 Excel 或 WPS 中打开，另存为「Excel 工作簿 (*.xlsx)」后再检查。`);
  if (kind !== "xlsx") throw new UserError(`${name}不是 Excel 工作簿（.xlsx）。请选择自评表的 .xlsx 文件；CSV、PDF、Word 文档无法检查。`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    throw new UserError(`${name}已损坏或不完整，无法打开。请重新从原处复制或下载，或在 Excel / WPS 中打开后另存一份。`);
  }
  if (wb.worksheets.length === 0) throw new UserError(`${name}中没有任何工作表。请确认选择的是填好的自评表。`);
  return wb;
}

/** A cell's current value and formula, as the snapshot would read them. */
function currentOf(cell: ExcelJS.Cell): { value: CellValue; formula?: string } {
  if (isCovered(cell)) return { value: null };
  const formula = cell.type === ExcelJS.ValueType.Formula ? cell.formula : undefined;
  return { value: toCellValue(cell.value as unknown), formula: formula || undefined };
}

export type PatchOutcome = ApplyOutcome;

/**
 * Writes a patch into an ExcelJS workbook, cell by cell, each only if the cell still holds what the
 * change expects. Formulas are written as formulas with their result cached; protected sheets are left alone.
 */
export function applyPatchToWorkbook(wb: ExcelJS.Workbook, patch: Patch): PatchOutcome {
  const outcome: PatchOutcome = { applied: [], skipped: [] };
  for (const change of patch.changes) {
    const ws = wb.worksheets[change.cell.sheet];
    const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null } | undefined)?.sheetProtection;
    const cell = ws?.getCell(change.cell.row + 1, change.cell.col + 1);
    const before = cell ? currentOf(cell) : { value: null };
    const reason = guardWrite(change, { sheetName: ws?.name, protected: !!protection?.sheet, current: before });
    if (reason || !cell) {
      outcome.skipped.push({ change, reason: reason ?? "" });
      continue;
    }
    if (change.formula) {
      const result = typeof change.value === "number" || typeof change.value === "string" || typeof change.value === "boolean" ? change.value : undefined;
      cell.value = { formula: change.formula, result } as ExcelJS.CellFormulaValue;
    } else {
      cell.value = change.value === null || typeof change.value !== "object" ? (change.value as ExcelJS.CellValue) : { error: change.value.error } as unknown as ExcelJS.CellValue;
    }
    if (change.numFmt && (!cell.numFmt || cell.numFmt === "General")) cell.numFmt = change.numFmt;
    outcome.applied.push({ change, before });
  }
  return outcome;
}

