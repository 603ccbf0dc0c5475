/// <reference types="et-jsapi-declare" />
import { CellAddress, CellSnapshot, CellValue, Patch, RangeRef, SheetSnapshot, WorkbookSnapshot, guardWrite, parseRangeA1, toA1 } from "../../engine";
import { ApplyOutcome, CellState, Host, HostStorage } from "../types";

/**
 * The WPS 表格 host, through the ET object model (window.Application). The API is synchronous and
 * COM-shaped: collections are 1-based and reached with .Item(), Value2 is a property that returns a
 * scalar, a row or rows. Et enums are ambient types only, so numbers are used where one is needed.
 */

type EtApp = typeof Application;
type EtRange = Et.Range;

/** COM error values as Value2 returns them (CVErr codes). */
const COM_ERRORS: Record<number, string> = {
  [-2146826281]: "#DIV/0!",
  [-2146826246]: "#N/A",
  [-2146826259]: "#NAME?",
  [-2146826288]: "#NULL!",
  [-2146826252]: "#NUM!",
  [-2146826265]: "#REF!",
  [-2146826273]: "#VALUE!",
};

function toValue(v: unknown): CellValue {
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "number") return COM_ERRORS[v] ? { error: COM_ERRORS[v] } : v;
  if (typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** Value2 (and Formula, NumberFormat) of a range come back as a scalar, one row, or rows: always rows here. */
export function normalizeGrid(v: unknown, rows: number, cols: number): unknown[][] {
  if (Array.isArray(v)) {
    if (v.length > 0 && Array.isArray(v[0])) return v as unknown[][];
    // A single row, or a single column read as a flat list.
    return rows === 1 ? [v as unknown[]] : (v as unknown[]).map((x) => [x]);
  }
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => v));
}

/** The journal is kept in the browser storage of the add-in, per workbook (PluginStorage is not persisted). */
export class WpsLocalStorage implements HostStorage {
  constructor(private readonly key: () => string) {}
  async load(k: string) {
    try {
      return window.localStorage.getItem(`${this.key()}:${k}`) ?? undefined;
    } catch {
      return undefined;
    }
  }
  async save(k: string, v: string) {
    try {
      window.localStorage.setItem(`${this.key()}:${k}`, v);
    } catch {
      /* storage unavailable: the journal lasts as long as the pane */
    }
  }
}

export class WpsHost implements Host {
  readonly kind = "wps" as const;
  readonly storage: HostStorage;

  constructor(private readonly app: EtApp = (window as unknown as { Application: EtApp }).Application, storage?: HostStorage) {
    this.storage = storage ?? new WpsLocalStorage(() => `ziping.${this.app.ActiveWorkbook?.FullName ?? "book"}`);
  }

  /** Synchronous read, for the ribbon and the before-save listener (their callbacks must not wait). */
  readSnapshotSync(): WorkbookSnapshot {
    const wb = this.app.ActiveWorkbook;
    if (!wb) return { sheets: [] };
    const sheets: SheetSnapshot[] = [];
    const count = wb.Sheets.Count;
    for (let i = 1; i <= count; i++) sheets.push(this.readSheetSync(wb.Sheets.Item(i) as unknown as Et.Worksheet));
    return { fileName: wb.Name, sheets };
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return this.readSnapshotSync();
  }

  async readSheet(index: number, previous: WorkbookSnapshot): Promise<WorkbookSnapshot> {
    const sheets = previous.sheets.slice();
    sheets[index] = this.readSheetSync(this.app.ActiveWorkbook.Sheets.Item(index + 1) as unknown as Et.Worksheet);
    return { ...previous, sheets };
  }

  private readSheetSync(ws: Et.Worksheet): SheetSnapshot {
    const used = ws.UsedRange as EtRange;
    const top = (used.Row as number) - 1;
    const left = (used.Column as number) - 1;
    const rows = used.Rows.Count as number;
    const cols = used.Columns.Count as number;
    // Whole ranges at once: values, formulas and number formats in three calls.
    const values = normalizeGrid(used.Value2, rows, cols);
    const formulas = normalizeGrid(used.Formula, rows, cols);
    let formats: unknown[][] | undefined;
    const fmt = used.NumberFormat as unknown;
    if (fmt !== null && fmt !== undefined) formats = normalizeGrid(fmt, rows, cols);
    const cells: (CellSnapshot | undefined)[][] = [];
    for (let r = 0; r < rows; r++) {
      // Mixed formats read as null for the whole range; then row by row, and cell by cell only in rows that mix them.
      let rowFormats = formats?.[r];
      if (!rowFormats) {
        const rf = (used.Rows.Item(r + 1) as EtRange).NumberFormat as unknown;
        rowFormats = rf === null || rf === undefined ? Array.from({ length: cols }, (_, c) => ((used.Cells.Item(r + 1, c + 1) as EtRange).NumberFormat as unknown)) : normalizeGrid(rf, 1, cols)[0];
      }
      for (let c = 0; c < cols; c++) {
        const v = toValue(values[r]?.[c]);
        const f = formulas[r]?.[c];
        const hasFormula = typeof f === "string" && f.startsWith("=");
        if (v === null && !hasFormula) continue;
        const cell: CellSnapshot = { v };
        if (hasFormula) cell.f = (f as string).slice(1);
        const nf = rowFormats?.[c];
        if (typeof nf === "string" && nf !== "General" && nf !== "G/通用格式" && nf !== "@") cell.fmt = nf;
        (cells[top + r] ??= [])[left + c] = cell;
      }
    }
    return { name: ws.Name, cells, merges: this.merges(used, top, left, rows, cols), protected: !!ws.ProtectContents || undefined };
  }

  /**
   * COM has no list of merged areas: rows whose MergeCells is not false are looked into cell by cell,
   * and each merge is taken once, from its top-left cell.
   */
  private merges(used: EtRange, top: number, left: number, rows: number, cols: number): RangeRef[] {
    const out: RangeRef[] = [];
    if (used.MergeCells === false) return out;
    const seen = new Set<string>();
    for (let r = 1; r <= rows; r++) {
      const row = used.Rows.Item(r) as EtRange;
      if (row.MergeCells === false) continue;
      for (let c = 1; c <= cols; c++) {
        const cell = used.Cells.Item(r, c) as EtRange;
        if (!cell.MergeCells) continue;
        const area = cell.MergeArea;
        const ref = parseRangeA1(String(area.Address(false, false)));
        if (!ref) continue;
        const key = `${ref.top}:${ref.left}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(ref);
      }
    }
    void top;
    void left;
    return out;
  }

  async applyPatch(patch: Patch): Promise<ApplyOutcome> {
    const out: ApplyOutcome = { applied: [], skipped: [] };
    const wb = this.app.ActiveWorkbook;
    for (const change of patch.changes) {
      const ws = wb.Sheets.Item(change.cell.sheet + 1) as unknown as Et.Worksheet;
      const cell = ws.Cells.Item(change.cell.row + 1, change.cell.col + 1) as EtRange;
      const f = cell.Formula as unknown;
      const before: CellState = { value: toValue(cell.Value2) };
      if (typeof f === "string" && f.startsWith("=")) before.formula = f.slice(1);
      const reason = guardWrite(change, { sheetName: ws.Name, protected: !!ws.ProtectContents, current: before });
      if (reason) {
        out.skipped.push({ change, reason });
        continue;
      }
      if (change.formula) cell.Formula = `=${change.formula}`;
      else cell.Value2 = (change.value === null ? "" : typeof change.value === "object" ? change.value.error : change.value) as never;
      if (change.numFmt) {
        const nf = cell.NumberFormat as unknown;
        if (nf === "General" || nf === "G/通用格式" || nf === undefined || nf === null) cell.NumberFormat = change.numFmt as never;
      }
      out.applied.push({ change, before });
    }
    return out;
  }

  async getSelection(): Promise<({ cell: CellAddress } & CellState) | undefined> {
    const sel = (this.app as unknown as { Selection?: EtRange }).Selection;
    if (!sel) return undefined;
    const name = (sel as unknown as { Worksheet: { Name: string } }).Worksheet.Name;
    const wb = this.app.ActiveWorkbook;
    let sheet = -1;
    for (let i = 1; i <= wb.Sheets.Count; i++) if ((wb.Sheets.Item(i) as unknown as Et.Worksheet).Name === name) sheet = i - 1;
    if (sheet < 0) return undefined;
    const cell = sel.Cells.Item(1, 1) as EtRange;
    const f = cell.Formula as unknown;
    return { cell: { sheet, row: (cell.Row as number) - 1, col: (cell.Column as number) - 1 }, value: toValue(cell.Value2), formula: typeof f === "string" && f.startsWith("=") ? f.slice(1) : undefined };
  }

  async selectCell(cell: CellAddress): Promise<void> {
    const ws = this.app.ActiveWorkbook.Sheets.Item(cell.sheet + 1) as unknown as Et.Worksheet;
    ws.Activate();
    (ws.Cells.Item(cell.row + 1, cell.col + 1) as EtRange).Select();
  }
}
