/**
 * A strict fake of the Excel JavaScript API, for the subset the ZiPing host uses. Stricter than
 * office-addin-mock where it matters: a property read before `load` + `sync` throws, writes take
 * effect only at `sync`, formulas are recalculated, every `Excel.run` counts its syncs, and a
 * request over the payload limit fails the way Excel on the web does.
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
  requirementSets: Record<string, string> = { ExcelApi: "1.14" };

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
    const sets = this.requirementSets;
    return {
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      context: {
        requirements: { isSetSupported: (name: string, v: string) => !!sets[name] && Number(sets[name].split(".")[1]) >= Number(v.split(".")[1]) },
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

  usedBounds(sheet: number): RangeRef | undefined {
    let b: RangeRef | undefined;
    for (const [k, cell] of this.sheets[sheet].cells) {
      if ((cell.v === null || cell.v === "") && !cell.f) continue;
      const [r, c] = k.split(":").map(Number);
      b = b ? { top: Math.min(b.top, r), left: Math.min(b.left, c), bottom: Math.max(b.bottom, r), right: Math.max(b.right, c) } : { top: r, left: c, bottom: r, right: c };
    }
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
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, this.index, () => this.ctx.excel.usedBounds(this.index), true);
  }
  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.ctx, this.index, () => ({ top: row, left: col, bottom: row, right: col }), false);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
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
    super.load(props);
    this.ctx.queue({ kind: "load", run: () => this.loaded.set("isNullObject", this.areas().length === 0) });
    return this;
  }
  private areas(): RangeRef[] {
    const b = this.range.bounds();
    if (!b) return [];
    // As in Excel (office-js#3611): areas whose top-left cell lies in the range, whole.
    return this.range.sheet().merges.filter((m) => m.top >= b.top && m.left >= b.left && m.top <= b.bottom && m.left <= b.right);
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

/** Installs the fake as the globals office.js would define. */
export function installFakeExcel(snapshot: WorkbookSnapshot): FakeExcel {
  const fake = new FakeExcel(snapshot);
  (globalThis as Record<string, unknown>).Excel = fake.api;
  (globalThis as Record<string, unknown>).Office = fake.office;
  return fake;
}
