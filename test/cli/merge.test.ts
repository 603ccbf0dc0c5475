import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { analyze, checkConsolidation } from "../../src/engine";
import { run } from "../helpers/cli";
import { describeWithLibreOffice, reopenWithLibreOffice, shown } from "../helpers/soffice";
import { GOOD_UNITS, GZ, GZH, snapshotOf, unitsOf } from "../consolidate/helpers";

const UNITS = path.join(GZ, "units");

let tmp: string;
beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-merge-"))));
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function open(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets[0];
}

/** The row (1-based) whose column A starts with this text. */
function rowStarting(ws: ExcelJS.Worksheet, text: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (String(ws.getCell(r, 1).value ?? "").startsWith(text)) return r;
  return -1;
}

describe("ziping merge", () => {
  it("drafts the 汇总 in the first unit's layout: funding summed, derived cells as formulas, tasks and prose under unit names", async () => {
    const out = path.join(tmp, "汇总草稿.xlsx");
    const r = await run("merge", UNITS, "-o", out);
    // Three files of the folder could not be counted: the draft is written, and the exit code says so.
    expect(r.code).toBe(2);
    expect(r.out).toContain(`汇总草稿：${out}`);
    expect(r.out).toContain("名称：广州市天河区城市管理和综合执法局 · 2021 年度 · 3 个单位：");
    expect(r.out).toContain("未能带过来、需要人工处理的：");
    expect(r.out).toContain("「其中：一般公共预算」（D7）没有汇总，已留空待填：广州市天河区城市管理监控指挥中心的表中没有这一项");
    expect(r.out).toContain(`未计入：「${path.join(UNITS, "04-市政设施维护中心-2020.xlsx")}」`);
    expect(r.out).toContain(`未计入：「${path.join(UNITS, "05-通讯录.xlsx")}」中没有找到自评表`);
    expect(r.out).toContain(`未计入：「${path.join(UNITS, "06-环境卫生管理所-副本.xlsx")}」的单位名称`);

    const ws = await open(out);
    expect(ws.name).toBe("部门整体支出绩效自评表");
    expect(ws.getCell("C4").value).toBe("广州市天河区城市管理和综合执法局");
    expect(ws.getCell("G4").value).toBe("2021年");
    expect(ws.getCell("D5").value).toBe(22443.96);
    expect(ws.getCell("G5").value).toBe(32337.27);
    expect(ws.getCell("D6").value).toBe(22314.53);
    expect(ws.getCell("D7").value).toBeNull();
    expect(ws.getCell("G6").value).toEqual({ formula: "ROUND(D5-G5,2)", result: -9893.31 });
    expect(ws.getCell("D8").value).toEqual({ formula: "ROUND(D6/D5,4)", result: 0.9942 });
    expect(ws.getCell("G8").value).toEqual({ formula: "ROUND(G6/G5,4)", result: -0.3059 });
    expect(ws.getCell("D8").numFmt).toBe("0.00%");
    // The unit headings, each merged across the table, with its tasks numbered on below it.
    const h1 = rowStarting(ws, "一、");
    const h2 = rowStarting(ws, "二、");
    const h3 = rowStarting(ws, "三、");
    expect([h1, ws.getCell(h1, 1).value]).toEqual([12, "一、广州市天河区城市管理和综合执法局（本级）"]);
    expect(ws.getCell(h2, 1).value).toBe("二、广州市天河区环境卫生管理所");
    expect(ws.getCell(h3, 1).value).toBe("三、广州市天河区城市管理监控指挥中心");
    expect(ws.getCell(h1, 7).isMerged && ws.getCell(h1, 7).master.address).toBe(`A${h1}`);
    expect([ws.getCell(h1 + 1, 1).value, ws.getCell(h1 + 1, 2).value, ws.getCell(h1 + 1, 7).value]).toEqual(["1", "做好环卫保洁工作", 4213.52]);
    expect([ws.getCell(h2 + 1, 1).value, ws.getCell(h2 + 1, 2).value, ws.getCell(h2 + 1, 7).value]).toEqual(["6", "做好辖区道路清扫保洁", 1264.06]);
    expect(ws.getCell(h2 + 2, 2).master.address).toBe(`B${h2 + 1}`);
    expect([ws.getCell(h3 + 1, 1).value, ws.getCell(h3 + 1, 2).value, ws.getCell(h3 + 1, 5).value, ws.getCell(h3 + 1, 6).value]).toEqual(["11", "【待填：任务名称】", "数量指标：造林面积", "1.2万亩"]);
    // The prose below the table moved down with its labels and merges, each section under unit headings.
    const problems = rowStarting(ws, "存在问题");
    expect(problems).toBe(h3 + 11 + 2);
    const text = String(ws.getCell(problems, 2).value);
    expect(text).toMatch(/^【广州市天河区城市管理和综合执法局（本级）】\n\(一\) 需提高思想政治理论水平/);
    expect(text).toContain("【广州市天河区环境卫生管理所】");
    expect(ws.getCell(problems, 7).master.address).toBe(`B${problems}`);
    expect(String(ws.getCell(rowStarting(ws, "注："), 1).value)).toContain("重点项目是指预算金额500万元以上项目");

    // The engine reads the draft as a 汇总 whose figures are its units' sums.
    const draft = analyze(snapshotOf(out));
    expect(draft.form?.header.department?.text).toBe("广州市天河区城市管理和综合执法局");
    expect(draft.derived.map((d) => d.status)).toEqual(["ok", "ok", "ok"]);
    const check = checkConsolidation(draft, unitsOf(UNITS, GOOD_UNITS));
    expect(check.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(check.figures.map((c) => c.status)).toEqual(["ok", "ok", "ok", "unchecked"]);
  });

  it("drafts a table-layout 汇总: rows summed, 年度资金总额 as the SUM of its rows", async () => {
    const out = path.join(tmp, "贵州汇总.xlsx");
    const r = await run("merge", path.join(GZH, "units"), "-o", out);
    expect(r.code).toBe(0);
    const ws = await open(out);
    expect(ws.getCell("B3").value).toBe("绥阳县太白镇人民政府");
    expect(ws.getCell("C5").value).toMatchObject({ formula: "SUM(C6:C8)" });
    expect((ws.getCell("C5").value as ExcelJS.CellFormulaValue).result).toBeCloseTo(1472.55, 9);
    expect([ws.getCell("C6").value, ws.getCell("D6").value, ws.getCell("C7").value, ws.getCell("D7").value]).toEqual([1185.19, 1145.3, 287.36, 235.4]);
    expect(ws.getCell("F5").value).toMatchObject({ formula: "ROUND(MIN(D5/C5,1)*E5,2)" });
    expect(String(ws.getCell("B10").value)).toMatch(/^【绥阳县太白镇人民政府（本级）】\n[\s\S]*\n\n【绥阳县太白镇农业服务中心】\n/);
  });

  it("refuses to write over one of its inputs, and leaves it as it was", async () => {
    const dir = path.join(tmp, "units");
    fs.cpSync(UNITS, dir, { recursive: true });
    const target = path.join(dir, "01-本级.xlsx");
    const before = fs.readFileSync(target);
    const r = await run("merge", dir, "-o", target);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`「${target}」是要汇总的单位文件之一，ZiPing 不会覆盖它`);
    expect(fs.readFileSync(target).equals(before)).toBe(true);
  });

  it("never leaves a half-written file: an unwritable place is said in Chinese, nothing is left behind", async () => {
    const out = path.join(tmp, "没有这个文件夹", "汇总.xlsx");
    const r = await run("merge", ...GOOD_UNITS.map((n) => path.join(UNITS, n)), "-o", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain("无法写入");
    expect(r.err).toContain("目录不存在");
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it("needs -o and an .xlsx name", async () => {
    expect((await run("merge", UNITS)).err).toContain("请用 -o 给出汇总草稿的文件名");
    expect((await run("merge", UNITS, "-o", path.join(tmp, "汇总.xls"))).err).toContain("要写成 .xlsx 文件");
  });

  it("says so when no file holds a form", async () => {
    const r = await run("merge", path.join(UNITS, "05-通讯录.xlsx"), "-o", path.join(tmp, "汇总.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("给出的文件中没有一份能读出自评表，无法生成汇总表。");
    expect(fs.existsSync(path.join(tmp, "汇总.xlsx"))).toBe(false);
  });

  it("has Chinese help", async () => {
    const r = await run("merge", "--help");
    expect(r.out).toMatch(/^用法： ziping merge \[选项\] <单位文件\.\.\.>/);
    expect(r.out).toContain("-o, --output <汇总.xlsx>");
    expect((await run("--help")).out).toMatch(/merge \[选项\] <单位文件\.\.\.>\s+汇总：/);
  });
});

describeWithLibreOffice("the merged draft in LibreOffice", () => {
  it("opens without repair and shows the sums and the unit headings", async () => {
    const out = path.join(tmp, "汇总草稿.xlsx");
    await run("merge", ...GOOD_UNITS.map((n) => path.join(UNITS, n)), "-o", out);
    const sheets = reopenWithLibreOffice(fs.readFileSync(out));
    const rows = [...sheets.values()][0];
    expect(shown(rows, 4, 3)).toBe("22443.96");
    expect(shown(rows, 7, 3)).toBe("99.42%");
    expect(shown(rows, 11, 0)).toBe("一、广州市天河区城市管理和综合执法局（本级）");
  }, 120_000);
});
