/**
 * The cell-level patcher: analyze → applyPatch → toBytes, then read again. The changed cells hold the
 * new values, every other cell is as before, every zip entry but the changed parts keeps its stored
 * bytes, and in a changed sheet only the changed <c> elements differ.
 */
import * as fs from "fs";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { CellChange, Patch, WorkbookSnapshot, addressToA1, analyze, parseRangeA1 } from "../../src/engine";
import { XlsxPackage } from "../../src/hosts/xlsx/package";
import { escapeCellText } from "../../src/hosts/xlsx/package/patch";
import { EXAMPLE } from "../helpers/example";
import { buildForm, withSpec, otherSheet } from "../helpers/formBuilder";
import { differingEntries, expectOnlyChanged } from "../helpers/packageDiff";
import { describeWithLibreOffice, reopenWithLibreOffice, shown } from "../helpers/soffice";
import { workbookFromSnapshot } from "../helpers/toXlsx";
import { handWorkbook } from "../helpers/zipBuilder";

const at = (a1: string, sheet = 0) => {
  const r = parseRangeA1(a1)!;
  return { sheet, row: r.top, col: r.left };
};
const text = (bytes: Uint8Array, part: string) => new TextDecoder().decode(unzipSync(bytes)[part]);

/** The sheet's XML with the given cells' elements (and rows left empty by that) cut out. */
function withoutCells(xml: string, refs: string[]): string {
  let out = xml;
  for (const ref of refs) out = out.replace(new RegExp(`<c r="${ref}"(?:[^>]*/>|[^>]*>[\\s\\S]*?</c>)`), "");
  // A row that held only new cells, a self-closing row that got cells, a widened spans hint.
  return out
    .replace(/ spans="\d+:\d+"/g, "")
    .replace(/<row([^>]*)><\/row>/g, "<row$1/>")
    .replace(/<row r="\d+"\/>/g, "");
}

/** fix: analyze, patch, bytes; checks what every fix must keep and returns the re-read workbook. */
function fixAndCheck(bytes: Uint8Array, patch?: (s: WorkbookSnapshot) => Patch, alsoRewritten: string[] = []) {
  const pkg = XlsxPackage.open(bytes, "t.xlsx");
  const before = pkg.snapshot();
  const p = patch ? patch(before) : analyze(before).patch;
  const outcome = pkg.applyPatch(p);
  const out = pkg.toBytes();
  const after = XlsxPackage.open(out, "t.xlsx").snapshot();
  const changed = new Set(outcome.applied.map((a) => `${a.change.cell.sheet}:${a.change.cell.row}:${a.change.cell.col}`));
  expectOnlyChanged(before, after, changed);
  for (const a of outcome.applied) {
    const cell = after.sheets[a.change.cell.sheet].cells[a.change.cell.row]?.[a.change.cell.col];
    const v = a.change.value === "" ? null : a.change.value;
    if (typeof v === "number") expect(cell?.v).toBeCloseTo(v, 9);
    else expect(cell?.v ?? null).toEqual(v);
    expect(cell?.f).toBe(a.change.formula);
  }
  const diff = differingEntries(bytes, out);
  expect(diff.sameOrder).toBe(true);
  expect(diff.differ.sort()).toEqual([...pkg.changedParts].sort());
  // In each changed sheet only the changed cells differ.
  for (const s of new Set(outcome.applied.map((a) => a.change.cell.sheet))) {
    const part = pkg.sheets[s].part;
    const refs = [...outcome.applied.filter((a) => a.change.cell.sheet === s).map((a) => addressToA1(a.change.cell)), ...alsoRewritten];
    expect(withoutCells(text(out, part), refs)).toBe(withoutCells(text(bytes, part), refs));
  }
  return { pkg, outcome, out, before, after };
}

async function xlsx(snapshot: WorkbookSnapshot): Promise<Uint8Array> {
  return new Uint8Array(await workbookFromSnapshot(snapshot).xlsx.writeBuffer());
}

describe("a fix through the package writes only the changed cells", () => {
  it("on the example", () => {
    const { outcome, pkg } = fixAndCheck(fs.readFileSync(EXAMPLE));
    expect(outcome.applied.length).toBeGreaterThan(0);
    expect(outcome.skipped).toEqual([]);
    expect(pkg.changedParts).toEqual(["xl/worksheets/sheet1.xml"]);
  });

  const forms: [string, () => WorkbookSnapshot][] = [
    ["every derived cell wrong", () => buildForm(withSpec({ adjustment: 1, completionRate: "1%", adjustmentRate: { v: 9, f: "D4/G4", fmt: "0.00%" } }))],
    ["empty derived cells", () => buildForm(withSpec({ adjustment: null, completionRate: null, adjustmentRate: null }))],
    ["text figures", () => buildForm(withSpec({ adjusted: "1,000.00", initial: "800.00", actual: "950.00", adjustment: "1.00", completionRate: "9%", adjustmentRate: "" }))],
    ["a shifted form on a second sheet", () => buildForm({ ...withSpec({ adjustment: 7 }), rowOffset: 3, colOffset: 2 }, [otherSheet()])],
  ];
  it.each(forms)("on a generated form: %s", async (_name, make) => {
    const { outcome, after } = fixAndCheck(await xlsx(make()));
    expect(outcome.applied.length).toBeGreaterThan(0);
    expect(analyze(after).patch.changes).toEqual([]);
  });

  it("keeps the cell's style, and writes a number format only where the cell had none, reusing or adding a cell style", async () => {
    const { pkg, out, after } = fixAndCheck(await xlsx(buildForm(withSpec({ adjustment: null, completionRate: null, adjustmentRate: null }))));
    const sheet = after.sheets[0];
    expect(sheet.cells[4][6]).toEqual({ v: 200, f: "ROUND(D4-G4,2)", fmt: "#,##0.00" });
    expect(sheet.cells[6][3]).toEqual({ v: 0.95, f: "ROUND(D5/D4,4)", fmt: "0.00%" });
    // The empty cells had no style: a style with the format was added to styles.xml.
    expect(pkg.changedParts).toContain("xl/styles.xml");
    const styles = text(out, "xl/styles.xml");
    expect(styles).toMatch(/<cellXfs count="\d+">/);
    // A second fix needing the same format reuses the style just added.
    const again = XlsxPackage.open(out, "t.xlsx");
    again.applyPatch({ changes: [{ cell: at("A30"), expected: { value: null }, value: 0.5, numFmt: "0.00%", source: "t" }] });
    expect(again.snapshot().sheets[0].cells[29][0]).toEqual({ v: 0.5, fmt: "0.00%" });
    expect(again.changedParts).not.toContain("xl/styles.xml");
  });

  it("writes text as an inline string, leaving the shared strings alone; text starting with = stays text", () => {
    const bytes = fs.readFileSync(EXAMPLE);
    const tricky = ["=SUM(A1:A2)", "第一行\r\n第二行\t制表", "a & b < c > d \"q\" 'a'", "控制\u0001字符", "字面 _x000D_ 不是回车", " 前后空格 "];
    const cells = ["B10", "E10", "B50", "B51", "B52", "B53"];
    const { out, after, pkg } = fixAndCheck(bytes, (s) => ({
      changes: cells.map((a1, i) => {
        const a = at(a1);
        const old = s.sheets[0].cells[a.row]?.[a.col];
        return { cell: a, expected: { value: old?.v ?? null, formula: old?.f }, value: tricky[i], source: "t" } as CellChange;
      }),
    }));
    expect(pkg.changedParts).toEqual(["xl/worksheets/sheet1.xml"]);
    cells.forEach((a1, i) => expect(after.sheets[0].cells[at(a1).row][at(a1).col]?.v).toBe(tricky[i]));
    expect(after.sheets[0].cells[at("B10").row][at("B10").col]?.f).toBeUndefined();
    const xml = text(out, "xl/worksheets/sheet1.xml");
    expect(xml).toContain(`<c r="B10" s="5" t="inlineStr"><is><t xml:space="preserve">=SUM(A1:A2)</t></is></c>`);
    expect(escapeCellText("控制\u0001字符\r")).toBe("控制_x0001_字符&#13;");
  });

  it("empties a cell with null, keeping its r and s", () => {
    const { out } = fixAndCheck(fs.readFileSync(EXAMPLE), (s) => ({ changes: [{ cell: at("G6"), expected: { value: s.sheets[0].cells[5][6]!.v }, value: null, source: "t" }] }));
    expect(text(out, "xl/worksheets/sheet1.xml")).toContain(`<c r="G6" s="7"/>`);
  });

  it("adds cells in their place: in an existing row, a self-closing row, a new row, and widens spans", () => {
    const bytes = handWorkbook([{ name: "s", body: `<sheetData><row r="2" spans="2:3"><c r="B2"><v>1</v></c><c r="D2"><v>3</v></c></row><row r="4" spans="1:1" ht="20" customHeight="1"/><row r="9"><c r="A9"><v>9</v></c></row></sheetData>` }]);
    const { out, after } = fixAndCheck(bytes, () => ({
      changes: [
        { cell: at("C2"), expected: { value: null }, value: 2, source: "t" },
        { cell: at("F2"), expected: { value: null }, value: 6, source: "t" },
        { cell: at("A4"), expected: { value: null }, value: "四", source: "t" },
        { cell: at("A6"), expected: { value: null }, value: 6, source: "t" },
        { cell: at("A1"), expected: { value: null }, value: 1, source: "t" },
        { cell: at("B12"), expected: { value: null }, value: 12, formula: "A9+3", source: "t" },
      ],
    }));
    const xml = text(out, "xl/worksheets/sheet1.xml");
    expect(xml).toContain(`<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2" spans="2:6"><c r="B2"><v>1</v></c><c r="C2"><v>2</v></c><c r="D2"><v>3</v></c><c r="F2"><v>6</v></c></row>`);
    expect(xml).toContain(`<row r="4" spans="1:1" ht="20" customHeight="1"><c r="A4" t="inlineStr"><is><t xml:space="preserve">四</t></is></c></row><row r="6"><c r="A6"><v>6</v></c></row><row r="9">`);
    expect(xml).toContain(`<row r="12"><c r="B12"><f>A9+3</f><v>12</v></c></row></sheetData>`);
    expect(after.sheets[0].cells[11][1]).toEqual({ v: 12, f: "A9+3" });
  });

  it("writes nothing to a protected sheet, in each writer's form, and never unprotects it", () => {
    const forms = [
      `<sheetProtection password="CC3D" sheet="1" objects="1" scenarios="1"/>`, // Excel's legacy hash (WPS writes the same)
      `<sheetProtection algorithmName="SHA-512" hashValue="aGFzaA==" saltValue="c2FsdA==" spinCount="100000" sheet="1" objects="1" scenarios="1"/>`, // Excel's modern hash
      `<sheetProtection sheet="true" objects="true" scenarios="true"/>`, // LibreOffice
    ];
    for (const protection of forms) {
      const bytes = handWorkbook([{ name: "表", body: `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>${protection}` }]);
      const pkg = XlsxPackage.open(bytes, "t.xlsx");
      const outcome = pkg.applyPatch({ changes: [{ cell: at("A1"), expected: { value: 1 }, value: 2, source: "t" }, { cell: at("B1"), expected: { value: null }, value: 2, source: "t" }] });
      expect(outcome.applied).toEqual([]);
      expect(outcome.skipped.map((s) => s.reason)).toEqual([expect.stringContaining("受保护"), expect.stringContaining("受保护")]);
      expect(pkg.changedParts).toEqual([]);
      expect(pkg.toBytes()).toBe(bytes);
    }
  });

  it("a shared formula's master overwritten: its dependents get their own formulas first", () => {
    const bytes = handWorkbook([
      {
        name: "s",
        body: `<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*10</f><v>10</v></c></row><row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>20</v></c></row><row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>30</v></c></row></sheetData>`,
      },
    ]);
    // B2 and B3 are rewritten on purpose (their formulas are then their own); nothing else changes.
    const { out, after } = fixAndCheck(bytes, () => ({ changes: [{ cell: at("B1"), expected: { value: 10, formula: "A1*10" }, value: 5, source: "t" }] }), ["B2", "B3"]);
    const xml = text(out, "xl/worksheets/sheet1.xml");
    expect(xml).toContain(`<c r="B2"><f>A2*10</f><v>20</v></c>`);
    expect(xml).toContain(`<c r="B3"><f>A3*10</f><v>30</v></c>`);
    expect(after.sheets[0].cells[2][1]).toEqual({ v: 30, f: "A3*10" });
  });

  it("drops calcChain entries of cells whose formula went, and the part with its relationship and content type when none is left", () => {
    const sheet = {
      name: "s",
      body: `<sheetData><row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f>A1*2</f><v>4</v></c><c r="C1"><f>B1*2</f><v>8</v></c></row></sheetData>`,
    };
    const calcChain = `<c r="A1" i="1"/><c r="B1"/><c r="C1"/>`;
    const bytes = handWorkbook([sheet], { calcChain });
    // One formula replaced by a constant: its entry goes; the next entry, which took its sheet id from it, names it.
    const one = fixAndCheck(bytes, () => ({ changes: [{ cell: at("A1"), expected: { value: 2, formula: "1+1" }, value: 2, source: "t" }] }));
    expect(text(one.out, "xl/calcChain.xml")).toContain(`<c r="B1" i="1"/><c r="C1"/>`);
    expect(one.pkg.changedParts.sort()).toEqual(["xl/calcChain.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"]);
    // B1 and C1 read A1: their cached results may be stale now, so the workbook asks for a full recalculation.
    expect(text(one.out, "xl/workbook.xml")).toContain(`<calcPr fullCalcOnLoad="1"/>`);
    // All formulas replaced: the part, its relationship and its override go.
    const all = fixAndCheck(bytes, () => ({ changes: ["A1", "B1", "C1"].map((a1, i) => ({ cell: at(a1), expected: { value: 2 ** (i + 1), formula: ["1+1", "A1*2", "B1*2"][i] }, value: 2 ** (i + 1), source: "t" })) }));
    expect(Object.keys(unzipSync(all.out))).not.toContain("xl/calcChain.xml");
    expect(text(all.out, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(text(all.out, "[Content_Types].xml")).not.toContain("calcChain");
    expect(all.pkg.changedParts.sort()).toEqual(["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/calcChain.xml", "xl/worksheets/sheet1.xml"]);
  });

  it("sets fullCalcOnLoad only when a formula the patch did not rewrite reads a changed cell", () => {
    const bytes = handWorkbook([
      { name: "一", body: `<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>5</v></c><c r="C1"><f>SUM(A1:A3)</f><v>1</v></c></row></sheetData>` },
      { name: "二 表", body: `<sheetData><row r="1"><c r="A1"><f>'一'!B1*2</f><v>10</v></c></row></sheetData>` },
    ], { workbookExtra: `<calcPr calcId="191029"/>` });
    // D1 is read by no formula: workbook.xml stays as it was.
    const quiet = fixAndCheck(bytes, () => ({ changes: [{ cell: at("D1"), expected: { value: null }, value: 3, source: "t" }] }));
    expect(quiet.pkg.changedParts).toEqual(["xl/worksheets/sheet1.xml"]);
    // A2 is in C1's range: recalculation asked for, on the existing calcPr.
    const range = fixAndCheck(bytes, () => ({ changes: [{ cell: at("A2"), expected: { value: null }, value: 3, source: "t" }] }));
    expect(text(range.out, "xl/workbook.xml")).toContain(`<calcPr calcId="191029" fullCalcOnLoad="1"/>`);
    // B1 is read from the other sheet through a quoted sheet name.
    const cross = fixAndCheck(bytes, () => ({ changes: [{ cell: at("B1"), expected: { value: 5 }, value: 6, source: "t" }] }));
    expect(cross.pkg.changedParts).toContain("xl/workbook.xml");
    // C1's own formula rewritten with its result: nothing else reads C1.
    const own = fixAndCheck(bytes, () => ({ changes: [{ cell: at("C1"), expected: { value: 1, formula: "SUM(A1:A3)" }, value: 6, formula: "A1+B1", source: "t" }] }));
    expect(own.pkg.changedParts).toEqual(["xl/worksheets/sheet1.xml"]);
  });

  it("an .xlsm keeps its macros and its content type; nothing is renamed", () => {
    const vba = new Uint8Array(4096).map((_v, i) => (i * 7) % 256);
    const bytes = handWorkbook([{ name: "表", body: `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>` }], {
      extraEntries: [{ name: "xl/vbaProject.bin", data: vba, store: true }],
    });
    const { out, pkg } = fixAndCheck(bytes, () => ({ changes: [{ cell: at("A1"), expected: { value: 1 }, value: 2, source: "t" }] }));
    expect(pkg.changedParts).toEqual(["xl/worksheets/sheet1.xml"]);
    expect(unzipSync(out)["xl/vbaProject.bin"]).toEqual(vba);
  });

  it("a workbook with data descriptors and Zip64 records: untouched entries keep their stored form", async () => {
    const plain = await xlsx(buildForm(withSpec({ adjustment: 1 })));
    const { buildZip } = await import("../helpers/zipBuilder");
    const rebuilt = buildZip(Object.entries(unzipSync(plain)).map(([name, data], i) => ({ name, data, descriptor: i % 2 === 0 })));
    const { pkg } = fixAndCheck(rebuilt);
    expect(pkg.changedParts).toEqual(["xl/worksheets/sheet1.xml"]);
  });
});

describeWithLibreOffice("LibreOffice reopens a patched workbook and shows the new values", () => {
  it("the example, fixed", () => {
    const bytes = fs.readFileSync(EXAMPLE);
    const pkg = XlsxPackage.open(bytes, "t.xlsx");
    const snap = pkg.snapshot();
    const g6 = snap.sheets[0].cells[5][6]!;
    pkg.applyPatch({
      changes: [
        { cell: at("G6"), expected: { value: g6.v }, value: -9999.5, source: "t" },
        { cell: at("B10"), expected: { value: snap.sheets[0].cells[9][1]!.v }, value: "改写后的文字 & <符号>", source: "t" },
        { cell: at("H60"), expected: { value: null }, value: 42, formula: "20+22", source: "t" },
      ],
    });
    const sheets = reopenWithLibreOffice(pkg.toBytes());
    const rows = sheets.get(snap.sheets[0].name);
    expect(shown(rows, 5, 6)).toBe("-9999.50");
    expect(shown(rows, 9, 1)).toBe("改写后的文字 & <符号>");
    expect(shown(rows, 59, 7)).toBe("42");
    expect(shown(rows, 4, 3)).toBe("18372.10");
  });

  it("a generated form with a number format and a new style", async () => {
    const pkg = XlsxPackage.open(await xlsx(buildForm(withSpec({ adjustment: null, completionRate: null, adjustmentRate: null }))), "t.xlsx");
    const a = analyze(pkg.snapshot());
    pkg.applyPatch(a.patch);
    const rows = reopenWithLibreOffice(pkg.toBytes()).get("自评表");
    expect(shown(rows, 4, 6)).toBe("200.00");
    expect(shown(rows, 6, 3)).toBe("95.00%");
    expect(shown(rows, 6, 6)).toBe("25.00%");
  });
});

describe("ExcelJS reads what the patcher writes", () => {
  it("the fixed example loads in ExcelJS with the new values", async () => {
    const pkg = XlsxPackage.open(fs.readFileSync(EXAMPLE), "t.xlsx");
    pkg.applyPatch(analyze(pkg.snapshot()).patch);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(pkg.toBytes()) as unknown as ExcelJS.Buffer);
    expect(String(wb.worksheets[0].getCell("B10").value)).not.toContain("<p>");
  });
});
