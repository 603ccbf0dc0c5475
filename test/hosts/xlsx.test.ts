import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { analyze, applyPatchToSnapshot, Patch } from "../../src/engine";
import { applyPatchToWorkbook, loadWorkbook, readWorkbookFile, snapshotWorkbook, writeWorkbookAtomic, backupPathFor } from "../../src/hosts/xlsx/xlsxHost";
import { EXAMPLE, exampleSnapshot } from "../helpers/example";
import { buildForm, withSpec } from "../helpers/formBuilder";
import { workbookFromSnapshot } from "../helpers/toXlsx";

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-xlsx-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("the .xlsx host", () => {
  it("reads values, formats, merges and leaves covered cells empty", async () => {
    const snap = await exampleSnapshot();
    const sheet = snap.sheets[0];
    expect(sheet.name).toBe("部门整体支出绩效自评表");
    expect(sheet.cells[4][3]).toEqual({ v: 18372.1, fmt: "0.00" });
    expect(sheet.cells[7][3]).toEqual({ v: 1, fmt: "0.00%" });
    expect(sheet.merges).toContainEqual({ top: 4, left: 0, bottom: 7, right: 0 });
    expect(sheet.cells[5]?.[0]).toBeUndefined(); // inside the 部门资金情况 merge
  });

  it("reads formulas with their cached results", async () => {
    const wb = workbookFromSnapshot(buildForm(withSpec({ adjustment: { v: 200, f: "D4-G4" } })));
    const snap = snapshotWorkbook(await loadWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), "t.xlsx"));
    expect(snap.sheets[0].cells[4][6]).toEqual({ v: 200, f: "D4-G4" });
  });

  it("applies a patch, keeps formulas as formulas, and skips a stale change", async () => {
    const snapshot = buildForm(withSpec({ adjustment: { v: 150, fmt: "#,##0.00" }, completionRate: { v: 0.5, f: "D5/G4", fmt: "0.00%" } }));
    const wb = workbookFromSnapshot(snapshot);
    const a = analyze(snapshotWorkbook(wb));
    expect(a.patch.changes).toHaveLength(2);
    // The user typed into G5 after the check: that change must be skipped, the other applied.
    wb.worksheets[0].getCell("G5").value = 175;
    const outcome = applyPatchToWorkbook(wb, a.patch);
    expect(outcome.applied.map((x) => x.change.source)).toEqual(["completionRate"]);
    expect(outcome.skipped).toHaveLength(1);
    expect(outcome.skipped[0].reason).toContain("G5");
    expect(wb.worksheets[0].getCell("G5").value).toBe(175);
    expect(wb.worksheets[0].getCell("D7").value).toEqual({ formula: "ROUND(D5/D4,4)", result: 0.95 });
    expect(wb.worksheets[0].getCell("D7").numFmt).toBe("0.00%");
  });

  it("refuses to change a protected sheet", async () => {
    const snapshot = buildForm(withSpec({ adjustment: 150 }));
    const wb = workbookFromSnapshot(snapshot);
    await wb.worksheets[0].protect("secret", {});
    const a = analyze(snapshotWorkbook(wb));
    const outcome = applyPatchToWorkbook(wb, a.patch);
    expect(outcome.applied).toEqual([]);
    expect(outcome.skipped[0].reason).toContain("受保护");
    expect(wb.worksheets[0].getCell("G5").value).toBe(150);
  });

  it("writes atomically with a backup, and leaves nothing behind when it cannot write", async () => {
    const file = path.join(tmp, "表.xlsx");
    fs.copyFileSync(EXAMPLE, file);
    const wb = await readWorkbookFile(file);
    await writeWorkbookAtomic(wb, file, file);
    expect(fs.existsSync(backupPathFor(file))).toBe(true);
    expect(fs.readFileSync(backupPathFor(file)).equals(fs.readFileSync(EXAMPLE))).toBe(true);
    const blocker = path.join(tmp, "not-a-dir");
    fs.writeFileSync(blocker, "x");
    await expect(writeWorkbookAtomic(wb, path.join(blocker, "out.xlsx"))).rejects.toThrow(/无法写入.*原文件未改动/);
    expect(fs.readdirSync(tmp).sort()).toEqual(["not-a-dir", "表.bak.xlsx", "表.xlsx"]);
  });

  it("agrees with the engine's own patch application", async () => {
    const snapshot = buildForm(withSpec({ adjustment: 150, adjustmentRate: "40%" }));
    const wb = workbookFromSnapshot(snapshot);
    const read = snapshotWorkbook(wb);
    const a = analyze(read);
    applyPatchToWorkbook(wb, a.patch);
    const viaHost = analyze(snapshotWorkbook(wb));
    const viaEngine = analyze(applyPatchToSnapshot(read, a.patch).snapshot);
    expect(viaHost.findings).toEqual(viaEngine.findings);
    expect(viaHost.patch.changes).toEqual([]);
  });
});

/** Everything a fix must keep: compares two workbooks cell by cell, sheet by sheet. */
function describeWorkbook(wb: ExcelJS.Workbook, skip: Set<string>) {
  const out: Record<string, unknown> = {};
  for (const ws of wb.worksheets) {
    out[`${ws.name}!columns`] = (ws.columns ?? []).map((c) => c.width);
    out[`${ws.name}!merges`] = Object.keys((ws as unknown as { _merges: object })._merges).sort();
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      out[`${ws.name}!row${r}`] = row.height;
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const key = `${ws.name}!${cell.address}`;
        if (skip.has(key)) return;
        out[key] = JSON.stringify({ value: cell.value, style: cell.style, note: cell.note, numFmt: cell.numFmt, c });
      });
    });
  }
  return out;
}

describe("a fix keeps everything else in the workbook", () => {
  it("changes only the fixed cells of a broken copy of the seed's form", async () => {
    const wb = await readWorkbookFile(EXAMPLE);
    const ws = wb.worksheets[0];
    ws.getCell("G6").value = -10000; // a wrong 年度预算调整数
    ws.getCell("D8").value = { formula: "D6/G5", result: 0.6442 } as ExcelJS.CellFormulaValue; // a wrong formula
    ws.getCell("G8").value = null; // an empty 预算调整率
    ws.getCell("C4").note = "部门全称以编办批复为准";
    ws.getCell("E10").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    const other = wb.addWorksheet("附表");
    other.getCell("A1").value = "其他数据";
    other.getCell("B2").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
    other.getColumn(1).width = 33;
    other.mergeCells("C3:D4");
    const broken = path.join(tmp, "broken.xlsx");
    await wb.xlsx.writeFile(broken);

    const original = await readWorkbookFile(broken);
    const fixedWb = await readWorkbookFile(broken);
    const a = analyze(snapshotWorkbook(fixedWb));
    expect(a.derivedPatch.changes.map((c) => `${c.source}`)).toEqual(["adjustment", "completionRate", "adjustmentRate"]);
    applyPatchToWorkbook(fixedWb, a.derivedPatch);
    const out = path.join(tmp, "fixed.xlsx");
    await writeWorkbookAtomic(fixedWb, out);
    const reread = await readWorkbookFile(out);

    const fixed = new Set(["部门整体支出绩效自评表!G6", "部门整体支出绩效自评表!D8", "部门整体支出绩效自评表!G8"]);
    expect(describeWorkbook(reread, fixed)).toEqual(describeWorkbook(original, fixed));
    const rs = reread.worksheets[0];
    expect(rs.getCell("G6").value).toBe(-10145.17);
    expect(rs.getCell("D8").value).toEqual({ formula: "ROUND(D6/D5,4)", result: 1 });
    expect(rs.getCell("G8").value).toEqual({ formula: "ROUND(G6/G5,4)", result: -0.3558 });
    expect(rs.getCell("G8").numFmt).toBe("0.00%");
    expect(analyze(snapshotWorkbook(reread)).derivedPatch.changes).toEqual([]);
  });
});

describe("fixes reach a fixed point", () => {
  const fixtures: [string, () => Promise<ReturnType<typeof buildForm>>][] = [
    ["the seed's form", exampleSnapshot],
    ["a form with every derived cell wrong", async () => buildForm(withSpec({ adjustment: 1, completionRate: "1%", adjustmentRate: { v: 9, f: "D4/G4", fmt: "0.00%" } }))],
    ["a form with empty derived cells", async () => buildForm(withSpec({ adjustment: null, completionRate: null, adjustmentRate: null }))],
    ["a form with text figures and wrong derived text", async () => buildForm(withSpec({ adjusted: "1,000.00", initial: "800.00", actual: "950.00", adjustment: "1.00", completionRate: "9%", adjustmentRate: "" }))],
    ["a shifted form on a second sheet", async () => buildForm({ ...withSpec({ adjustment: 7 }), rowOffset: 3, colOffset: 2 }, [{ name: "封面", cells: [[{ v: "封面" }]], merges: [] }])],
  ];
  it.each(fixtures)("%s: applying the patch and checking again yields no further fix", async (_name, make) => {
    const snapshot = await make();
    const first = analyze(snapshot);
    const cells = first.patch.changes.map((c) => `${c.cell.sheet}:${c.cell.row}:${c.cell.col}`);
    expect(new Set(cells).size).toBe(cells.length);
    const after = applyPatchToSnapshot(snapshot, first.patch);
    expect(after.skipped).toEqual([]);
    const second = analyze(after.snapshot);
    expect(second.patch.changes).toEqual([]);
    expect(second.findings.filter((f) => f.rule.startsWith("derived"))).toEqual([]);
    // And the same through a real .xlsx round trip.
    const wb = workbookFromSnapshot(snapshot);
    const viaFile = analyze(snapshotWorkbook(wb));
    applyPatchToWorkbook(wb, viaFile.patch as Patch);
    const reread = snapshotWorkbook(await loadWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), "x.xlsx"));
    expect(analyze(reread).patch.changes).toEqual([]);
  });
});
