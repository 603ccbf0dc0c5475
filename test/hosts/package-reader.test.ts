/**
 * The package reader (src/hosts/xlsx/package): the snapshot it gives equals what the ExcelJS path gave
 * (`snapshotWorkbook(await loadWorkbook(bytes))`) on every workbook ExcelJS reads, and it reads what
 * ExcelJS could not (Strict namespaces, prefixed elements, LibreOffice's protection), and tells apart
 * every kind of file that is not a workbook.
 */
import * as fs from "fs";
import ExcelJS from "exceljs";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CFB = require("cfb");
import { WorkbookSnapshot, analyze } from "../../src/engine";
import { XlsxPackage } from "../../src/hosts/xlsx/package";
import { loadWorkbook, snapshotWorkbook } from "../../src/hosts/xlsx/workbook";
import { EXAMPLE } from "../helpers/example";
import { buildForm, otherSheet, withSpec, validSpec } from "../helpers/formBuilder";
import { workbookFromSnapshot } from "../helpers/toXlsx";
import { buildZip, handWorkbook } from "../helpers/zipBuilder";

async function viaExcelJs(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  return snapshotWorkbook(await loadWorkbook(bytes, "t.xlsx"), "t.xlsx");
}
function viaPackage(bytes: Uint8Array, name = "t.xlsx"): WorkbookSnapshot {
  return XlsxPackage.open(bytes, name).snapshot("t.xlsx");
}
async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("the package reader gives the snapshot the ExcelJS path gave", () => {
  it("on the example", async () => {
    const bytes = fs.readFileSync(EXAMPLE);
    const mine = viaPackage(bytes);
    expect(mine).toEqual(await viaExcelJs(bytes));
    expect(analyze(mine).findings).toEqual(analyze(await viaExcelJs(bytes)).findings);
  });

  const specs: [string, () => WorkbookSnapshot][] = [
    ["a valid form", () => buildForm()],
    ["figures below their labels", () => buildForm(withSpec({ fundingLayout: "below" }))],
    ["a shifted form after a cover sheet", () => buildForm({ ...validSpec(), rowOffset: 3, colOffset: 2 }, [otherSheet()])],
    ["formulas with results, an error and text figures", () => buildForm(withSpec({ adjustment: { v: 200, f: "D4-G4" }, completionRate: { v: { error: "#DIV/0!" }, f: "D5/0" }, adjusted: "1,000.00", adjustmentRate: { v: "25%", f: "TEXT(G5/D4,\"0%\")" } }))],
    ["empty derived cells and a page break", () => buildForm(withSpec({ adjustment: null, completionRate: null, tasks: [{ number: 1, name: "任务", rows: [["指标一", "100%"], ["指标二", 3], ["指标三", "较好"]], pageBreakBefore: 2 }] }))],
    ["a protected form", () => buildForm(withSpec({ protected: true }))],
    ["booleans, a long prose and a formula without a result", () => buildForm(withSpec({ overall: "甲".repeat(5000), general: { v: null, f: "SUM(D4:D5)" }, keyProject: true as unknown as string }))],
  ];
  it.each(specs)("on a built workbook: %s", async (_name, make) => {
    const bytes = await bytesOf(workbookFromSnapshot(make()));
    expect(viaPackage(bytes)).toEqual(await viaExcelJs(bytes));
  });

  it("on an ExcelJS workbook with rich text, hyperlinks, shared and array formulas, dates, formats and merges", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("数据");
    ws.getCell("A1").value = { richText: [{ text: "加粗", font: { bold: true } }, { text: "与普通" }] };
    ws.getCell("A2").value = { text: "链接文字", hyperlink: "https://example.com/" };
    ws.getCell("B2").value = { text: "", hyperlink: "https://example.com/empty" } as ExcelJS.CellHyperlinkValue;
    ws.getCell("A3").value = 1;
    ws.getCell("A4").value = 2;
    ws.getCell("B3").value = { formula: "A3*2+$A$3", result: 3 } as ExcelJS.CellFormulaValue;
    ws.getCell("B4").value = { sharedFormula: "B3", result: 6 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell("C3").value = { formula: "SUM(A3:A4)", result: 3, shareType: "array", ref: "C3:C3" } as ExcelJS.CellFormulaValue;
    ws.getCell("D1").value = new Date(Date.UTC(2021, 11, 31, 12, 30));
    ws.getCell("D1").numFmt = "yyyy-mm-dd hh:mm";
    ws.getCell("D2").value = 44561.123456789;
    ws.getCell("D2").numFmt = 'yyyy"年"m"月"d"日"';
    ws.getCell("D3").value = 0.5;
    ws.getCell("D3").numFmt = "0.00_);\\(0.00\\)";
    ws.getCell("D4").value = true;
    ws.getCell("D5").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    ws.getCell("D6").value = "_x000D_ 与 & < > \" ' 文本\r\n第二行";
    ws.getCell("E1").style = { font: { bold: true } }; // a styled empty cell
    ws.mergeCells("F1:H3");
    ws.getCell("F1").value = "合并";
    ws.mergeCells("A10:A14"); // rows 11–14 exist only as covered cells
    ws.getCell("A10").value = "纵向合并";
    ws.mergeCells("J20:J22"); // an empty merge
    const hidden = wb.addWorksheet("隐藏", { state: "hidden" });
    hidden.getCell("A1").value = 3.25;
    hidden.getCell("B1").value = { formula: "数据!A3+1", result: 2 } as ExcelJS.CellFormulaValue;
    const bytes = await bytesOf(wb);
    const mine = viaPackage(bytes);
    expect(mine).toEqual(await viaExcelJs(bytes));
    expect(mine.sheets[0].cells[3][1]).toEqual({ v: 6, f: "A4*2+$A$3" });
    expect(mine.sheets[0].cells[12]).toEqual([]);
  });

  it("on a 1904 workbook", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("s");
    ws.getCell("A1").value = 1000;
    ws.getCell("A1").numFmt = "yyyy-mm-dd";
    ws.getCell("A2").value = 1000;
    const bytes = await bytesOf(wb);
    expect(viaPackage(bytes)).toEqual(await viaExcelJs(bytes));
  });

  it("on hand-written XML: shared formulas, phonetic runs, chart sheets, cells without r, absolute targets", async () => {
    const bytes = handWorkbook(
      [
        {
          name: "一",
          body:
            `<sheetData><row r="1"><c r="A1"><v>2</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2+SUM($A$1:A1)&amp;"A1"</f><v>4</v></c></row>` +
            `<row r="2"><c r="A2"><v>3</v></c><c r="B2"><f t="shared" si="0"/><v>11</v></c></row>` +
            `<row r="3"><c r="A3"><v>4</v></c><c t="s"><v>0</v></c><c r="D3" t="inlineStr"><is><t>行内</t></is></c></row>` +
            `<row r="4"><c r="A4" t="s"><v>1</v></c><c r="B4" t="e"><v>#REF!</v></c><c r="C4" t="b"><v>0</v></c><c r="D4" s="1"><v>0.25</v></c></row></sheetData>`,
        },
        { name: "二", body: `<sheetData><row r="1"><c r="A1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row></sheetData>` },
      ],
      {
        sharedStrings: [`<si><t>东京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>`, `<si><r><t xml:space="preserve">富 </t></r><r><rPr><b/></rPr><t>文本_x000D_</t></r></si>`],
        styles: `<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs>`,
        absoluteTargets: true,
      },
    );
    const mine = viaPackage(bytes);
    const theirs = await viaExcelJs(bytes);
    // Unlike ExcelJS: a shared formula's string literal is text, not a reference, and is not moved.
    expect(theirs.sheets[0].cells[1][1]).toEqual({ v: 11, f: 'A2*2+SUM($A$1:A2)&"A2"' });
    expect(mine.sheets[0].cells[1][1]).toEqual({ v: 11, f: 'A2*2+SUM($A$1:A2)&"A1"' });
    theirs.sheets[0].cells[1][1] = mine.sheets[0].cells[1][1];
    expect(mine).toEqual(theirs);
    expect(mine.sheets[0].cells[2]).toEqual([{ v: 4 }, { v: "东京" }, undefined, { v: "行内" }]);
  });

  it("skips chart sheets and dialog sheets, keeping the worksheets' order, as wb.worksheets does", async () => {
    const bytes = buildZip([
      { name: "[Content_Types].xml", data: `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>` },
      { name: "_rels/.rels", data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
      {
        name: "xl/workbook.xml",
        data: `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="图表" sheetId="3" r:id="rC"/><sheet name="乙" sheetId="2" r:id="r2"/><sheet name="对话" sheetId="4" r:id="rD"/><sheet name="甲" sheetId="1" r:id="r1"/></sheets></workbook>`,
      },
      {
        name: "xl/_rels/workbook.xml.rels",
        data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="r2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="rD" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/dialogsheet" Target="dialogsheets/sheet1.xml"/></Relationships>`,
      },
      { name: "xl/worksheets/sheet1.xml", data: `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>` },
      { name: "xl/worksheets/sheet2.xml", data: `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>2</v></c></row></sheetData></worksheet>` },
      { name: "xl/chartsheets/sheet1.xml", data: `<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>` },
      { name: "xl/dialogsheets/sheet1.xml", data: `<dialogsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></dialogsheet>` },
    ]);
    const mine = viaPackage(bytes);
    expect(mine.sheets.map((s) => s.name)).toEqual(["乙", "甲"]);
    expect(mine).toEqual(await viaExcelJs(bytes));
  });

  it("differs on purpose where ExcelJS reads wrongly: LibreOffice's sheet=\"true\" protection", async () => {
    const bytes = handWorkbook([{ name: "表", body: `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><sheetProtection sheet="true" objects="true" scenarios="true"/>` }]);
    const mine = viaPackage(bytes);
    const theirs = await viaExcelJs(bytes);
    // ExcelJS reads only sheet="1" as protected; the schema type is boolean, so "true" is protected too.
    expect(theirs.sheets[0].protected).toBeUndefined();
    expect(mine.sheets[0].protected).toBe(true);
    expect({ ...mine.sheets[0], protected: undefined }).toEqual({ ...theirs.sheets[0], protected: undefined });
  });

  it("differs on purpose where ExcelJS reads wrongly: a formula's cached 0, FALSE or empty", async () => {
    const bytes = handWorkbook([{ name: "s", body: `<sheetData><row r="1"><c r="A1"><f>1-1</f><v>0</v></c><c r="B1" t="b"><f>1=2</f><v>0</v></c><c r="C1"><f>2-1</f><v>1</v></c></row></sheetData>` }]);
    const mine = viaPackage(bytes);
    const theirs = await viaExcelJs(bytes);
    // ExcelJS keeps a formula's result only when it is truthy, so 0 and FALSE read as empty.
    expect(theirs.sheets[0].cells[0]).toEqual([{ v: null, f: "1-1" }, { v: null, f: "1=2" }, { v: 1, f: "2-1" }]);
    expect(mine.sheets[0].cells[0]).toEqual([{ v: 0, f: "1-1" }, { v: false, f: "1=2" }, { v: 1, f: "2-1" }]);
  });
});

describe("what only the package reader reads", () => {
  it("a stray cell at XFD1048576 costs one cell", () => {
    const bytes = handWorkbook([{ name: "表", body: `<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>远处</t></is></c></row></sheetData>` }]);
    const sheet = viaPackage(bytes).sheets[0];
    expect(sheet.cells.length).toBe(1048576);
    expect(Object.keys(sheet.cells)).toEqual(["0", "1048575"]);
    expect(Object.keys(sheet.cells[1048575])).toEqual(["16383"]);
    expect(sheet.cells[1048575][16383]).toEqual({ v: "远处" });
  });

  it("Strict Open XML namespaces", () => {
    const bytes = handWorkbook([{ name: "严格", body: `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>0.5</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="C1:D1"/></mergeCells>` }], {
      strict: true,
      sharedStrings: ["<si><t>严格格式</t></si>"],
      styles: `<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="10"/></cellXfs>`,
    });
    const snap = viaPackage(bytes);
    expect(snap.sheets[0]).toEqual({ name: "严格", cells: [[{ v: "严格格式" }, { v: 0.5, fmt: "0.00%" }]], merges: [{ top: 0, left: 2, bottom: 0, right: 3 }] });
  });

  it("namespace prefixes on elements (<x:c>)", () => {
    const bytes = handWorkbook(
      [{ name: "前缀", body: `<x:sheetData><x:row r="2"><x:c r="B2" t="s"><x:v>0</x:v></x:c><x:c r="C2"><x:f>B2&amp;"!"</x:f><x:v>9</x:v></x:c><x:c r="D2" t="inlineStr"><x:is><x:t>行内</x:t></x:is></x:c></x:row></x:sheetData><x:sheetProtection sheet="1"/>` }],
      { prefix: "x", sharedStrings: ["<x:si><x:t>带前缀</x:t></x:si>"] },
    );
    const snap = viaPackage(bytes);
    expect(snap.sheets[0].cells[1]).toEqual([undefined, { v: "带前缀" }, { v: 9, f: 'B2&"!"' }, { v: "行内" }]);
    expect(snap.sheets[0].protected).toBe(true);
  });

  it("cells and rows without r, placed after the previous ones (ExcelJS fails on them)", () => {
    const bytes = handWorkbook([{ name: "s", body: `<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c t="inlineStr"><is><t>x</t></is></c></row><row r="5"><c r="C5"><v>5</v></c><c><v>6</v></c></row></sheetData>` }]);
    expect(viaPackage(bytes).sheets[0].cells).toEqual([[{ v: 1 }, { v: 2 }], [{ v: "x" }], undefined, undefined, [undefined, undefined, { v: 5 }, { v: 6 }]]);
  });

  it("CDATA, comments and carriage returns in text", () => {
    const bytes = handWorkbook([{ name: "s", body: `<sheetData><!-- a comment --><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<b>粗</b> & 细]]></t></is></c><c r="B1" t="inlineStr"><is><t>一&#13;\r\n二</t></is></c></row></sheetData>` }]);
    expect(viaPackage(bytes).sheets[0].cells[0]).toEqual([{ v: "<b>粗</b> & 细" }, { v: "一\r\n二" }]);
  });

  it("a workbook whose parts use data descriptors and Zip64 records", async () => {
    const plain = await bytesOf(workbookFromSnapshot(buildForm()));
    const unzipped = (await import("fflate")).unzipSync(plain);
    const rebuilt = buildZip(Object.entries(unzipped).map(([name, data], i) => ({ name, data, descriptor: i % 2 === 0, zip64: i % 3 === 0 })), { zip64End: true });
    expect(viaPackage(rebuilt)).toEqual(viaPackage(plain));
  });

  it("refuses more cells than the bound, with a message", () => {
    const rows = Array.from({ length: 50 }, (_, r) => `<row r="${r + 1}">${Array.from({ length: 10 }, (_c, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>1</v></c>`).join("")}</row>`).join("");
    const bytes = handWorkbook([{ name: "s", body: `<sheetData>${rows}</sheetData>` }]);
    expect(() => XlsxPackage.open(bytes, "大.xlsx", { limits: { maxCells: 400 } })).toThrow(/「大.xlsx」中的单元格超过/);
    expect(XlsxPackage.open(bytes, "大.xlsx", { limits: { maxCells: 600 } }).snapshot().sheets[0].cells.length).toBe(50);
  });
});

describe("files that are not workbooks are told apart", () => {
  const ole = (streams: Record<string, string>) => {
    const cfb = CFB.utils.cfb_new();
    for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(cfb, name, Buffer.from(content));
    return new Uint8Array(CFB.write(cfb, { type: "buffer" }));
  };
  const zipOf = (entries: Record<string, string>, first?: string) => buildZip([...(first ? [{ name: first, data: entries[first], store: true }] : []), ...Object.entries(entries).filter(([n]) => n !== first).map(([name, data]) => ({ name, data }))]);
  const cases: [string, string, Uint8Array, RegExp][] = [
    ["empty", "表.xlsx", new Uint8Array(0), /是空文件/],
    ["an encrypted workbook", "表.xlsx", ole({ EncryptionInfo: "x", EncryptedPackage: "y" }), /设置了打开密码/],
    ["an .xls", "表.xls", ole({ Workbook: "BIFF" }), /旧版 \.xls 格式.*另存为「Excel 工作簿/],
    ["an .et (WPS)", "表.et", ole({ Workbook: "BIFF" }), /WPS 表格的 \.et 格式.*另存为/],
    ["a Word .doc", "表.doc", ole({ WordDocument: "W" }), /是 Word 文档/],
    ["a CSV renamed", "表.xlsx", new TextEncoder().encode("部门,金额\n城管局,100\n"), /文本（CSV）文件.*另存为/],
    ["a PDF", "表.xlsx", new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj"), /是 PDF 文件/],
    ["an HTML export", "表.xls", new TextEncoder().encode("<html><body><table><tr><td>1</td></tr></table></body></html>"), /网页（HTML）文件/],
    ["an .ods", "表.ods", zipOf({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<office:document-content/>" }, "mimetype"), /OpenDocument 表格（\.ods/],
    ["an .xlsb", "表.xlsb", zipOf({ "[Content_Types].xml": "<Types/>", "_rels/.rels": `<Relationships><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>`, "xl/workbook.bin": "\u0083\u0001" }), /Excel 二进制工作簿（\.xlsb）/],
    ["a .docx", "表.docx", zipOf({ "[Content_Types].xml": "<Types/>", "_rels/.rels": `<Relationships><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`, "word/document.xml": "<w:document/>" }), /Word 文档（\.docx）/],
    ["a zip of other files", "表.xlsx", zipOf({ "readme.txt": "hello", "data/a.csv": "1,2" }), /压缩包（ZIP），其中没有 Excel 工作簿/],
  ];
  it.each(cases)("%s", (_name, fileName, bytes, message) => {
    expect(() => XlsxPackage.open(bytes, fileName)).toThrow(message);
  });

  it("a truncated workbook is corrupt, said so", async () => {
    const bytes = await bytesOf(workbookFromSnapshot(buildForm()));
    for (const cut of [bytes.length - 10, Math.floor(bytes.length / 2), 100]) {
      expect(() => XlsxPackage.open(bytes.subarray(0, cut), "断.xlsx")).toThrow(/「断.xlsx」已损坏或不完整/);
    }
  });

  it("each kind gets its own message", () => {
    const messages = cases.map(([, fileName, bytes]) => {
      try {
        XlsxPackage.open(bytes, fileName);
        return "";
      } catch (e) {
        return (e as Error).message.replace(/「[^」]*」/, "");
      }
    });
    expect(new Set(messages).size).toBe(messages.length);
  });
});
