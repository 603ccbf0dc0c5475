import * as path from "path";
import { WorkbookSnapshot, analyze, parseRangeA1 } from "../../src/engine";
import { WpsHost, WpsHostError, normalizeGrid } from "../../src/hosts/wps/wpsHost";
import { MemoryStorage } from "../../src/hosts/types";
import { Assistant } from "../../src/app/assistant";
import { FakeEtApp } from "../fakes/fakeEt";
import { exampleSnapshot } from "../helpers/example";
import { buildForm, otherSheet, withSpec } from "../helpers/formBuilder";
import { REAL_DIR, realFormDirs, snapshotFromPackageFile } from "../helpers/realForms";
import { hostContract } from "./contract";
import { dataSheet } from "../fakes/dataSheet";

hostContract("WPS (ET object model)", async (snapshot) => {
  const app = new FakeEtApp(snapshot);
  const host = new WpsHost(app as never, new MemoryStorage());
  const cellOf = (sheet: number, a1: string) => {
    const r = parseRangeA1(a1)!;
    return app.ActiveWorkbook.sheets[sheet].cells.get(`${r.top}:${r.left}`);
  };
  return {
    host,
    read: (sheet, a1) => ({ value: cellOf(sheet, a1)?.v ?? null, formula: cellOf(sheet, a1)?.f }),
    userEdit: (sheet, a1, v) => void (app.ActiveWorkbook.sheets[sheet].Range(a1).Value2 = v),
    protect: (sheet) => void (app.ActiveWorkbook.sheets[sheet].ProtectContents = true),
    selected: () => app.selected?.split("!")[1],
  };
});

const at = (a1: string, sheet = 0) => {
  const r = parseRangeA1(a1)!;
  return { sheet, row: r.top, col: r.left };
};

describe("the WPS host", () => {
  let sample: WorkbookSnapshot;
  beforeAll(async () => {
    sample = await exampleSnapshot();
  });

  it("normalizes what Value2 returns: a scalar, one row, or rows", () => {
    expect(normalizeGrid(5, 1, 1)).toEqual([[5]]);
    expect(normalizeGrid([1, 2, 3], 1, 3)).toEqual([[1, 2, 3]]);
    expect(normalizeGrid([1, 2], 2, 1)).toEqual([[1], [2]]);
    expect(normalizeGrid([[1, 2], [3, 4]], 2, 2)).toEqual([[1, 2], [3, 4]]);
    expect(normalizeGrid(null, 1, 1)).toEqual([[null]]);
  });

  it("reads number formats where a range mixes them, and error values as CVErr codes or as text", () => {
    for (const errorsAsText of [false, true]) {
      const app = new FakeEtApp(sample);
      app.errorsAsText = errorsAsText;
      app.ActiveWorkbook.sheets[0].cells.set("5:6", { v: { error: "#DIV/0!" } });
      const read = new WpsHost(app as never, new MemoryStorage()).readSnapshotSync();
      expect(read.sheets[0].cells[7][3]).toEqual({ v: 1, fmt: "0.00%" });
      expect(read.sheets[0].cells[5][6]).toEqual({ v: { error: "#DIV/0!" } });
      expect(analyze(read).form?.indicators).toHaveLength(41);
    }
  });

  it("passes over chart sheets (their UsedRange throws) and writes to the right worksheet", async () => {
    const app = new FakeEtApp(buildForm(withSpec({ adjustment: 1 }), [otherSheet("封面")]), { chartSheets: [{ name: "图表1", at: 0 }, { name: "图表2", at: 2 }] });
    const host = new WpsHost(app as never, new MemoryStorage());
    const snap = await host.readSnapshot();
    expect(snap.sheets.map((s) => s.name)).toEqual(["封面", "自评表"]);
    const a = analyze(snap);
    expect(a.form?.sheet).toBe(1);
    const out = await host.applyPatch(a.derivedPatch);
    expect(out.applied.length).toBeGreaterThan(0);
    expect(app.ActiveWorkbook.sheets[1].cells.get("4:6")!.v).toBe(200);
  });

  it("writes only to the workbook it checked, and refuses with a message once that workbook is closed", async () => {
    const app = new FakeEtApp(buildForm(withSpec({ adjustment: 1 })), { name: "甲.xlsx" });
    const first = app.ActiveWorkbook;
    const assistant = new Assistant(new WpsHost(app as never, new MemoryStorage()));
    await assistant.check();
    expect(assistant.current.analysis?.derivedPatch.changes.length).toBe(1);
    // The user opens another workbook with the same form: it is now the active one.
    const second = app.open(buildForm(withSpec({ adjustment: 1 })), "乙.xlsx");
    expect(app.ActiveWorkbook.Name).toBe("乙.xlsx");
    await assistant.fillDerived();
    expect(first.sheets[0].cells.get("4:6")!.v).toBe(200);
    expect(second.sheets[0].cells.get("4:6")!.v).toBe(1);
    // The checked workbook is closed: nothing is written anywhere, and the pane says why.
    first.sheets[0].Range("G5").Value2 = 1;
    await assistant.check(); // the active workbook (乙) is checked now…
    app.activate(first);
    await assistant.check(); // …and 甲 again, which is then closed
    first.Close();
    await assistant.fillDerived();
    expect(assistant.current.message).toMatch(/「甲\.xlsx」已关闭/);
    expect(second.sheets[0].cells.get("4:6")!.v).toBe(1);
    expect((await new WpsHost(app as never, new MemoryStorage()).readSnapshot()).fileName).toBe("乙.xlsx");
  });

  it("says what to do when no workbook is open", async () => {
    const app = new FakeEtApp();
    const host = new WpsHost(app as never, new MemoryStorage());
    const e = await host.readSnapshot().catch((x) => x);
    expect(e).toBeInstanceOf(WpsHostError);
    expect(host.describeError(e)).toContain("请先打开要检查的自评表");
  });

  it("selects a cell in the checked workbook even when another one is in front", async () => {
    const app = new FakeEtApp(sample, { name: "甲.xlsx" });
    const host = new WpsHost(app as never, new MemoryStorage());
    await host.readSnapshot();
    app.open(buildForm(), "乙.xlsx");
    await host.selectCell(at("F18"));
    expect(app.ActiveWorkbook.Name).toBe("甲.xlsx");
    expect(app.selected).toBe(`${sample.sheets[0].name}!F18`);
  });

  it("cannot download: the pane offers to copy instead", () => {
    expect(new WpsHost(new FakeEtApp(sample) as never, new MemoryStorage()).canDownload).toBe(false);
  });
});

describe("the WPS host's calls into WPS", () => {
  let sample: WorkbookSnapshot;
  beforeAll(async () => {
    sample = await exampleSnapshot();
  });
  const count = (snapshot: WorkbookSnapshot) => {
    const app = new FakeEtApp(snapshot);
    const host = new WpsHost(app as never, new MemoryStorage());
    app.calls = 0;
    const read = host.readSnapshotSync();
    return { calls: app.calls, read };
  };

  it("decides that a workbook holds no form from one values read per sheet", () => {
    const { calls } = count({ sheets: [otherSheet("工资表"), dataSheet("明细", 2000, 20)] });
    expect(calls).toBeLessThanOrEqual(16);
  });

  it("reads a form in a few hundred calls (its merges found from its values), and a 2000×20 data sheet beside it costs a handful more", () => {
    const alone = count(sample);
    const beside = count({ sheets: [...sample.sheets, dataSheet("明细", 2000, 20)] });
    const small = count({ sheets: [...sample.sheets, dataSheet("明细", 20, 5)] });
    expect(alone.calls).toBeLessThan(500);
    expect(beside.calls - alone.calls).toBeLessThanOrEqual(8);
    expect(beside.calls).toBe(small.calls); // independent of the data sheet's size
    expect(analyze(beside.read).findings).toEqual(analyze(sample).findings);
  });

  it("reads each real form so that it checks as the file host's snapshot does", async () => {
    for (const dir of realFormDirs()) {
      const snap = await snapshotFromPackageFile(path.join(REAL_DIR, dir, "form.xlsx"));
      const { read } = count(snap);
      const mine = analyze(read);
      const reference = analyze(snap);
      expect({ dir, findings: mine.findings.map((f) => `${f.rule} ${f.cell.sheet}:${f.cell.row}:${f.cell.col}`) }).toEqual({ dir, findings: reference.findings.map((f) => `${f.rule} ${f.cell.sheet}:${f.cell.row}:${f.cell.col}`) });
    }
  }, 60000);
});
