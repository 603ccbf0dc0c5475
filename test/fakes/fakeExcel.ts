/**
 * A strict fake of the Excel JavaScript API, for the subset the ZiPing host uses. Stricter than
 * office-addin-mock where it matters: a property read before `load` + `sync` throws, writes take
 * effect only at `sync`, formulas are recalculated, every `Excel.run` counts its syncs, and a
 * request over the payload limit fails the way Excel on the web does. Also as the documentation says:
 * an API of a requirement set the Excel lacks fails its request (ApiNotFound), so an Excel 2016
 * (ExcelApi 1.1) can be played; getUsedRange(true) counts values only, getUsedRange() also merged and
 * formatted cells; merged areas are those whose top-left cell lies in the range, clipped to it
 * (office-js#3611), and more than 512 fail; a method called on a null object fails the request; the
 * Dialog API opens one dialog per host page (12007 otherwise), closes asynchronously, and carries
 * messages only from a page that called Office.onReady.
 */
import { CellValue, WorkbookSnapshot, RangeRef, evaluateFormula, isCellError, parseFormula, parseQuantity, parseRangeA1, rangeToA1, toA1 } from "../../src/engine";

interface FakeCell {
  v: CellValue;
  f?: string;
  fmt?: string;
  fill?: string;
}

interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  merges: RangeRef[];
  protected: boolean;
  handlers: ((e: { triggerSource: string; address: string }) => unknown)[];
}

type Op = { kind: "load"; run: () => void } | { kind: "write"; run: () => void };

const key = (r: number, c: number) => `${r}:${c}`;

export class FakeExcel {
  sheets: FakeSheet[];
  /** Syncs made by each Excel.run, in order. */
  runs: number[] = [];
  selected?: { sheet: string; address: string };
  active = 0;
  /** Cells per sync above which a request fails as over Excel on the web's 5 MB limit. */
  payloadLimitCells = Infinity;
  /** Merged areas above which getMergedAreasOrNullObject fails, as Excel does above 512. */
  maxMergedAreas = 512;
  settings = new Map<string, unknown>();
  requirementSets: Record<string, string> = { ExcelApi: "1.14", DialogApi: "1.2", SharedRuntime: "1.1" };
  /** The Dialog API of this Excel (see FakeDialogs). */
  readonly dialogs = new FakeDialogs();
  platform = "PC";

  constructor(snapshot: WorkbookSnapshot) {
    this.sheets = snapshot.sheets.map((s) => {
      const cells = new Map<string, FakeCell>();
      s.cells.forEach((row, r) => row?.forEach((c, col) => c && cells.set(key(r, col), { v: c.v, f: c.f, fmt: c.fmt })));
      return { name: s.name, cells, merges: s.merges.map((m) => ({ ...m })), protected: !!s.protected, handlers: [] };
    });
  }

  /** What the global `Excel` would be. */
  get api() {
    const run = async <T>(a: unknown, b?: (ctx: FakeContext) => Promise<T>): Promise<T> => {
      const cb = (typeof a === "function" ? a : b) as (ctx: FakeContext) => Promise<T>;
      const ctx = new FakeContext(this);
      try {
        return await cb(ctx);
      } finally {
        this.runs.push(ctx.syncs);
      }
    };
    return { run };
  }

  /** What the global `Office` would be. */
  get office() {
    const settings = this.settings;
    return {
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
      PlatformType: { PC: "PC", Mac: "Mac", OfficeOnline: "OfficeOnline" },
      context: {
        requirements: { isSetSupported: (name: string, v: string) => supports(this.requirementSets, name, v) },
        platform: this.platform,
        ui: this.dialogs.ui,
        document: {
          settings: {
            get: (k: string) => (settings.has(k) ? settings.get(k) : null),
            set: (k: string, v: unknown) => settings.set(k, v),
            saveAsync: (cb: (r: { status: string }) => void) => cb({ status: "succeeded" }),
          },
        },
      },
    };
  }

  cell(sheet: number, a1: string): FakeCell | undefined {
    const r = parseRangeA1(a1)!;
    return this.sheets[sheet].cells.get(key(r.top, r.left));
  }

  /** The user types into a cell: the value changes and change events fire. */
  userEdit(sheet: number, a1: string, v: CellValue): void {
    const r = parseRangeA1(a1)!;
    this.sheets[sheet].cells.set(key(r.top, r.left), { ...(this.sheets[sheet].cells.get(key(r.top, r.left)) ?? {}), v, f: undefined });
    this.recalc(sheet);
    for (const h of this.sheets[sheet].handlers) void h({ triggerSource: "Local", address: a1 });
  }

  numberAt(sheet: number, r: number, c: number): number | undefined {
    const cell = this.sheets[sheet].cells.get(key(r, c));
    if (!cell || cell.v === null || cell.v === "") return 0;
    if (typeof cell.v === "number") return cell.v;
    if (typeof cell.v === "string") {
      const q = parseQuantity(cell.v);
      return q.kind === "number" ? (q.unit === "%" ? q.value! / 100 : q.value) : undefined;
    }
    return undefined;
  }

  recalc(sheet: number): void {
    for (let pass = 0; pass < 3; pass++)
      for (const [, cell] of this.sheets[sheet].cells) {
        if (!cell.f) continue;
        const p = parseFormula(cell.f);
        const v = p ? evaluateFormula(p, (r, c) => this.numberAt(sheet, r, c)) : undefined;
        cell.v = v === undefined ? { error: "#VALUE!" } : v;
      }
  }

  /** The used range: cells with values (valuesOnly), or also formatted and merged cells. */
  usedBounds(sheet: number, valuesOnly = true): RangeRef | undefined {
    let b: RangeRef | undefined;
    const add = (r: RangeRef) => (b = b ? { top: Math.min(b.top, r.top), left: Math.min(b.left, r.left), bottom: Math.max(b.bottom, r.bottom), right: Math.max(b.right, r.right) } : { ...r });
    for (const [k, cell] of this.sheets[sheet].cells) {
      if ((cell.v === null || cell.v === "") && !cell.f && (valuesOnly || (!cell.fmt && !cell.fill))) continue;
      const [r, c] = k.split(":").map(Number);
      add({ top: r, left: c, bottom: r, right: c });
    }
    if (!valuesOnly) for (const m of this.sheets[sheet].merges) add(m);
    return b;
  }
}

class Loadable {
  protected loaded = new Map<string, unknown>();
  constructor(protected ctx: FakeContext) {}
  protected get<T>(name: string): T {
    if (!this.loaded.has(name)) throw new Error(`PropertyNotLoaded: "${name}" was read before load() and context.sync()`);
    return this.loaded.get(name) as T;
  }
  protected resolve(_name: string): unknown {
    throw new Error(`unknown property ${_name}`);
  }
  load(props: string | string[]): this {
    const list = (Array.isArray(props) ? props : props.split(",")).map((p) => p.trim()).filter(Boolean);
    // "items/name" loads the collection's items (with their names).
    const names = [...new Set(list.map((p) => p.split("/")[0]))];
    this.ctx.queue({ kind: "load", run: () => names.forEach((p) => this.loaded.set(p, this.resolve(p))) });
    return this;
  }
}

export class FakeContext {
  syncs = 0;
  private ops: Op[] = [];
  private loadedCells = 0;
  readonly workbook: { worksheets: FakeWorksheets; getSelectedRange(): FakeRange };

  constructor(readonly excel: FakeExcel) {
    const worksheets = new FakeWorksheets(this);
    this.workbook = {
      worksheets,
      getSelectedRange: () => {
        const sel = excel.selected ?? { sheet: excel.sheets[excel.active].name, address: "A1" };
        return worksheets.getItem(sel.sheet).getRange(sel.address);
      },
    };
  }

  queue(op: Op): void {
    this.ops.push(op);
  }

  /** An API of a requirement set this Excel lacks: its request fails, as ApiNotFound. */
  require(set: string, version: string, api: string): void {
    if (!supports(this.excel.requirementSets, set, version))
      this.queue({ kind: "load", run: () => { throw Object.assign(new Error(`ApiNotFound: ${api} needs ${set} ${version}`), { code: "ApiNotFound" }); } });
  }

  countCells(n: number): void {
    this.loadedCells += n;
  }

  async sync(): Promise<void> {
    this.syncs++;
    const ops = this.ops;
    this.ops = [];
    this.loadedCells = 0;
    for (const op of ops) op.run();
    if (this.loadedCells > this.excel.payloadLimitCells) throw Object.assign(new Error("The request payload size has exceeded the limit."), { code: "RequestPayloadSizeLimitExceeded" });
  }

  get trackedObjects() {
    return { add: () => undefined, remove: () => undefined };
  }
}

class FakeWorksheets extends Loadable {
  get items(): FakeWorksheet[] {
    return this.get("items");
  }
  protected override resolve(name: string): unknown {
    if (name.startsWith("items")) return this.ctx.excel.sheets.map((s, i) => new FakeWorksheet(this.ctx, i, true));
    return super.resolve(name);
  }
  getItem(name: string): FakeWorksheet {
    const i = this.ctx.excel.sheets.findIndex((s) => s.name === name);
    if (i < 0) throw Object.assign(new Error(`ItemNotFound: ${name}`), { code: "ItemNotFound" });
    return new FakeWorksheet(this.ctx, i, false);
  }
}

class FakeWorksheet extends Loadable {
  readonly protection: FakeProtection;
  readonly onChanged: { add: (h: (e: { triggerSource: string; address: string }) => unknown) => { context: FakeContext; remove: () => void } };
  constructor(ctx: FakeContext, readonly index: number, nameLoaded: boolean) {
    super(ctx);
    if (nameLoaded) this.loaded.set("name", ctx.excel.sheets[index].name);
    this.protection = new FakeProtection(ctx, index);
    this.onChanged = {
      add: (h) => {
        ctx.require("ExcelApi", "1.7", "onChanged");
        ctx.queue({ kind: "write", run: () => ctx.excel.sheets[index].handlers.push(h) });
        return { context: ctx, remove: () => ctx.queue({ kind: "write", run: () => (ctx.excel.sheets[index].handlers = ctx.excel.sheets[index].handlers.filter((x) => x !== h)) }) };
      },
    };
  }
  get name(): string {
    return this.get("name");
  }
  protected override resolve(name: string): unknown {
    if (name === "name") return this.ctx.excel.sheets[this.index].name;
    return super.resolve(name);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.ctx.require("ExcelApi", "1.4", "getUsedRangeOrNullObject");
    if (valuesOnly !== undefined) this.ctx.require("ExcelApi", "1.2", "getUsedRange(valuesOnly)");
    return new FakeRange(this.ctx, this.index, () => this.ctx.excel.usedBounds(this.index, !!valuesOnly), true);
  }
  /** A blank sheet's used range is its top-left cell (no error). */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== undefined) this.ctx.require("ExcelApi", "1.2", "getUsedRange(valuesOnly)");
    return new FakeRange(this.ctx, this.index, () => this.ctx.excel.usedBounds(this.index, !!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 }, false);
  }
  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.ctx, this.index, () => ({ top: row, left: col, bottom: row, right: col }), false);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    this.ctx.require("ExcelApi", "1.7", "getRangeByIndexes");
    return new FakeRange(this.ctx, this.index, () => ({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }), false);
  }
  getRange(address: string): FakeRange {
    const r = parseRangeA1(address)!;
    return new FakeRange(this.ctx, this.index, () => r, false);
  }
  activate(): void {
    this.ctx.queue({ kind: "write", run: () => (this.ctx.excel.active = this.index) });
  }
}

class FakeProtection extends Loadable {
  constructor(ctx: FakeContext, private readonly sheet: number) {
    super(ctx);
  }
  override load(props: string | string[]): this {
    this.ctx.require("ExcelApi", "1.2", "worksheet.protection");
    return super.load(props);
  }
  get protected(): boolean {
    return this.get("protected");
  }
  protected override resolve(name: string): unknown {
    if (name === "protected") return this.ctx.excel.sheets[this.sheet].protected;
    return super.resolve(name);
  }
}

class FakeFill extends Loadable {
  constructor(ctx: FakeContext, private readonly range: FakeRange) {
    super(ctx);
  }
  get color(): string {
    return this.get("color");
  }
  set color(c: string) {
    this.ctx.queue({ kind: "write", run: () => this.range.eachCell((cell) => (cell.fill = c)) });
  }
  clear(): void {
    this.ctx.queue({ kind: "write", run: () => this.range.eachCell((cell) => delete cell.fill) });
  }
  protected override resolve(name: string): unknown {
    if (name === "color") return this.range.firstCell()?.fill ?? "#FFFFFF";
    return super.resolve(name);
  }
}

class FakeRangeAreas extends Loadable {
  constructor(ctx: FakeContext, private readonly range: FakeRange) {
    super(ctx);
  }
  get address(): string {
    return this.get("address");
  }
  get isNullObject(): boolean {
    return this.get("isNullObject");
  }
  override load(props: string | string[]): this {
    this.ctx.require("ExcelApi", "1.13", "getMergedAreasOrNullObject");
    // A method called on a null object (a blank sheet's getUsedRangeOrNullObject) fails the request.
    this.ctx.queue({ kind: "load", run: () => { if (this.range.isNull()) throw Object.assign(new Error("ItemNotFound: the range is a null object"), { code: "ItemNotFound" }); } });
    super.load(props);
    this.ctx.queue({ kind: "load", run: () => this.loaded.set("isNullObject", this.areas().length === 0) });
    return this;
  }
  private areas(): RangeRef[] {
    const b = this.range.bounds();
    if (!b) return [];
    // Areas whose top-left cell lies in the range (office-js#3611), clipped to the range.
    return this.range
      .sheet()
      .merges.filter((m) => m.top >= b.top && m.left >= b.left && m.top <= b.bottom && m.left <= b.right)
      .map((m) => ({ top: m.top, left: m.left, bottom: Math.min(m.bottom, b.bottom), right: Math.min(m.right, b.right) }));
  }
  protected override resolve(name: string): unknown {
    if (this.areas().length > this.ctx.excel.maxMergedAreas) throw Object.assign(new Error("Too many merged areas"), { code: "GeneralException" });
    if (name === "address") return this.areas().map((m) => `${this.range.sheet().name}!${rangeToA1(m)}`).join(", ");
    return super.resolve(name);
  }
}

class FakeRange extends Loadable {
  readonly format: { fill: FakeFill };
  constructor(ctx: FakeContext, private readonly sheetIndex: number, readonly bounds: () => RangeRef | undefined, private readonly nullable: boolean) {
    super(ctx);
    this.format = { fill: new FakeFill(ctx, this) };
  }
  sheet(): FakeSheet {
    return this.ctx.excel.sheets[this.sheetIndex];
  }
  /** A null object: an OrNullObject range that has no cells. */
  isNull(): boolean {
    return this.nullable && this.bounds() === undefined;
  }
  private ws?: FakeWorksheet;
  get worksheet(): FakeWorksheet {
    return (this.ws ??= new FakeWorksheet(this.ctx, this.sheetIndex, false));
  }
  firstCell(): FakeCell | undefined {
    const b = this.bounds();
    return b ? this.sheet().cells.get(key(b.top, b.left)) : undefined;
  }
  eachCell(fn: (cell: FakeCell, r: number, c: number) => void): void {
    const b = this.bounds();
    if (!b) return;
    for (let r = b.top; r <= b.bottom; r++)
      for (let c = b.left; c <= b.right; c++) {
        const k = key(r, c);
        let cell = this.sheet().cells.get(k);
        if (!cell) {
          cell = { v: null };
          this.sheet().cells.set(k, cell);
        }
        fn(cell, r, c);
      }
  }
  override load(props: string | string[]): this {
    super.load(props);
    if (this.nullable) this.ctx.queue({ kind: "load", run: () => this.loaded.set("isNullObject", this.bounds() === undefined) });
    return this;
  }
  get isNullObject(): boolean {
    return this.nullable ? this.get("isNullObject") : false;
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get address(): string {
    return this.get("address");
  }
  private grid<T>(fn: (cell: FakeCell | undefined) => T): T[][] {
    const b = this.bounds();
    if (!b) return [];
    this.ctx.countCells((b.bottom - b.top + 1) * (b.right - b.left + 1));
    const out: T[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const row: T[] = [];
      for (let c = b.left; c <= b.right; c++) row.push(fn(this.sheet().cells.get(key(r, c))));
      out.push(row);
    }
    return out;
  }
  protected override resolve(name: string): unknown {
    const b = this.bounds();
    const value = (cell: FakeCell | undefined) => (cell === undefined || cell.v === null ? "" : isCellError(cell.v) ? cell.v.error : cell.v);
    switch (name) {
      case "values":
        return this.grid(value);
      case "formulas":
        return this.grid((cell) => (cell?.f ? `=${cell.f}` : value(cell)));
      case "numberFormat":
        return this.grid((cell) => cell?.fmt ?? "General");
      case "rowIndex":
        return b?.top;
      case "columnIndex":
        return b?.left;
      case "rowCount":
        return b ? b.bottom - b.top + 1 : 0;
      case "columnCount":
        return b ? b.right - b.left + 1 : 0;
      case "address":
        return b ? `${this.sheet().name}!${rangeToA1(b)}` : "";
      default:
        return super.resolve(name);
    }
  }
  private write(fn: (cell: FakeCell, r: number, c: number, v: unknown) => void, data: unknown[][]): void {
    this.ctx.queue({
      kind: "write",
      run: () => {
        const b = this.bounds()!;
        this.eachCell((cell, r, c) => fn(cell, r, c, data[r - b.top][c - b.left]));
        this.ctx.excel.recalc(this.sheetIndex);
        for (const h of this.sheet().handlers) void h({ triggerSource: "ThisLocalAddin", address: toA1(b.top, b.left) });
      },
    });
  }
  set values(data: unknown[][]) {
    this.write((cell, _r, _c, v) => {
      cell.v = v === "" ? null : (v as CellValue);
      delete cell.f;
    }, data);
  }
  set formulas(data: unknown[][]) {
    this.write((cell, _r, _c, v) => {
      if (typeof v === "string" && v.startsWith("=")) cell.f = v.slice(1);
      else {
        cell.v = v === "" ? null : (v as CellValue);
        delete cell.f;
      }
    }, data);
  }
  set numberFormat(data: unknown[][]) {
    this.ctx.queue({ kind: "write", run: () => { const b = this.bounds()!; this.eachCell((cell, r, c) => (cell.fmt = String(data[r - b.top][c - b.left]))); } });
  }
  select(): void {
    this.ctx.queue({ kind: "write", run: () => (this.ctx.excel.selected = { sheet: this.sheet().name, address: rangeToA1(this.bounds()!) }) });
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this);
  }
}

function supports(sets: Record<string, string>, name: string, v: string): boolean {
  const have = sets[name];
  if (!have) return false;
  const [a, b] = have.split(".").map(Number);
  const [c, d] = v.split(".").map(Number);
  return a > c || (a === c && b >= d);
}

interface OpenDialog {
  url: string;
  closed: boolean;
  handlers: Map<string, ((arg: { message?: string; origin?: string; error?: number }) => void)[]>;
  /** The dialog page's own Office: ui.messageParent only once its Office.onReady has run. */
  page: { onReadyCalled: boolean; messageParent(message: string): void };
}

/**
 * The Dialog API as the documentation describes it (dialog-api-in-office-add-ins.md,
 * dialog-best-practices.md, dialog-handle-errors-events.md): one dialog per host page, a second
 * displayDialogAsync fails with 12007; close() is asynchronous (the dialog is gone only after the
 * current task); a message reaches the host page only through a DialogMessageReceived handler, and
 * only from a page that has called Office.onReady; the user's X raises DialogEventReceived 12006.
 */
export class FakeDialogs {
  opened: OpenDialog[] = [];
  get current(): OpenDialog | undefined {
    return this.opened.find((d) => !d.closed);
  }
  /** Dialogs that are open, or closing, from the host page. */
  private busy = 0;
  readonly ui = {
    displayDialogAsync: (url: string, _options: unknown, callback?: (r: { status: string; value?: unknown; error?: { code: number; message: string } }) => void) => {
      if (this.busy > 0) {
        callback?.({ status: "failed", error: { code: 12007, message: "A dialog box is already opened from this host window." } });
        return;
      }
      this.busy++;
      const d: OpenDialog = {
        url,
        closed: false,
        handlers: new Map(),
        page: {
          onReadyCalled: false,
          messageParent: (message: string) => {
            if (!d.page.onReadyCalled) throw new TypeError("Cannot read properties of undefined (reading 'messageParent'): Office is not initialized");
            if (d.closed) return;
            for (const h of d.handlers.get("dialogMessageReceived") ?? []) h({ message, origin: new URL(url).origin });
          },
        },
      };
      this.opened.push(d);
      const dialog = {
        addEventHandler: (type: string, handler: (arg: { message?: string; error?: number }) => void) => d.handlers.set(type, [...(d.handlers.get(type) ?? []), handler]),
        close: () => {
          if (d.closed) return;
          d.closed = true;
          // Asynchronous: another dialog can open only after the current task.
          setTimeout(() => this.busy--, 0);
        },
        messageChild: () => undefined,
      };
      callback?.({ status: "succeeded", value: dialog });
    },
  };
  /**
   * The Office a dialog page sees: Office.context.ui exists only once the page's Office.onReady has
   * run, and then offers messageParent (to this dialog's host page).
   */
  pageOffice(d: OpenDialog | undefined = this.current) {
    if (!d) throw new Error("no dialog is open");
    let ready = false;
    return {
      onReady(cb?: () => void) {
        ready = true;
        d.page.onReadyCalled = true;
        cb?.();
        return Promise.resolve({ host: "Excel", platform: "PC" });
      },
      get context() {
        return ready ? { ui: { messageParent: (m: string) => d.page.messageParent(m) } } : undefined;
      },
    };
  }
  /** The user closes the dialog with its X. */
  userCloses(): void {
    const d = this.current;
    if (!d) return;
    d.closed = true;
    this.busy--;
    for (const h of d.handlers.get("dialogEventReceived") ?? []) h({ error: 12006 });
  }
}

/** Installs the fake as the globals office.js would define. */
export function installFakeExcel(snapshot: WorkbookSnapshot): FakeExcel {
  const fake = new FakeExcel(snapshot);
  (globalThis as Record<string, unknown>).Excel = fake.api;
  (globalThis as Record<string, unknown>).Office = fake.office;
  return fake;
}
