/// <reference types="office-js" />
import { CellAddress, CellSnapshot, CellValue, Patch, RangeRef, SheetSnapshot, WorkbookSnapshot, guardWrite, parseRangeA1, toA1 } from "../../engine";
import { ApplyOutcome, CellState, Host, HostStorage } from "../types";
import { excelErrorMessage } from "./errors";

/** Excel's error values arrive in `values` as strings. */
const ERRORS = new Set(["#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"]);

/** Excel on the web refuses requests over 5 MB; stay well under it when reading in chunks. */
const CHUNK_CELLS = 40_000;

function toValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string" && ERRORS.has(v)) return { error: v };
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? "";
  return code === "RequestPayloadSizeLimitExceeded" || /payload/i.test(String((e as Error)?.message ?? ""));
}

/** Merged areas come back as "Sheet1!A1:B2, Sheet1!C3:D4". */
export function parseAreas(address: string | undefined): RangeRef[] {
  if (!address) return [];
  return address
    .split(",")
    .map((a) => a.trim().replace(/^.*!/, "").replace(/\$/g, ""))
    .map(parseRangeA1)
    .filter((r): r is RangeRef => !!r);
}

/** Writes a block read from Excel (starting at rowIndex, columnIndex) into a sheet's cell grid. */
function fill(cells: (CellSnapshot | undefined)[][], top: number, left: number, values: unknown[][], formulas: unknown[][], formats: unknown[][]): void {
  for (let r = 0; r < values.length; r++) {
    const row = (cells[top + r] ??= []);
    for (let c = 0; c < values[r].length; c++) {
      const v = toValue(values[r][c]);
      const f = formulas[r]?.[c];
      const fmt = formats[r]?.[c];
      const hasFormula = typeof f === "string" && f.startsWith("=");
      if (v === null && !hasFormula) continue;
      const cell: CellSnapshot = { v };
      if (hasFormula) cell.f = (f as string).slice(1);
      if (typeof fmt === "string" && fmt !== "General" && fmt !== "") cell.fmt = fmt;
      row[left + c] = cell;
    }
  }
}

function supports(set: string, version: string): boolean {
  try {
    return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported(set, version);
  } catch {
    return false;
  }
}

/** Document settings: stored in the workbook itself, per add-in (about 2 MB in all). */
export class DocumentSettingsStorage implements HostStorage {
  async load(key: string): Promise<string | undefined> {
    const v = Office.context.document.settings.get(key);
    return typeof v === "string" ? v : undefined;
  }
  save(key: string, value: string): Promise<void> {
    Office.context.document.settings.set(key, value);
    return new Promise((resolve, reject) =>
      Office.context.document.settings.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(r.error))),
    );
  }
}

/**
 * The Office.js host. Reads in one Excel.run with two syncs (sheet list, then every sheet's used
 * range with values, formulas, number formats and merged areas); writes with two syncs (re-read the
 * target cells and sheet protection, then write what still matches). Never unprotects a sheet.
 */
export class ExcelHost implements Host {
  readonly kind = "excel" as const;
  /** A blob link does not download in Excel on Mac, nor in the Internet Explorer webview of older Office. */
  get canDownload(): boolean {
    try {
      if (typeof Office !== "undefined" && Office.context?.platform === Office.PlatformType.Mac) return false;
    } catch {
      /* Office not ready: judged by the webview alone */
    }
    return typeof navigator === "undefined" || !/Trident\//.test(navigator.userAgent);
  }
  describeError = excelErrorMessage;
  private sheetNames: string[] = [];
  private readonly marks = new Map<string, string>();

  constructor(readonly storage: HostStorage = new DocumentSettingsStorage(), private readonly options: { chunkCells?: number } = {}) {}

  async readSnapshot(): Promise<WorkbookSnapshot> {
    try {
      return await this.readAll(true);
    } catch (e) {
      if (isPayloadError(e)) return this.readChunked();
      // getMergedAreasOrNullObject fails above 512 merged areas: read without them rather than not at all.
      return this.readAll(false);
    }
  }

  private async readAll(withMerges: boolean): Promise<WorkbookSnapshot> {
    const merges = withMerges && supports("ExcelApi", "1.13");
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const reads = sheets.items.map((ws) => {
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("rowIndex,columnIndex,values,formulas,numberFormat");
        const areas = merges ? used.getMergedAreasOrNullObject() : undefined;
        areas?.load("address");
        ws.protection.load("protected");
        return { ws, used, areas };
      });
      await context.sync();
      this.sheetNames = reads.map((r) => r.ws.name);
      return {
        sheets: reads.map(({ ws, used, areas }) => {
          const cells: (CellSnapshot | undefined)[][] = [];
          if (!used.isNullObject) fill(cells, used.rowIndex, used.columnIndex, used.values, used.formulas, used.numberFormat);
          const sheet: SheetSnapshot = { name: ws.name, cells, merges: areas && !areas.isNullObject ? parseAreas(areas.address) : [] };
          if (ws.protection.protected) sheet.protected = true;
          return sheet;
        }),
      };
    });
  }

  /** Above the web's payload limit: dimensions first, then the cells in blocks of rows. */
  private async readChunked(): Promise<WorkbookSnapshot> {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const dims = sheets.items.map((ws) => {
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("rowIndex,columnIndex,rowCount,columnCount");
        ws.protection.load("protected");
        return { ws, used };
      });
      await context.sync();
      this.sheetNames = dims.map((d) => d.ws.name);
      const out: SheetSnapshot[] = [];
      for (const { ws, used } of dims) {
        const cells: (CellSnapshot | undefined)[][] = [];
        const sheet: SheetSnapshot = { name: ws.name, cells, merges: [] };
        if (ws.protection.protected) sheet.protected = true;
        out.push(sheet);
        if (used.isNullObject) continue;
        const step = Math.max(1, Math.floor((this.options.chunkCells ?? CHUNK_CELLS) / Math.max(1, used.columnCount)));
        for (let r = 0; r < used.rowCount; r += step) {
          const rows = Math.min(step, used.rowCount - r);
          const block = ws.getRangeByIndexes(used.rowIndex + r, used.columnIndex, rows, used.columnCount);
          block.load("values,formulas,numberFormat");
          const areas = supports("ExcelApi", "1.13") ? block.getMergedAreasOrNullObject() : undefined;
          areas?.load("address");
          await context.sync();
          fill(cells, used.rowIndex + r, used.columnIndex, block.values, block.formulas, block.numberFormat);
          if (areas && !areas.isNullObject) sheet.merges.push(...parseAreas(areas.address));
        }
      }
      return { sheets: out };
    });
  }

  /** Re-reads only the form's sheet after an edit: one Excel.run, one sync. */
  async readSheet(index: number, previous: WorkbookSnapshot): Promise<WorkbookSnapshot> {
    const name = previous.sheets[index]?.name;
    if (!name) return this.readSnapshot();
    return Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(name);
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,values,formulas,numberFormat");
      const areas = supports("ExcelApi", "1.13") ? used.getMergedAreasOrNullObject() : undefined;
      areas?.load("address");
      ws.protection.load("protected");
      await context.sync();
      const cells: (CellSnapshot | undefined)[][] = [];
      if (!used.isNullObject) fill(cells, used.rowIndex, used.columnIndex, used.values, used.formulas, used.numberFormat);
      const sheet: SheetSnapshot = { name, cells, merges: areas && !areas.isNullObject ? parseAreas(areas.address) : previous.sheets[index].merges };
      if (ws.protection.protected) sheet.protected = true;
      const sheets = previous.sheets.slice();
      sheets[index] = sheet;
      return { ...previous, sheets };
    });
  }

  private nameOf(sheet: number): string {
    const name = this.sheetNames[sheet];
    if (!name) throw Object.assign(new Error("工作表已不存在，请重新校验"), { code: "ItemNotFound" });
    return name;
  }

  async applyPatch(patch: Patch): Promise<ApplyOutcome> {
    const outcome: ApplyOutcome = { applied: [], skipped: [] };
    if (patch.changes.length === 0) return outcome;
    return Excel.run(async (context) => {
      const sheetProxies = new Map<number, Excel.Worksheet>();
      const targets = patch.changes.map((change) => {
        let ws = sheetProxies.get(change.cell.sheet);
        if (!ws) {
          ws = context.workbook.worksheets.getItem(this.nameOf(change.cell.sheet));
          ws.protection.load("protected");
          sheetProxies.set(change.cell.sheet, ws);
        }
        const range = ws.getCell(change.cell.row, change.cell.col);
        range.load("values,formulas,numberFormat");
        return { change, ws, range };
      });
      await context.sync();
      let writes = 0;
      for (const { change, ws, range } of targets) {
        const f = range.formulas[0][0];
        const before: CellState = { value: toValue(range.values[0][0]) };
        if (typeof f === "string" && f.startsWith("=")) before.formula = f.slice(1);
        const reason = guardWrite(change, { sheetName: this.nameOf(change.cell.sheet), protected: ws.protection.protected, current: before });
        if (reason) {
          outcome.skipped.push({ change, reason });
          continue;
        }
        if (change.formula) range.formulas = [["=" + change.formula]];
        else range.values = [[change.value === null ? "" : typeof change.value === "object" ? change.value.error : change.value]];
        if (change.numFmt && range.numberFormat[0][0] === "General") range.numberFormat = [[change.numFmt]];
        outcome.applied.push({ change, before });
        writes++;
      }
      if (writes > 0) await context.sync();
      return outcome;
    });
  }

  async selectCell(cell: CellAddress): Promise<void> {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(this.nameOf(cell.sheet));
      ws.activate();
      ws.getCell(cell.row, cell.col).select();
      await context.sync();
    });
  }

  async getSelection(): Promise<({ cell: CellAddress } & CellState) | undefined> {
    return Excel.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("rowIndex,columnIndex,values,formulas");
      range.worksheet.load("name");
      await context.sync();
      const sheet = this.sheetNames.indexOf(range.worksheet.name);
      if (sheet < 0) return undefined;
      const f = range.formulas[0][0];
      return { cell: { sheet, row: range.rowIndex, col: range.columnIndex }, value: toValue(range.values[0][0]), formula: typeof f === "string" && f.startsWith("=") ? f.slice(1) : undefined };
    });
  }

  async onSheetChanged(sheet: number, callback: () => void): Promise<() => void> {
    const name = this.nameOf(sheet);
    const handle = await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(name);
      const h = ws.onChanged.add(async (event: Excel.WorksheetChangedEventArgs) => {
        if ((event as { triggerSource?: string }).triggerSource === "ThisLocalAddin") return;
        callback();
      });
      await context.sync();
      return h;
    });
    return () => {
      void Excel.run(handle.context, async (context) => {
        handle.remove();
        await context.sync();
      }).catch(() => undefined);
    };
  }

  /** Fills the cells of findings with a light colour, remembering each cell's own fill to restore it. */
  async markCells(cells: CellAddress[]): Promise<void> {
    await Excel.run(async (context) => {
      const ranges = cells.map((c) => {
        const r = context.workbook.worksheets.getItem(this.nameOf(c.sheet)).getCell(c.row, c.col);
        r.format.fill.load("color");
        return { c, r };
      });
      await context.sync();
      for (const { c, r } of ranges) {
        const key = `${c.sheet}:${c.row}:${c.col}`;
        if (!this.marks.has(key)) this.marks.set(key, r.format.fill.color);
        r.format.fill.color = "#FFF2CC";
      }
      await context.sync();
    });
  }

  async clearMarks(): Promise<void> {
    if (this.marks.size === 0) return;
    await Excel.run(async (context) => {
      for (const [key, color] of this.marks) {
        const [sheet, row, col] = key.split(":").map(Number);
        const r = context.workbook.worksheets.getItem(this.nameOf(sheet)).getCell(row, col);
        if (!color || color.toUpperCase() === "#FFFFFF") r.format.fill.clear();
        else r.format.fill.color = color;
      }
      await context.sync();
    });
    this.marks.clear();
  }
}
