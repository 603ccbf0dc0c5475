/**
 * A fake of the WPS ET object model, following its documented shapes: collections are 1-based and
 * reached with .Item(); Value2 of one cell is a scalar, of a single row a flat list (as some builds
 * return), of several rows a list of rows; NumberFormat of a range with mixed formats is null;
 * MergeCells is true, false or null (mixed); MergeArea is a Range; ApiEvent carries Cancel.
 */
import { CellValue, RangeRef, WorkbookSnapshot, evaluateFormula, isCellError, parseFormula, parseQuantity, parseRangeA1, rangeToA1 } from "../../src/engine";

interface Cell {
  v: CellValue;
  f?: string;
  fmt?: string;
}

class FakeSheet {
  cells = new Map<string, Cell>();
  ProtectContents = false;
  constructor(public Name: string, public merges: RangeRef[], private readonly book: FakeWorkbook) {}
  bookApp(): FakeEtApp {
    return this.book.app;
  }
  get UsedRange(): FakeRange {
    let b: RangeRef | undefined;
    for (const [k, c] of this.cells) {
      if ((c.v === null || c.v === "") && !c.f) continue;
      const [r, col] = k.split(":").map(Number);
      b = b ? { top: Math.min(b.top, r), left: Math.min(b.left, col), bottom: Math.max(b.bottom, r), right: Math.max(b.right, col) } : { top: r, left: col, bottom: r, right: col };
    }
    for (const m of this.merges) if (b) b = { top: Math.min(b.top, m.top), left: Math.min(b.left, m.left), bottom: Math.max(b.bottom, m.bottom), right: Math.max(b.right, m.right) };
    return new FakeRange(this, b ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }
  get Cells() {
    return { Item: (r: number, c: number) => new FakeRange(this, { top: r - 1, left: c - 1, bottom: r - 1, right: c - 1 }) };
  }
  Range(a1: string) {
    return new FakeRange(this, parseRangeA1(a1)!);
  }
  Activate() {
    this.book.app.activeSheet = this.Name;
  }
  recalc() {
    for (const c of this.cells.values()) {
      if (!c.f) continue;
      const p = parseFormula(c.f);
      const v = p ? evaluateFormula(p, (r, col) => {
        const x = this.cells.get(`${r}:${col}`);
        if (!x || x.v === null) return 0;
        if (typeof x.v === "number") return x.v;
        const q = typeof x.v === "string" ? parseQuantity(x.v) : undefined;
        return q?.kind === "number" ? (q.unit === "%" ? q.value! / 100 : q.value) : undefined;
      }) : undefined;
      c.v = v ?? { error: "#VALUE!" };
    }
  }
}

const ERROR_CODES: Record<string, number> = { "#DIV/0!": -2146826281, "#N/A": -2146826246, "#VALUE!": -2146826273, "#REF!": -2146826265 };

class FakeRange {
  constructor(private readonly sheet: FakeSheet, private readonly r: RangeRef) {}
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
    return this.grid((c) => (c === undefined || c.v === null ? undefined : isCellError(c.v) ? ERROR_CODES[c.v.error] ?? -2146826273 : c.v));
  }
  set Value2(v: unknown) {
    const cell = this.one();
    cell.v = v === "" || v === undefined ? null : (v as CellValue);
    delete cell.f;
    this.sheet.recalc();
  }
  get Formula(): unknown {
    return this.grid((c) => (c?.f ? `=${c.f}` : c === undefined || c.v === null ? "" : isCellError(c.v) ? c.v.error : c.v));
  }
  set Formula(f: unknown) {
    const cell = this.one();
    if (typeof f === "string" && f.startsWith("=")) cell.f = f.slice(1);
    else {
      cell.v = f as CellValue;
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
  private merge(): RangeRef | undefined {
    return this.sheet.merges.find((m) => this.r.top >= m.top && this.r.top <= m.bottom && this.r.left >= m.left && this.r.left <= m.right);
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
  get MergeArea(): FakeRange {
    return new FakeRange(this.sheet, this.merge() ?? this.r);
  }
  Address(_rowAbs?: boolean, _colAbs?: boolean): string {
    return rangeToA1(this.r);
  }
  Select(): void {
    this.sheet.bookApp().selected = `${this.sheet.Name}!${rangeToA1(this.r)}`;
  }
  private one(): Cell {
    const k = `${this.r.top}:${this.r.left}`;
    let c = this.sheet.cells.get(k);
    if (!c) this.sheet.cells.set(k, (c = { v: null }));
    return c;
  }
}

interface Pane {
  ID: string;
  url: string;
  Visible: boolean;
  DockPosition: number;
  Navigate(u: string): void;
}

class FakeWorkbook {
  Sheets: { Count: number; Item(i: number | string): FakeSheet };
  sheets: FakeSheet[];
  saves = 0;
  constructor(public app: FakeEtApp, snapshot: WorkbookSnapshot, public Name = "自评表.xlsx") {
    this.sheets = snapshot.sheets.map((s) => {
      const sheet = new FakeSheet(s.name, s.merges.map((m) => ({ ...m })), this);
      s.cells.forEach((row, r) => row?.forEach((c, col) => c && sheet.cells.set(`${r}:${col}`, { v: c.v, f: c.f, fmt: c.fmt })));
      if (s.protected) sheet.ProtectContents = true;
      return sheet;
    });
    this.Sheets = { Count: this.sheets.length, Item: (i) => (typeof i === "number" ? this.sheets[i - 1] : this.sheets.find((s) => s.Name === i)!) };
  }
  get FullName() {
    return `/home/user/${this.Name}`;
  }
  /** Saving raises WorkbookBeforeSave; the save happens unless a listener cancels it. */
  Save(): void {
    this.app.ApiEvent.Cancel = false;
    const cancel = { Value: false };
    for (const l of this.app.listeners.get("WorkbookBeforeSave") ?? []) l(this, false, cancel);
    if (!this.app.ApiEvent.Cancel && !cancel.Value) this.saves++;
  }
}

export class FakeEtApp {
  ActiveWorkbook: FakeWorkbook;
  listeners = new Map<string, ((...a: unknown[]) => void)[]>();
  panes: Pane[] = [];
  selected?: string;
  activeSheet?: string;
  StatusBar = "";
  storage = new Map<string, string>();
  PluginStorage = {
    getItem: (k: string) => this.storage.get(k) ?? null,
    setItem: (k: string, v: string) => void this.storage.set(k, v),
    removeItem: (k: string) => void this.storage.delete(k),
  };
  ApiEvent = {
    Cancel: false,
    AddApiEventListener: (name: string, fn: (...a: unknown[]) => void) => this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]),
    RemoveApiEventListener: (name: string) => this.listeners.delete(name),
  };
  constructor(snapshot: WorkbookSnapshot) {
    this.ActiveWorkbook = new FakeWorkbook(this, snapshot);
  }
  CreateTaskPane(url: string): Pane {
    const pane: Pane = { ID: `pane${this.panes.length + 1}`, url, Visible: false, DockPosition: 0, Navigate: (u) => (pane.url = u) };
    this.panes.push(pane);
    return pane;
  }
  GetTaskPane(id: string): Pane | undefined {
    return this.panes.find((p) => p.ID === id);
  }
}

export type { FakeSheet };
