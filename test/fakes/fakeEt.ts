/**
 * A fake of the WPS ET object model, as strict as the documentation and the measurements we have
 * make the real one (notes: ../shared/notes/wps-jsapi.md):
 * - every property read or write and every method call of the object model (their names start with
 *   a capital letter, COM style) is one synchronous call into WPS, and is counted in `calls`;
 * - collections are 1-based and reached with .Item(); Value2 of one cell is a scalar, of one row a
 *   flat list, of several rows a list of rows; an empty sheet's UsedRange is A1 with Value2 null;
 * - error values come back as CVErr codes (-2146826281 for #DIV/0!), or as text where `errorsAsText`;
 * - NumberFormat of a range that mixes formats is null; MergeCells is true, false or null (mixed);
 * - Address() is absolute ($A$1) unless asked otherwise;
 * - Workbook.Sheets holds chart sheets, whose UsedRange throws; Workbook.Worksheets does not;
 * - a closed workbook's objects throw on any use;
 * - ApiEvent.Cancel is never reset by WPS: a listener that leaves it true cancels the next save too;
 * - TaskPane.ID is a number; GetTaskPane finds a pane only by that number; PluginStorage keeps strings;
 * - the ribbon asks getEnabled once per control and caches it until Invalidate/InvalidateControl.
 */
import { CellValue, RangeRef, WorkbookSnapshot, evaluateFormula, isCellError, parseFormula, parseQuantity, parseRangeA1, rangeToA1 } from "../../src/engine";

interface Cell {
  v: CellValue;
  f?: string;
  fmt?: string;
}

/** Objects that stop working when their workbook is closed. */
interface Living {
  dead(): boolean;
}

/**
 * Wraps a fake object as WPS hands it to a page: capitalised members count as calls (and throw once
 * the object's workbook is closed); objects they return are wrapped in turn; data (arrays) is not.
 */
function com<T extends object>(target: T, app: FakeEtApp): T {
  if (!target || typeof target !== "object" || Array.isArray(target) || (target as { __com?: boolean }).__com) return target;
  const wrap = (v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? com(v as object, app) : v);
  return new Proxy(target, {
    get(t, p) {
      if (p === "__com") return true;
      if (p === "__raw") return t;
      const v = Reflect.get(t, p, t);
      if (typeof p !== "string" || !/^[A-Z]/.test(p)) return typeof v === "function" ? (...args: unknown[]) => (v as (...a: unknown[]) => unknown).apply(t, args.map(unwrap)) : v;
      app.calls++;
      if ((t as Partial<Living>).dead?.()) throw new Error("对象已断开：工作簿已关闭 (RPC_E_DISCONNECTED)");
      if (typeof v === "function") return (...args: unknown[]) => wrap((v as (...a: unknown[]) => unknown).apply(t, args.map(unwrap)));
      return wrap(v);
    },
    set(t, p, v) {
      if (typeof p === "string" && /^[A-Z]/.test(p)) {
        app.calls++;
        if ((t as Partial<Living>).dead?.()) throw new Error("对象已断开：工作簿已关闭 (RPC_E_DISCONNECTED)");
      }
      return Reflect.set(t, p, unwrap(v), t);
    },
  });
}

function unwrap<T>(v: T): T {
  const raw = v && typeof v === "object" ? (v as unknown as { __raw?: T }).__raw : undefined;
  return raw ?? v;
}

const ERROR_CODES: Record<string, number> = {
  "#DIV/0!": -2146826281,
  "#N/A": -2146826246,
  "#NAME?": -2146826259,
  "#NULL!": -2146826288,
  "#NUM!": -2146826252,
  "#REF!": -2146826265,
  "#VALUE!": -2146826273,
};

export class FakeSheet implements Living {
  cells = new Map<string, Cell>();
  ProtectContents = false;
  constructor(public Name: string, public merges: RangeRef[], readonly book: FakeWorkbook) {}
  dead(): boolean {
    return this.book.closed;
  }
  /** Cells with a value or a formula, and merged areas, as Excel and WPS count the used range. */
  get UsedRange(): FakeRange {
    let b: RangeRef | undefined;
    const add = (r: RangeRef) => (b = b ? { top: Math.min(b.top, r.top), left: Math.min(b.left, r.left), bottom: Math.max(b.bottom, r.bottom), right: Math.max(b.right, r.right) } : { ...r });
    for (const [k, c] of this.cells) {
      if ((c.v === null || c.v === "") && !c.f && !c.fmt) continue;
      const [r, col] = k.split(":").map(Number);
      add({ top: r, left: col, bottom: r, right: col });
    }
    for (const m of this.merges) add(m);
    return new FakeRange(this, b ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }
  get Cells() {
    return { Item: (r: number, c: number) => new FakeRange(this, { top: r - 1, left: c - 1, bottom: r - 1, right: c - 1 }) };
  }
  Range(a1: string): FakeRange {
    const r = parseRangeA1(a1.replace(/\$/g, ""));
    if (!r) throw new Error(`Range("${a1}")：地址无效`);
    return new FakeRange(this, r);
  }
  get Parent(): FakeWorkbook {
    return this.book;
  }
  Activate(): void {
    this.book.app.activate(this.book);
    this.book.activeSheet = this.Name;
  }
  recalc(): void {
    for (const c of this.cells.values()) {
      if (!c.f) continue;
      const p = parseFormula(c.f);
      const v = p
        ? evaluateFormula(p, (r, col) => {
            const x = this.cells.get(`${r}:${col}`);
            if (!x || x.v === null) return 0;
            if (typeof x.v === "number") return x.v;
            const q = typeof x.v === "string" ? parseQuantity(x.v) : undefined;
            return q?.kind === "number" ? (q.unit === "%" ? q.value! / 100 : q.value) : undefined;
          })
        : undefined;
      c.v = v ?? { error: "#VALUE!" };
    }
  }
}

/** A chart sheet: in Workbook.Sheets, not in Workbook.Worksheets; it has no cells. */
export class FakeChartSheet implements Living {
  constructor(public Name: string, readonly book: FakeWorkbook) {}
  dead(): boolean {
    return this.book.closed;
  }
  get UsedRange(): never {
    throw new Error("对象不支持此属性或方法：UsedRange（图表工作表）");
  }
  get Cells(): never {
    throw new Error("对象不支持此属性或方法：Cells（图表工作表）");
  }
  Range(): never {
    throw new Error("对象不支持此属性或方法：Range（图表工作表）");
  }
}

export class FakeRange implements Living {
  constructor(private readonly sheet: FakeSheet, readonly r: RangeRef) {}
  dead(): boolean {
    return this.sheet.dead();
  }
  get Row() {
    return this.r.top + 1;
  }
  get Column() {
    return this.r.left + 1;
  }
  get Rows() {
    return { Count: this.r.bottom - this.r.top + 1, Item: (i: number) => new FakeRange(this.sheet, { ...this.r, top: this.r.top + i - 1, bottom: this.r.top + i - 1 }) };
  }
  get Columns() {
    return { Count: this.r.right - this.r.left + 1 };
  }
  get Cells() {
    return { Item: (i: number, j: number) => new FakeRange(this.sheet, { top: this.r.top + i - 1, left: this.r.left + j - 1, bottom: this.r.top + i - 1, right: this.r.left + j - 1 }) };
  }
  get Worksheet(): FakeSheet {
    return this.sheet;
  }
  private grid<T>(fn: (c: Cell | undefined) => T): unknown {
    const rows: T[][] = [];
    for (let r = this.r.top; r <= this.r.bottom; r++) {
      const row: T[] = [];
      for (let c = this.r.left; c <= this.r.right; c++) row.push(fn(this.sheet.cells.get(`${r}:${c}`)));
      rows.push(row);
    }
    if (rows.length === 1 && rows[0].length === 1) return rows[0][0];
    if (rows.length === 1) return rows[0]; // a single row comes back flat
    return rows;
  }
  get Value2(): unknown {
    const asText = this.sheet.book.app.errorsAsText;
    return this.grid((c) => (c === undefined || c.v === null ? null : isCellError(c.v) ? (asText ? c.v.error : ERROR_CODES[c.v.error] ?? -2146826273) : c.v));
  }
  set Value2(v: unknown) {
    const cell = this.one();
    cell.v = v === "" || v === undefined || v === null ? null : (v as CellValue);
    delete cell.f;
    this.sheet.recalc();
  }
  get Text(): unknown {
    return this.grid((c) => (c === undefined || c.v === null ? "" : isCellError(c.v) ? c.v.error : String(c.v)));
  }
  get Formula(): unknown {
    return this.grid((c) => (c?.f ? `=${c.f}` : c === undefined || c.v === null ? "" : isCellError(c.v) ? c.v.error : c.v));
  }
  set Formula(f: unknown) {
    const cell = this.one();
    if (typeof f === "string" && f.startsWith("=")) cell.f = f.slice(1);
    else {
      cell.v = f === "" ? null : (f as CellValue);
      delete cell.f;
    }
    this.sheet.recalc();
  }
  get NumberFormat(): unknown {
    const all = new Set<string>();
    for (let r = this.r.top; r <= this.r.bottom; r++) for (let c = this.r.left; c <= this.r.right; c++) all.add(this.sheet.cells.get(`${r}:${c}`)?.fmt ?? "General");
    return all.size === 1 ? [...all][0] : null; // mixed formats read as null, as in COM
  }
  set NumberFormat(f: unknown) {
    this.one().fmt = String(f);
  }
  get MergeCells(): boolean | null {
    let any = false;
    let all = true;
    for (let r = this.r.top; r <= this.r.bottom; r++)
      for (let c = this.r.left; c <= this.r.right; c++) {
        const inMerge = this.sheet.merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
        any ||= inMerge;
        all &&= inMerge;
      }
    return all ? true : any ? null : false;
  }
  /** The merged area of the range's first cell (COM: meant for one cell). */
  get MergeArea(): FakeRange {
    const m = this.sheet.merges.find((x) => this.r.top >= x.top && this.r.top <= x.bottom && this.r.left >= x.left && this.r.left <= x.right);
    return new FakeRange(this.sheet, m ?? { top: this.r.top, left: this.r.left, bottom: this.r.top, right: this.r.left });
  }
  /** Absolute ($A$1:$B$2) unless RowAbsolute/ColumnAbsolute are false, as in COM. */
  Address(rowAbs: boolean = true, colAbs: boolean = true): string {
    const a1 = rangeToA1(this.r);
    return a1.replace(/([A-Z]+)(\d+)/g, (_m, c: string, r: string) => `${colAbs ? "$" : ""}${c}${rowAbs ? "$" : ""}${r}`);
  }
  Select(): void {
    const app = this.sheet.book.app;
    if (app.activeBook !== this.sheet.book || this.sheet.book.activeSheet !== this.sheet.Name) throw new Error("Select 失败：只能选择活动工作表上的单元格");
    app.selected = `${this.sheet.Name}!${rangeToA1(this.r)}`;
  }
  private one(): Cell {
    if (this.sheet.ProtectContents) throw new Error("单元格受保护，无法修改");
    const k = `${this.r.top}:${this.r.left}`;
    let c = this.sheet.cells.get(k);
    if (!c) this.sheet.cells.set(k, (c = { v: null }));
    return c;
  }
}

export interface FakePane {
  ID: number;
  url: string;
  Visible: boolean;
  DockPosition: number;
  navigations: number;
  Navigate(u: string): void;
}

export class FakeWorkbook implements Living {
  sheets: FakeSheet[];
  /** Every sheet as Workbook.Sheets lists it: worksheets and chart sheets, in tab order. */
  all: (FakeSheet | FakeChartSheet)[];
  saves = 0;
  closed = false;
  activeSheet?: string;
  constructor(public app: FakeEtApp, snapshot: WorkbookSnapshot, public Name = "自评表.xlsx", chartSheets: { name: string; at: number }[] = []) {
    this.sheets = snapshot.sheets.map((s) => {
      const sheet = new FakeSheet(s.name, s.merges.map((m) => ({ ...m })), this);
      s.cells.forEach((row, r) => row?.forEach((c, col) => c && sheet.cells.set(`${r}:${col}`, { v: c.v, f: c.f, fmt: c.fmt })));
      if (s.protected) sheet.ProtectContents = true;
      return sheet;
    });
    this.all = [...this.sheets];
    for (const ch of chartSheets) this.all.splice(ch.at, 0, new FakeChartSheet(ch.name, this));
    this.activeSheet = this.sheets[0]?.Name;
  }
  dead(): boolean {
    return this.closed;
  }
  get Sheets() {
    return { Count: this.all.length, Item: (i: number | string) => (typeof i === "number" ? this.all[i - 1] : this.all.find((s) => s.Name === i)) };
  }
  get Worksheets() {
    return { Count: this.sheets.length, Item: (i: number | string) => (typeof i === "number" ? this.sheets[i - 1] : this.sheets.find((s) => s.Name === i)) };
  }
  get FullName() {
    return `/home/user/${this.Name}`;
  }
  get ActiveSheet(): FakeSheet | undefined {
    return this.sheets.find((s) => s.Name === this.activeSheet);
  }
  Activate(): void {
    this.app.activate(this);
  }
  /** Saving raises WorkbookBeforeSave; the save happens unless a listener cancels it. Cancel is not reset. */
  Save(): void {
    const cancel = { Value: false };
    this.app.fire("WorkbookBeforeSave", com(this, this.app), false, cancel);
    if (!this.app.ApiEvent.Cancel && !cancel.Value) this.saves++;
  }
  Close(): void {
    this.app.close(this);
  }
}

type Listener = (...a: unknown[]) => void;

/** The ribbon as WPS drives it: getEnabled asked once per control, then only after an invalidation. */
export class FakeRibbon {
  enabled = new Map<string, boolean>();
  queries = 0;
  constructor(private readonly callbacks: { OnAddinLoad(r: unknown): unknown; OnGetEnabled(c: { Id: string }): boolean }, private readonly ids: string[]) {
    const ui = {
      Invalidate: () => ids.forEach((id) => this.ask(id)),
      InvalidateControl: (id: string) => ids.includes(id) && this.ask(id),
    };
    callbacks.OnAddinLoad(ui);
    ids.forEach((id) => this.ask(id));
  }
  private ask(id: string): void {
    this.queries++;
    this.enabled.set(id, !!this.callbacks.OnGetEnabled({ Id: id }));
  }
}

export class FakeEtApp {
  books: FakeWorkbook[] = [];
  activeBook?: FakeWorkbook;
  /** Calls into the object model so far (see com()). */
  calls = 0;
  /** Error values read as text (#DIV/0!) rather than CVErr codes. */
  errorsAsText = false;
  listeners = new Map<string, Listener[]>();
  panes: FakePane[] = [];
  selected?: string;
  StatusBar = "";
  storage = new Map<string, string>();
  PluginStorage = {
    getItem: (k: string) => this.storage.get(k) ?? null,
    setItem: (k: string, v: unknown) => void this.storage.set(k, String(v)),
    removeItem: (k: string) => void this.storage.delete(k),
  };
  ApiEvent = {
    Cancel: false,
    AddApiEventListener: (name: string, fn: Listener) => this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]),
    RemoveApiEventListener: (name: string) => this.listeners.delete(name),
  };
  private nextPane = 1;

  /** The app as a page sees it: every capitalised member a counted call. */
  constructor(snapshot?: WorkbookSnapshot, options: { name?: string; chartSheets?: { name: string; at: number }[] } = {}) {
    if (snapshot) {
      const wb = new FakeWorkbook(this, snapshot, options.name, options.chartSheets);
      this.books.push(wb);
      this.activeBook = wb;
    }
    return com(this, this);
  }
  /** Null when no workbook is open (typed as present for the tests' convenience). */
  get ActiveWorkbook(): FakeWorkbook {
    return (this.activeBook ?? null) as FakeWorkbook;
  }
  get Workbooks() {
    return { Count: this.books.length, Item: (i: number | string) => (typeof i === "number" ? this.books[i - 1] : this.books.find((b) => b.Name === i)) };
  }
  get Selection(): FakeRange | undefined {
    const sel = this.selected?.split("!");
    const sheet = this.activeBook?.ActiveSheet;
    if (!sheet) return undefined;
    return new FakeRange(sheet, parseRangeA1(sel && sel[0] === sheet.Name ? sel[1] : "A1")!);
  }
  fire(name: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(name) ?? []) l(...args);
  }
  /** The user opens a workbook: it becomes active; WorkbookOpen and WorkbookActivate are raised. */
  open(snapshot: WorkbookSnapshot, name: string): FakeWorkbook {
    const wb = new FakeWorkbook(this, snapshot, name);
    this.books.push(wb);
    this.fire("WorkbookOpen", com(wb, this));
    this.activate(wb);
    return wb;
  }
  activate(wb: FakeWorkbook): void {
    if (this.activeBook === wb) return;
    this.activeBook = wb;
    this.fire("WorkbookActivate", com(wb, this));
  }
  /** WorkbookBeforeClose is raised while the workbook is still open; then it is gone. */
  close(wb: FakeWorkbook): void {
    this.fire("WorkbookBeforeClose", com(wb, this));
    wb.closed = true;
    this.books = this.books.filter((b) => b !== wb);
    if (this.activeBook === wb) {
      this.activeBook = this.books[this.books.length - 1];
      if (this.activeBook) this.fire("WorkbookActivate", com(this.activeBook, this));
    }
  }
  CreateTaskPane(url: string): FakePane {
    const pane: FakePane = { ID: this.nextPane++, url, Visible: false, DockPosition: 2, navigations: 0, Navigate: (u) => ((pane.url = u), pane.navigations++) };
    this.panes.push(pane);
    return pane;
  }
  /** Found by its number only, as GetTaskPane(id: number) is declared; a string ID finds nothing. */
  GetTaskPane(id: number): FakePane | null {
    if (typeof id !== "number") return null;
    return this.panes.find((p) => p.ID === id) ?? null;
  }
}
