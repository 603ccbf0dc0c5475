import { isCellError } from "../../src/engine";
import { ExcelHost, parseAreas } from "../../src/hosts/excel/excelHost";
import { MemoryStorage } from "../../src/hosts/types";
import { exampleSnapshot } from "../helpers/example";
import { buildForm, withSpec } from "../helpers/formBuilder";
import { installFakeExcel, FakeExcel } from "../fakes/fakeExcel";
import { hostContract } from "./contract";

hostContract("Excel (Office.js)", async (snapshot) => {
  const fake = installFakeExcel(snapshot);
  const host = new ExcelHost(new MemoryStorage());
  await host.readSnapshot(); // the host learns sheet names from its first read, as in the pane
  return {
    host,
    read(sheet, a1) {
      const c = fake.cell(sheet, a1);
      return { value: c?.v ?? null, formula: c?.f };
    },
    userEdit: (sheet, a1, v) => fake.userEdit(sheet, a1, v),
    protect: (sheet) => void (fake.sheets[sheet].protected = true),
    selected: () => fake.selected?.address,
  };
});

describe("the Excel host's round trips", () => {
  let fake: FakeExcel;
  beforeEach(async () => {
    fake = installFakeExcel(await exampleSnapshot());
  });

  it("reads the whole workbook in one Excel.run with two syncs", async () => {
    const snap = await new ExcelHost(new MemoryStorage()).readSnapshot();
    expect(fake.runs).toEqual([2]);
    expect(snap.sheets[0].cells[4][3]).toEqual({ v: 18372.1, fmt: "0.00" });
  });

  it("reads a big sheet in the same two syncs", async () => {
    const big = buildForm(withSpec({ tasks: Array.from({ length: 300 }, (_, i) => ({ number: i + 1, name: `任务${i + 1}`, fund: 1, rows: Array.from({ length: 10 }, (_, j) => [`指标${j}`, "1"] as [string, string]) })) }));
    fake = installFakeExcel(big);
    fake.maxMergedAreas = 5000; // this test is about size; the 512-area limit has its own test
    const snap = await new ExcelHost(new MemoryStorage()).readSnapshot();
    expect(fake.runs).toEqual([2]);
    expect(snap.sheets[0].cells.length).toBeGreaterThan(3000);
  });

  it("falls back to reading in chunks above the payload limit", async () => {
    fake.payloadLimitCells = 200;
    const snap = await new ExcelHost(new MemoryStorage(), { chunkCells: 60 }).readSnapshot();
    expect(fake.runs[0]).toBe(2); // the first attempt failed at its second sync
    expect(fake.runs.length).toBe(2);
    expect(fake.runs[1]).toBeGreaterThan(3);
    const direct = installFakeExcel(await exampleSnapshot());
    const whole = await new ExcelHost(new MemoryStorage()).readSnapshot();
    expect(snap).toEqual(whole);
    expect(direct.runs).toEqual([2]);
  });

  it("reads a sheet without merged areas when Excel refuses to list them even in parts", async () => {
    fake.maxMergedAreas = 10;
    const snap = await new ExcelHost(new MemoryStorage()).readSnapshot();
    expect(snap.sheets[0].merges).toEqual([]);
    expect(snap.sheets[0].cells[4][3]).toEqual({ v: 18372.1, fmt: "0.00" });
  });

  it("writes a patch in at most two syncs", async () => {
    const host = new ExcelHost(new MemoryStorage());
    await host.readSnapshot();
    fake.runs = [];
    const out = await host.applyPatch({
      changes: [
        { cell: { sheet: 0, row: 5, col: 6 }, expected: { value: -10145.17 }, value: 1, source: "t" },
        { cell: { sheet: 0, row: 7, col: 6 }, expected: { value: -0.3558 }, value: -0.3558, formula: "ROUND(G6/G5,4)", source: "t" },
        { cell: { sheet: 0, row: 6, col: 3 }, expected: { value: 1 }, value: 2, source: "t" },
      ],
    });
    expect(fake.runs).toEqual([2]);
    expect(out.applied).toHaveLength(2);
    expect(out.skipped).toHaveLength(1);
  });

  it("selects in one sync and re-reads only the form's sheet in one", async () => {
    const host = new ExcelHost(new MemoryStorage());
    const snap = await host.readSnapshot();
    fake.runs = [];
    await host.selectCell({ sheet: 0, row: 17, col: 5 });
    await host.readSheet(0, snap);
    expect(fake.runs).toEqual([1, 1]);
  });

  it("reports user edits, not its own writes", async () => {
    const host = new ExcelHost(new MemoryStorage());
    await host.readSnapshot();
    const calls: number[] = [];
    const stop = await host.onSheetChanged(0, () => calls.push(1));
    await host.applyPatch({ changes: [{ cell: { sheet: 0, row: 5, col: 6 }, expected: { value: -10145.17 }, value: 1, source: "t" }] });
    expect(calls).toEqual([]);
    fake.userEdit(0, "C4", "某局");
    expect(calls).toEqual([1]);
    stop();
  });

  it("marks cells with a fill and restores their own fills", async () => {
    const host = new ExcelHost(new MemoryStorage());
    await host.readSnapshot();
    fake.sheets[0].cells.get("17:5")!.fill = "#00FF00";
    await host.markCells([{ sheet: 0, row: 17, col: 5 }, { sheet: 0, row: 11, col: 5 }]);
    expect(fake.cell(0, "F18")!.fill).toBe("#FFF2CC");
    expect(fake.cell(0, "F12")!.fill).toBe("#FFF2CC");
    await host.clearMarks();
    expect(fake.cell(0, "F18")!.fill).toBe("#00FF00");
    expect(fake.cell(0, "F12")!.fill).toBeUndefined();
  });

  it("turns error strings into cell errors", async () => {
    fake.sheets[0].cells.set("5:6", { v: { error: "#DIV/0!" } });
    const snap = await new ExcelHost(new MemoryStorage()).readSnapshot();
    expect(isCellError(snap.sheets[0].cells[5][6]!.v)).toBe(true);
  });

  it("parses merged-area addresses", () => {
    expect(parseAreas("'表 1'!A1:B2, '表 1'!$C$3:$D$4")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 2, left: 2, bottom: 3, right: 3 },
    ]);
  });

  it("the strict fake refuses a property read before sync", async () => {
    await expect(
      (globalThis as unknown as { Excel: { run: (cb: (c: { workbook: { worksheets: { load: (p: string) => void; items: unknown } } }) => Promise<unknown>) => Promise<unknown> } }).Excel.run(async (ctx) => {
        ctx.workbook.worksheets.load("items/name");
        return ctx.workbook.worksheets.items;
      }),
    ).rejects.toThrow(/PropertyNotLoaded/);
  });
});

describe("the Excel host's merged areas", () => {
  const mergeCount = (snap: { sheets: { merges: unknown[] }[] }) => snap.sheets.map((x) => x.merges.length);

  it("keeps a form's merges when another sheet is blank (no method is called on a null used range)", async () => {
    const sample = await exampleSnapshot();
    installFakeExcel({ sheets: [{ name: "空白", cells: [], merges: [] }, ...sample.sheets] });
    const snap = await new ExcelHost(new MemoryStorage()).readSnapshot();
    expect(mergeCount(snap)).toEqual([0, sample.sheets[0].merges.length]);
  });

  it("finds a merge whose top-left cell lies outside the values' used range", async () => {
    const form = buildForm(withSpec({ rowOffset: 2 }));
    const banner = { top: 0, left: 0, bottom: 1, right: 6 }; // an empty merged banner above the form
    form.sheets[0].merges.push(banner);
    installFakeExcel(form);
    const snap = await new ExcelHost(new MemoryStorage()).readSnapshot();
    expect(snap.sheets[0].merges).toContainEqual(banner);
    expect(snap.sheets[0].merges).toHaveLength(form.sheets[0].merges.length);
  });

  it("reads a sheet above 512 areas in parts, whole areas across the parts, and never costs another sheet its merges", async () => {
    const sample = await exampleSnapshot();
    const ledger = { name: "明细", cells: [] as { v: string }[][], merges: [] as { top: number; left: number; bottom: number; right: number }[] };
    for (let r = 0; r < 600; r++) {
      ledger.cells.push([{ v: `项目${r}` }]);
      ledger.merges.push({ top: r, left: 0, bottom: r, right: 1 });
    }
    const across = { top: 190, left: 2, bottom: 215, right: 2 }; // crosses the first part's last row
    ledger.merges.push(across);
    installFakeExcel({ sheets: [...sample.sheets, ledger] });
    const snap = await new ExcelHost(new MemoryStorage()).readSnapshot();
    expect(mergeCount(snap)).toEqual([sample.sheets[0].merges.length, 601]);
    expect(snap.sheets[1].merges).toContainEqual(across);
  });

  it("reads Excel 2016 (ExcelApi 1.1 only): cells, no protection or merges asked for, writes guarded", async () => {
    const sample = await exampleSnapshot();
    const fake = installFakeExcel(sample);
    fake.requirementSets = { ExcelApi: "1.1", DialogApi: "1.1" };
    const host = new ExcelHost(new MemoryStorage());
    const snap = await host.readSnapshot();
    expect(snap.sheets[0].cells[4][3]).toEqual({ v: 18372.1, fmt: "0.00" });
    expect(snap.sheets[0].merges).toEqual([]);
    const out = await host.applyPatch({ changes: [{ cell: { sheet: 0, row: 5, col: 6 }, expected: { value: -10145.17 }, value: 1, source: "t" }] });
    expect(out.applied).toHaveLength(1);
    expect(fake.cell(0, "G6")!.v).toBe(1);
    await expect(host.onSheetChanged(0, () => undefined)).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("says whether a download works: not on Mac", async () => {
    installFakeExcel(await exampleSnapshot());
    expect(new ExcelHost(new MemoryStorage()).canDownload).toBe(true);
    (globalThis as unknown as { Office: { context: { platform: string } } }).Office.context.platform = "Mac";
    expect(new ExcelHost(new MemoryStorage()).canDownload).toBe(false);
  });
});
