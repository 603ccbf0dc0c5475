/// <reference types="office-js" />
import { CellAddress, CellSnapshot, CellValue, Patch, RangeRef, SheetSnapshot, WorkbookSnapshot, guardWrite, parseRangeA1, rangeToA1, toA1 } from "../../engine";
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

/** What this Excel supports, asked once per read (Excel 2016 has ExcelApi 1.1 only, 2019 up to 1.7). */
function apiLevel() {
  return {
    valuesOnly: supports("ExcelApi", "1.2"),
    protection: supports("ExcelApi", "1.2"),
    orNull: supports("ExcelApi", "1.4"),
    byIndexes: supports("ExcelApi", "1.7"),
    merges: supports("ExcelApi", "1.13"),
  };
}
type ApiLevel = ReturnType<typeof apiLevel>;

/** Rows per request when one sheet's merged areas must be read in parts (Excel refuses above 512 areas). */
const MERGE_BLOCK_ROWS = 200;

/** The used range with values, as far as this Excel can say (a blank sheet: null, or its A1 before 1.4). */
function valuesRange(ws: Excel.Worksheet, api: ApiLevel): Excel.Range {
  if (api.orNull) return ws.getUsedRangeOrNullObject(true);
  return api.valuesOnly ? ws.getUsedRange(true) : ws.getUsedRange();
}

/**
 * The Office.js host. Reads in one Excel.run with two syncs (sheet list, then every sheet's used
 * range with values, formulas, number formats, and the merged areas over the range that holds them);
 * writes with two syncs (re-read the target cells and sheet protection, then write what still
 * matches). Never unprotects a sheet. Uses only what the Excel at hand supports: on ExcelApi 1.1
 * (Excel 2016) it reads without protection and merges.
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
      // One sheet's merged areas failed the request (above 512): the cells without them, then each
      // sheet's merges on its own, so that one sheet never costs the others theirs.
      return this.readAll(false);
    }
  }

  private async readAll(mergesInBatch: boolean): Promise<WorkbookSnapshot> {
    const api = apiLevel();
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const reads = sheets.items.map((ws) => {
        const used = valuesRange(ws, api);
        used.load("rowIndex,columnIndex,values,formulas,numberFormat");
        // Merged areas over the whole used range (with formats), which holds every merge: a merge whose
        // top-left cell is outside the values' range would be missed there. getUsedRange never returns
        // a null object (a blank sheet gives its A1), so nothing is asked of a null object.
        const areas = api.merges && mergesInBatch ? ws.getUsedRange(false).getMergedAreasOrNullObject() : undefined;
        areas?.load("address");
        if (api.protection) ws.protection.load("protected");
        return { ws, used, areas };
      });
      await context.sync();
      this.sheetNames = reads.map((r) => r.ws.name);
      const out: SheetSnapshot[] = [];
      for (const { ws, used, areas } of reads) {
        const cells: (CellSnapshot | undefined)[][] = [];
        if (!used.isNullObject) fill(cells, used.rowIndex, used.columnIndex, used.values, used.formulas, used.numberFormat);
        const sheet: SheetSnapshot = { name: ws.name, cells, merges: areas && !areas.isNullObject ? parseAreas(areas.address) : [] };
        if (api.protection && ws.protection.protected) sheet.protected = true;
        if (api.merges && !mergesInBatch) sheet.merges = await sheetMerges(context, ws, api);
        out.push(sheet);
      }
      return { sheets: out };
    });
  }

  /** Above the web's payload limit: dimensions first, then the cells in blocks of rows; merges per sheet. */
  private async readChunked(): Promise<WorkbookSnapshot> {
    const api = apiLevel();
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const dims = sheets.items.map((ws) => {
        const used = valuesRange(ws, api);
        used.load("rowIndex,columnIndex,rowCount,columnCount");
        if (api.protection) ws.protection.load("protected");
        return { ws, used };
      });
      await context.sync();
      this.sheetNames = dims.map((d) => d.ws.name);
      const out: SheetSnapshot[] = [];
      for (const { ws, used } of dims) {
        const cells: (CellSnapshot | undefined)[][] = [];
        const sheet: SheetSnapshot = { name: ws.name, cells, merges: [] };
        if (api.protection && ws.protection.protected) sheet.protected = true;
        out.push(sheet);
        if (!used.isNullObject) {
          const step = Math.max(1, Math.floor((this.options.chunkCells ?? CHUNK_CELLS) / Math.max(1, used.columnCount)));
          for (let r = 0; r < used.rowCount; r += step) {
            const rows = Math.min(step, used.rowCount - r);
            const block = rangeAt(ws, api, used.rowIndex + r, used.columnIndex, rows, used.columnCount);
            block.load("values,formulas,numberFormat");
            await context.sync();
            fill(cells, used.rowIndex + r, used.columnIndex, block.values, block.formulas, block.numberFormat);
          }
        }
        if (api.merges) sheet.merges = await sheetMerges(context, ws, api);
      }
      return { sheets: out };
    });
  }

  /** Re-reads only the form's sheet after an edit: one Excel.run, one sync (more only for its merges). */
  async readSheet(index: number, previous: WorkbookSnapshot): Promise<WorkbookSnapshot> {
    const name = previous.sheets[index]?.name;
    if (!name) return this.readSnapshot();
    const api = apiLevel();
    return Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(name);
      const used = valuesRange(ws, api);
      used.load("rowIndex,columnIndex,values,formulas,numberFormat");
      const areas = api.merges ? ws.getUsedRange(false).getMergedAreasOrNullObject() : undefined;
      areas?.load("address");
      if (api.protection) ws.protection.load("protected");
      let mergesFailed = false;
      try {
        await context.sync();
      } catch (e) {
        if (!areas || isPayloadError(e)) throw e;
        mergesFailed = true; // above 512 areas: the cells first, then the merges in parts
        used.load("rowIndex,columnIndex,values,formulas,numberFormat");
        if (api.protection) ws.protection.load("protected");
        await context.sync();
      }
      const cells: (CellSnapshot | undefined)[][] = [];
      if (!used.isNullObject) fill(cells, used.rowIndex, used.columnIndex, used.values, used.formulas, used.numberFormat);
      let merges = previous.sheets[index].merges;
      if (mergesFailed) merges = await sheetMerges(context, ws, api);
      else if (areas) merges = areas.isNullObject ? [] : parseAreas(areas.address);
      const sheet: SheetSnapshot = { name, cells, merges };
      if (api.protection && ws.protection.protected) sheet.protected = true;
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
    const api = apiLevel();
    return Excel.run(async (context) => {
      const sheetProxies = new Map<number, Excel.Worksheet>();
      const targets = patch.changes.map((change) => {
        let ws = sheetProxies.get(change.cell.sheet);
        if (!ws) {
          ws = context.workbook.worksheets.getItem(this.nameOf(change.cell.sheet));
          if (api.protection) ws.protection.load("protected");
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
        // Before ExcelApi 1.2 protection cannot be read: a protected sheet then refuses the write itself.
        const reason = guardWrite(change, { sheetName: this.nameOf(change.cell.sheet), protected: api.protection && ws.protection.protected, current: before });
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
    // Worksheet.onChanged is ExcelApi 1.7: without it the pane re-checks on 一键校验 only.
    if (!supports("ExcelApi", "1.7")) throw Object.assign(new Error("onChanged needs ExcelApi 1.7"), { code: "ApiNotFound" });
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

/** A block of cells by its indexes (getRangeByIndexes needs ExcelApi 1.7; an A1 address works everywhere). */
function rangeAt(ws: Excel.Worksheet, api: ApiLevel, row: number, col: number, rows: number, cols: number): Excel.Range {
  if (api.byIndexes) return ws.getRangeByIndexes(row, col, rows, cols);
  return ws.getRange(rangeToA1({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }));
}

/**
 * One sheet's merged areas, on its own: over the whole used range when Excel lists them (at most
 * 512), otherwise in blocks of rows. Excel gives the areas whose top-left cell lies in the block,
 * clipped to it, so an area that reaches the block's last row is asked again over the rows below.
 * A sheet whose merges cannot be read at all is read without them; it never fails the others.
 */
async function sheetMerges(context: Excel.RequestContext, ws: Excel.Worksheet, api: ApiLevel): Promise<RangeRef[]> {
  try {
    const areas = ws.getUsedRange(false).getMergedAreasOrNullObject();
    areas.load("address");
    await context.sync();
    return areas.isNullObject ? [] : parseAreas(areas.address);
  } catch (e) {
    if (isPayloadError(e)) return [];
  }
  try {
    const full = ws.getUsedRange(false);
    full.load("rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    const out: RangeRef[] = [];
    const last = full.rowIndex + full.rowCount - 1;
    for (let r = full.rowIndex; r <= last; r += MERGE_BLOCK_ROWS) {
      const bottom = Math.min(last, r + MERGE_BLOCK_ROWS - 1);
      try {
        const areas = rangeAt(ws, api, r, full.columnIndex, bottom - r + 1, full.columnCount).getMergedAreasOrNullObject();
        areas.load("address");
        await context.sync();
        const found = areas.isNullObject ? [] : parseAreas(areas.address);
        // Areas reaching the block's last row may go on below it: asked again over the rows below
        // (a block's worth more); should that fail, the clipped areas are kept.
        const cut = bottom < last ? found.filter((a) => a.bottom === bottom) : [];
        const again = cut.map((a) => {
          const rest = rangeAt(ws, api, a.top, a.left, Math.min(last, bottom + MERGE_BLOCK_ROWS) - a.top + 1, a.right - a.left + 1).getMergedAreasOrNullObject();
          rest.load("address");
          return { a, rest };
        });
        let whole = false;
        if (again.length) {
          try {
            await context.sync();
            whole = true;
          } catch {
            /* kept clipped */
          }
        }
        for (const x of found) {
          const g = whole ? again.find((y) => y.a === x) : undefined;
          const longer = g && !g.rest.isNullObject ? parseAreas(g.rest.address).find((y) => y.top === x.top && y.left === x.left) : undefined;
          out.push(longer ?? x);
        }
      } catch {
        /* this block's merges are left out; the rest of the sheet keeps its own */
      }
    }
    return out;
  } catch {
    return [];
  }
}
