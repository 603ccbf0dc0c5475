import { CellAddress, CellSnapshot, CellValue, MIN_CONFIDENCE, Patch, RangeRef, SheetSnapshot, WorkbookSnapshot, analyze, guardWrite, parseRangeA1, rangeToA1, SKIP_REASONS } from "../../engine";
import { ApplyOutcome, CellState, Host, HostStorage } from "../types";

/**
 * The WPS 表格 host, through the ET object model (window.Application). The API is synchronous and
 * COM-shaped: collections are 1-based and reached with .Item(), Value2 returns a scalar, a row or
 * rows. Every property and method is a cross-process call (Kingsoft quotes about 2 s per 10,000), so
 * reads are counted: a sheet's values in one call, and formulas, number formats and merges only on
 * the sheets that hold a form, formats only for the cells that hold numbers.
 *
 * A check is tied to the workbook it read: writes, selection and re-checks go to that workbook
 * (found again by its FullName), never to whichever workbook happens to be active, and are refused
 * with a message when it has been closed.
 */

/** The part of the ET object model this host uses (et-jsapi-declare's types are looser than COM). */
export interface EtRange {
  Value2: unknown;
  Formula: unknown;
  NumberFormat: unknown;
  MergeCells: boolean | null;
  MergeArea: EtRange;
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  Select(): void;
  Row: number;
  Column: number;
  Worksheet: EtSheet;
  Cells: { Item(r: number, c: number): EtRange };
}
export interface EtSheet {
  Name: string;
  UsedRange: EtRange;
  Range(a1: string): EtRange;
  ProtectContents: boolean;
  Activate(): void;
  Parent?: EtBook;
}
export interface EtCollection<T> {
  Count: number;
  Item(i: number | string): T;
}
export interface EtBook {
  Name: string;
  FullName: string;
  Sheets: EtCollection<EtSheet>;
  Worksheets?: EtCollection<EtSheet>;
  Activate(): void;
  Save(): void;
}
export interface EtApp {
  ActiveWorkbook: EtBook | null | undefined;
  Workbooks: EtCollection<EtBook>;
  Selection?: EtRange;
}

/** COM error values as Value2 returns them (CVErr codes; measured on WPS 12.1). */
const COM_ERRORS: Record<number, string> = {
  [-2146826281]: "#DIV/0!",
  [-2146826246]: "#N/A",
  [-2146826259]: "#NAME?",
  [-2146826288]: "#NULL!",
  [-2146826252]: "#NUM!",
  [-2146826265]: "#REF!",
  [-2146826273]: "#VALUE!",
};
/** The same errors as text, as some builds and Range.Text give them. */
const ERROR_TEXTS = new Set([...Object.values(COM_ERRORS), "#SPILL!", "#CALC!", "#GETTING_DATA"]);

function toValue(v: unknown): CellValue {
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "number") return COM_ERRORS[v] ? { error: COM_ERRORS[v] } : v;
  if (typeof v === "string") return ERROR_TEXTS.has(v) ? { error: v } : v;
  if (typeof v === "boolean") return v;
  return String(v);
}

/** Value2 (and Formula) of a range come back as a scalar, one row, or rows: always rows here. */
export function normalizeGrid(v: unknown, rows: number, cols: number): unknown[][] {
  if (Array.isArray(v)) {
    if (v.length > 0 && Array.isArray(v[0])) return v as unknown[][];
    // A single row, or a single column read as a flat list.
    return rows === 1 ? [v as unknown[]] : (v as unknown[]).map((x) => [x]);
  }
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => v));
}

const isGeneral = (nf: unknown) => nf === "General" || nf === "G/通用格式" || nf === "常规" || nf === "@" || nf === "";

/** A failure of this host a user can act on; describeError says it in Chinese. */
export class WpsHostError extends Error {
  constructor(readonly code: "NoWorkbook" | "WorkbookClosed", message: string) {
    super(message);
    this.name = "WpsHostError";
  }
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

/** What was read of one sheet in the first pass: its used range and its values. */
interface SheetPass {
  name: string;
  ws?: EtSheet;
  used?: EtRange;
  top: number;
  left: number;
  rows: number;
  cols: number;
  values: unknown[][];
}

export class WpsHost implements Host {
  readonly kind = "wps" as const;
  /** A blob link does not download in WPS's embedded browser (no download handler is documented). */
  readonly canDownload = false;
  readonly storage: HostStorage;
  /** The workbook the last snapshot came from, and its sheets' names in snapshot order. */
  private checked?: { name: string; fullName: string; sheets: string[] };

  constructor(private readonly app: EtApp = (window as unknown as { Application: EtApp }).Application, storage?: HostStorage) {
    this.storage = storage ?? new WpsLocalStorage(() => `ziping.${this.checked?.fullName ?? this.app.ActiveWorkbook?.FullName ?? "book"}`);
  }

  /** The checked workbook's name and full path, once a snapshot has been read. */
  get checkedWorkbook(): { name: string; fullName: string } | undefined {
    return this.checked && { name: this.checked.name, fullName: this.checked.fullName };
  }

  describeError(e: unknown): string | undefined {
    return e instanceof WpsHostError ? e.message : undefined;
  }

  /**
   * Synchronous read, for the ribbon and the before-save listener (their callbacks must not wait).
   * `wb` is the workbook to read (the one being saved); the active one by default.
   */
  readSnapshotSync(wb?: EtBook | null): WorkbookSnapshot {
    const book = wb ?? this.app.ActiveWorkbook;
    if (!book) throw new WpsHostError("NoWorkbook", "没有打开的工作簿：请先打开要检查的自评表，再点「一键校验」。");
    const name = String(book.Name);
    const fullName = String(book.FullName);
    const sheets = worksheetsOf(book);
    const count = sheets.Count;
    const passes: SheetPass[] = [];
    for (let i = 1; i <= count; i++) passes.push(firstPass(sheets.Item(i)));
    const snapshot: WorkbookSnapshot = { fileName: name, sheets: passes.map(valuesOnly) };
    for (const i of formSheets(snapshot)) snapshot.sheets[i] = fullRead(passes[i]);
    this.checked = { name, fullName, sheets: passes.map((p) => p.name) };
    return snapshot;
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return this.readSnapshotSync();
  }

  /** Re-reads one sheet of the checked workbook, in full. */
  async readSheet(index: number, previous: WorkbookSnapshot): Promise<WorkbookSnapshot> {
    const name = previous.sheets[index]?.name;
    if (!name) return this.readSnapshot();
    const ws = sheetByName(this.checkedBook(), name);
    if (!ws) return this.readSnapshotSync(this.checkedBook());
    const sheets = previous.sheets.slice();
    sheets[index] = fullRead(firstPass(ws));
    return { ...previous, sheets };
  }

  /**
   * The workbook the last check read, found again among the open workbooks by its full path (an
   * object from an earlier call cannot be trusted once its workbook was closed).
   */
  private checkedBook(): EtBook {
    if (!this.checked) {
      // Nothing read yet (a write from another page's check): the active workbook, bound from now on.
      const active = this.app.ActiveWorkbook;
      if (!active) throw new WpsHostError("NoWorkbook", "没有打开的工作簿：请先打开要检查的自评表，再点「一键校验」。");
      const list = worksheetsOf(active);
      const sheets: string[] = [];
      for (let i = 1, n = list.Count; i <= n; i++) sheets.push(String(list.Item(i).Name));
      this.checked = { name: String(active.Name), fullName: String(active.FullName), sheets };
      return active;
    }
    const books = this.app.Workbooks;
    const n = books.Count;
    for (let i = 1; i <= n; i++) {
      const b = books.Item(i);
      if (String(b.FullName) === this.checked.fullName) return b;
    }
    throw new WpsHostError("WorkbookClosed", `检查过的工作簿「${this.checked.name}」已关闭（或已另存为其他文件），没有写入任何内容。请重新打开它，再点「一键校验」。`);
  }

  async applyPatch(patch: Patch): Promise<ApplyOutcome> {
    const out: ApplyOutcome = { applied: [], skipped: [] };
    if (patch.changes.length === 0) return out;
    const wb = this.checkedBook();
    const sheets = new Map<number, { ws?: EtSheet; name?: string; protected: boolean }>();
    for (const change of patch.changes) {
      let target = sheets.get(change.cell.sheet);
      if (!target) {
        const name = this.checked?.sheets[change.cell.sheet];
        const ws = name === undefined ? undefined : sheetByName(wb, name);
        target = { ws, name: ws ? name : undefined, protected: ws ? !!ws.ProtectContents : false };
        sheets.set(change.cell.sheet, target);
      }
      if (!target.ws) {
        out.skipped.push({ change, reason: SKIP_REASONS.noSheet });
        continue;
      }
      const cell = target.ws.Range(rangeToA1({ top: change.cell.row, left: change.cell.col, bottom: change.cell.row, right: change.cell.col }));
      const f = cell.Formula as unknown;
      const before: CellState = { value: toValue(cell.Value2) };
      if (typeof f === "string" && f.startsWith("=")) before.formula = f.slice(1);
      const reason = guardWrite(change, { sheetName: target.name, protected: target.protected, current: before });
      if (reason) {
        out.skipped.push({ change, reason });
        continue;
      }
      if (change.formula) cell.Formula = `=${change.formula}`;
      else cell.Value2 = change.value === null ? "" : typeof change.value === "object" ? change.value.error : change.value;
      if (change.numFmt) {
        const nf = cell.NumberFormat as unknown;
        if (nf === undefined || nf === null || isGeneral(nf)) cell.NumberFormat = change.numFmt;
      }
      out.applied.push({ change, before });
    }
    return out;
  }

  /** The selected cell, when it lies in the checked workbook. */
  async getSelection(): Promise<({ cell: CellAddress } & CellState) | undefined> {
    if (!this.checked) return undefined;
    const sel = this.app.Selection;
    if (!sel) return undefined;
    const ws = sel.Worksheet;
    if (ws.Parent && String(ws.Parent.FullName) !== this.checked.fullName) return undefined;
    const sheet = this.checked.sheets.indexOf(String(ws.Name));
    if (sheet < 0) return undefined;
    const cell = sel.Cells.Item(1, 1);
    const f = cell.Formula as unknown;
    return { cell: { sheet, row: cell.Row - 1, col: cell.Column - 1 }, value: toValue(cell.Value2), formula: typeof f === "string" && f.startsWith("=") ? f.slice(1) : undefined };
  }

  /** Shows a cell of the checked workbook: that workbook and sheet are activated first (Select needs them active). */
  async selectCell(cell: CellAddress): Promise<void> {
    const wb = this.checkedBook();
    const name = this.checked?.sheets[cell.sheet];
    const ws = name === undefined ? undefined : sheetByName(wb, name);
    if (!ws) return;
    wb.Activate();
    ws.Activate();
    ws.Range(rangeToA1({ top: cell.row, left: cell.col, bottom: cell.row, right: cell.col })).Select();
  }
}

/** Worksheets only: Workbook.Sheets also lists chart sheets, which have no cells. */
function worksheetsOf(wb: EtBook): EtCollection<EtSheet> {
  return wb.Worksheets ?? wb.Sheets;
}

function sheetByName(wb: EtBook, name: string): EtSheet | undefined {
  try {
    return worksheetsOf(wb).Item(name) ?? undefined;
  } catch {
    return undefined; // COM's Item throws for a name that is not there
  }
}

/**
 * First pass over a sheet: its name, used range and values, in four calls. A sheet that refuses
 * (a chart sheet listed where only Sheets exists, or anything else) reads as empty: it never
 * breaks a check, nor a save.
 */
function firstPass(ws: EtSheet): SheetPass {
  let name = "";
  try {
    name = String(ws.Name);
    const used = ws.UsedRange;
    const ref = parseRangeA1(String(used.Address(false, false)));
    if (!ref) return { name, top: 0, left: 0, rows: 0, cols: 0, values: [] };
    const rows = ref.bottom - ref.top + 1;
    const cols = ref.right - ref.left + 1;
    return { name, ws, used, top: ref.top, left: ref.left, rows, cols, values: normalizeGrid(used.Value2, rows, cols) };
  } catch {
    return { name, top: 0, left: 0, rows: 0, cols: 0, values: [] };
  }
}

function valuesOnly(p: SheetPass): SheetSnapshot {
  const cells: (CellSnapshot | undefined)[][] = [];
  for (let r = 0; r < p.rows; r++)
    for (let c = 0; c < p.cols; c++) {
      const v = toValue(p.values[r]?.[c]);
      if (v !== null) (cells[p.top + r] ??= [])[p.left + c] = { v };
    }
  return { name: p.name, cells, merges: [] };
}

/**
 * The sheets that may hold a form, judged from their values alone (labels, without formats or
 * merges): those the engine reads a form from, and those that come near it.
 */
function formSheets(snapshot: WorkbookSnapshot): number[] {
  const a = analyze(snapshot, { rules: [] });
  const out = new Set<number>();
  for (const p of a.projects) out.add(p.form.sheet);
  if (a.form) out.add(a.form.sheet);
  for (const c of a.recognition.candidates) if (c.confidence >= MIN_CONFIDENCE / 2) out.add(c.sheet);
  return [...out].sort((x, y) => x - y);
}

/** A form's sheet in full: formulas (one call), number formats of its numbers, merged areas, protection. */
function fullRead(p: SheetPass): SheetSnapshot {
  if (!p.ws || !p.used) return valuesOnly(p);
  const { ws, used } = p;
  const formulas = normalizeGrid(used.Formula, p.rows, p.cols);
  const cells: (CellSnapshot | undefined)[][] = [];
  const numbers: { r: number; c: number; cell: CellSnapshot }[] = [];
  for (let r = 0; r < p.rows; r++)
    for (let c = 0; c < p.cols; c++) {
      const v = toValue(p.values[r]?.[c]);
      const f = formulas[r]?.[c];
      const hasFormula = typeof f === "string" && f.startsWith("=");
      if (v === null && !hasFormula) continue;
      const cell: CellSnapshot = { v };
      if (hasFormula) cell.f = (f as string).slice(1);
      (cells[p.top + r] ??= [])[p.left + c] = cell;
      if (typeof v === "number") numbers.push({ r: p.top + r, c: p.left + c, cell });
    }
  readFormats(ws, used, numbers);
  const sheet: SheetSnapshot = { name: p.name, cells, merges: readMerges(ws, used, p) };
  if (ws.ProtectContents) sheet.protected = true;
  return sheet;
}

/**
 * Number formats of the cells that hold numbers (the engine reads a format only there): the whole
 * range in one call when it has one format; otherwise each row's runs of numbers, halved while the
 * run mixes formats (COM reads a mixed range's NumberFormat as null).
 */
function readFormats(ws: EtSheet, used: EtRange, numbers: { r: number; c: number; cell: CellSnapshot }[]): void {
  if (numbers.length === 0) return;
  const set = (cell: CellSnapshot, nf: unknown) => {
    if (typeof nf === "string" && !isGeneral(nf)) cell.fmt = nf;
  };
  const whole = used.NumberFormat as unknown;
  if (whole !== null && whole !== undefined) {
    for (const n of numbers) set(n.cell, whole);
    return;
  }
  const run = (list: typeof numbers) => {
    const first = list[0];
    const last = list[list.length - 1];
    const nf = ws.Range(rangeToA1({ top: first.r, left: first.c, bottom: last.r, right: last.c })).NumberFormat as unknown;
    if (nf !== null && nf !== undefined) list.forEach((n) => set(n.cell, nf));
    else if (list.length > 1) {
      const mid = Math.ceil(list.length / 2);
      run(list.slice(0, mid));
      run(list.slice(mid));
    }
  };
  // Runs of adjacent numbers in a row.
  let i = 0;
  while (i < numbers.length) {
    let j = i + 1;
    while (j < numbers.length && numbers[j].r === numbers[i].r && numbers[j].c === numbers[j - 1].c + 1) j++;
    run(numbers.slice(i, j));
    i = j;
  }
}

/**
 * Merged areas: COM has no list of them. A sheet whose MergeCells is false has none (one call).
 * Otherwise each cell that holds a value and has an empty cell to its right or below (where a merge
 * can start) is asked for its MergeArea, once, and the cells of each area found are not asked again.
 * Merges of empty cells are then found column by column (see below).
 */
function readMerges(ws: EtSheet, used: EtRange, p: SheetPass): RangeRef[] {
  const out: RangeRef[] = [];
  if (p.rows === 0 || used.MergeCells === false) return out;
  const covered = new Set<number>();
  const key = (r: number, c: number) => r * 16384 + c;
  const empty = (r: number, c: number) => r >= p.rows || c >= p.cols || toValue(p.values[r]?.[c]) === null;
  /** Reads the MergeArea of the cell at (r, c) of the used range; a cell outside any merge is its own. */
  const area = (r: number, c: number, range?: EtRange) => {
    const top = p.top + r;
    const left = p.left + c;
    const a = parseRangeA1(String((range ?? ws.Range(rangeToA1({ top, left, bottom: top, right: left }))).MergeArea.Address(false, false)));
    if (!a || (a.top === a.bottom && a.left === a.right)) return;
    out.push(a);
    for (let y = a.top; y <= a.bottom; y++) for (let x = a.left; x <= a.right; x++) covered.add(key(y - p.top, x - p.left));
  };
  for (let r = 0; r < p.rows; r++)
    for (let c = 0; c < p.cols; c++) {
      if (empty(r, c) || covered.has(key(r, c)) || (!empty(r, c + 1) && !empty(r + 1, c))) continue;
      area(r, c);
    }
  // Then merges of empty cells (a blank 目标完成情况 over a task's rows): each column's runs of empty
  // cells not yet covered, passed over in one look where MergeCells is false, halved otherwise.
  const scan = (c: number, r0: number, r1: number) => {
    const run = { top: p.top + r0, left: p.left + c, bottom: p.top + r1, right: p.left + c };
    const range = ws.Range(rangeToA1(run));
    const m = range.MergeCells;
    if (m === false) return;
    if (r0 === r1) return area(r0, c, range);
    if (m === true) {
      for (let r = r0; r <= r1; r++) if (!covered.has(key(r, c))) area(r, c);
      return;
    }
    const mid = Math.floor((r0 + r1) / 2);
    const rest = (a: number, b: number) => {
      // Only the parts still uncovered (an area found in the first half may reach into the second).
      let s = -1;
      for (let r = a; r <= b + 1; r++) {
        const free = r <= b && !covered.has(key(r, c));
        if (free && s < 0) s = r;
        if (!free && s >= 0) {
          scan(c, s, r - 1);
          s = -1;
        }
      }
    };
    rest(r0, mid);
    rest(mid + 1, r1);
  };
  for (let c = 0; c < p.cols; c++) {
    let s = -1;
    for (let r = 0; r <= p.rows; r++) {
      const free = r < p.rows && empty(r, c) && !covered.has(key(r, c));
      if (free && s < 0) s = r;
      if (!free && s >= 0) {
        scan(c, s, r - 1);
        s = -1;
      }
    }
  }
  return out;
}
