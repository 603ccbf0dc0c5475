import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run } from "../helpers/cli";
import { buildForm, validSpec } from "../helpers/formBuilder";
import { xlsxBytes } from "../helpers/toXlsx";
import { describeWithLibreOffice, reopenWithLibreOffice } from "../helpers/soffice";
import { GOOD_UNITS, GZ } from "../consolidate/helpers";

const REAL = path.join(__dirname, "..", "fixtures", "real");

let tmp: string;
let folder: string;
beforeEach(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-report-"));
  folder = path.join(tmp, "收到的表");
  fs.mkdirSync(folder);
  // Good (a clean 部门整体 form; a scored 项目 form), with errors (real form 21), unreadable (damaged, an old .xls, no form).
  fs.writeFileSync(path.join(folder, "01-合格.xlsx"), await xlsxBytes(buildForm(validSpec())));
  fs.copyFileSync(path.join(REAL, "13-yunnan-yongde-yingyang", "form.xlsx"), path.join(folder, "02-云南项目.xlsx"));
  fs.copyFileSync(path.join(REAL, "21-hunan-lingling-linye-zhengti", "form.xlsx"), path.join(folder, "03-湖南零陵.xlsx"));
  fs.writeFileSync(path.join(folder, "04-损坏.xlsx"), Buffer.from("PK\u0003\u0004 这不是完整的工作簿"));
  fs.copyFileSync(path.join(GZ, "units", "05-通讯录.xlsx"), path.join(folder, "05-通讯录.xlsx"));
  fs.writeFileSync(path.join(folder, "06-旧版.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
  fs.writeFileSync(path.join(folder, "~$01-合格.xlsx"), "lock");
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function openReport(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const rowValues = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).slice(1);

describe("ziping check DIR --report 审核结果.xlsx", () => {
  it("writes a 汇总 row per file, unreadable ones with their reason, and prints the usual report beside it", async () => {
    const report = path.join(tmp, "审核结果.xlsx");
    const r = await run("check", folder, "--report", report);
    expect(r.code).toBe(2);
    expect(r.out).toContain("检查：");
    expect(r.out).toContain(`审核结果已写入 ${report}（汇总 6 行`);
    const wb = await openReport(report);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "问题清单"]);
    const ws = wb.getWorksheet("汇总")!;
    expect(rowValues(ws, 1)).toEqual(["文件", "部门或项目", "年度", "表格类型", "执行率", "总分", "等级", "强制", "提示", "结论", "说明"]);
    expect(ws.rowCount).toBe(7);
    const byFile = new Map<string, unknown[]>();
    for (let i = 2; i <= ws.rowCount; i++) byFile.set(path.basename(String(ws.getCell(i, 1).value)), rowValues(ws, i));
    expect([...byFile.keys()]).toEqual(["01-合格.xlsx", "02-云南项目.xlsx", "03-湖南零陵.xlsx", "04-损坏.xlsx", "05-通讯录.xlsx", "06-旧版.xls"]);

    const ok = byFile.get("01-合格.xlsx")!;
    expect(ok.slice(1, 5)).toEqual(["广州市某区某局（本级）", 2022, "部门整体支出绩效自评表", 0.95]);
    expect([ok[7], ok[9]]).toEqual([0, "通过"]);

    const project = byFile.get("02-云南项目.xlsx")!;
    expect(project.slice(2, 7)).toEqual([2022, "项目支出绩效自评表", expect.any(Number), 96, "优"]);
    expect(project[9]).toBe("通过");

    const errors = byFile.get("03-湖南零陵.xlsx")!;
    expect(errors[3]).toBe("部门整体支出绩效自评表");
    expect(errors[4]).toBeCloseTo(0.8045, 4);
    expect(errors[5]).toBeCloseTo(74.04, 2);
    expect(errors[7]).toBe(3);
    expect(errors[9]).toBe("需修改");

    for (const name of ["04-损坏.xlsx", "05-通讯录.xlsx", "06-旧版.xls"]) expect(byFile.get(name)![9]).toBe("无法读取");
    expect(byFile.get("04-损坏.xlsx")![10]).toContain("已损坏或不完整");
    expect(byFile.get("05-通讯录.xlsx")![10]).toMatch(/^未找到部门整体支出绩效自评表/);
    expect(byFile.get("06-旧版.xls")![10]).toContain("另存为「Excel 工作簿 (*.xlsx)」");

    // Numbers are numbers, in the forms' formats.
    const rowOf = (name: string) => [...byFile.keys()].indexOf(name) + 2;
    expect(ws.getCell(rowOf("03-湖南零陵.xlsx"), 5).numFmt).toBe("0.00%");
    expect(ws.getCell(rowOf("03-湖南零陵.xlsx"), 6).numFmt).toBe("0.00");
    expect(typeof ws.getCell(rowOf("03-湖南零陵.xlsx"), 8).value).toBe("number");
    // Header frozen, filters on, 需修改 and 无法读取 rows marked, widths fit the Chinese text.
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    const fillOf = (row: number) => {
      const fill = ws.getCell(row, 1).fill as ExcelJS.FillPattern | undefined;
      return fill?.pattern === "solid" ? fill.fgColor?.argb : undefined;
    };
    expect(fillOf(rowOf("03-湖南零陵.xlsx"))).toBe("FFFFC7CE");
    expect(fillOf(rowOf("04-损坏.xlsx"))).toBe("FFFFEB9C");
    expect(fillOf(rowOf("01-合格.xlsx"))).toBeUndefined();
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual("广州市某区某局（本级）".length * 2);
    expect(ws.getColumn(3).width).toBeLessThan(12);
  });

  it("lists every finding of every file in 问题清单, 强制 rows marked, the fix said", async () => {
    const report = path.join(tmp, "审核结果.xlsx");
    await run("check", folder, "--report", report);
    const ws = (await openReport(report)).getWorksheet("问题清单")!;
    expect(rowValues(ws, 1)).toEqual(["文件", "工作表", "单元格", "栏目", "级别", "说明", "可自动修正"]);
    const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) => rowValues(ws, i + 2) as string[]);
    const of = (name: string) => rows.filter((r) => path.basename(r[0]) === name);
    expect(of("01-合格.xlsx")).toEqual([]);
    const hunan = of("03-湖南零陵.xlsx");
    expect(hunan.filter((r) => r[4] === "强制")).toHaveLength(3);
    const rate = hunan.find((r) => r[2] === "G5" && r[4] === "强制")!;
    expect(rate[1]).toBe("Sheet1");
    expect(rate[3]).toContain("项目资金");
    expect(rate[5]).toContain("执行率应为 80.45%");
    expect(rate[6]).toBe("是：G5：100% → 80.45%");
    expect(of("04-损坏.xlsx")).toEqual([[expect.stringContaining("04-损坏.xlsx"), "", "", "文件", "无法读取", expect.stringContaining("已损坏"), "否"]]);
    expect(of("06-旧版.xls")).toHaveLength(1);
    const first = rows.findIndex((r) => r[4] === "强制") + 2;
    expect((ws.getCell(first, 6).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    const hint = rows.findIndex((r) => r[4] === "提示") + 2;
    expect((ws.getCell(hint, 6).fill as ExcelJS.FillPattern | undefined)?.pattern ?? "none").toBe("none");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getColumn(6).alignment?.wrapText).toBe(true);
  });

  it("adds the 汇总核对 findings to the 汇总 file's row with --units", async () => {
    const report = path.join(tmp, "审核结果.xlsx");
    await run("check", path.join(GZ, "汇总.xlsx"), "--units", ...GOOD_UNITS.map((n) => path.join(GZ, "units", n)), "--report", report);
    const wb = await openReport(report);
    const summary = rowValues(wb.getWorksheet("汇总")!, 2);
    expect([summary[7], summary[9]]).toEqual([4, "需修改"]);
    const issues = wb.getWorksheet("问题清单")!;
    const messages = Array.from({ length: issues.rowCount - 1 }, (_, i) => String(issues.getCell(i + 2, 6).value));
    expect(messages.some((m) => m.startsWith("「部门调整预算收入」为 22,343.96 万元，各单位合计为 22,443.96 万元"))).toBe(true);
  });

  it("never writes the report over a file it checks", async () => {
    const target = path.join(folder, "01-合格.xlsx");
    const before = fs.readFileSync(target);
    const r = await run("check", folder, "--report", target);
    expect(r.code).toBe(2);
    expect(r.err).toContain("是要检查的文件之一，审核结果不能覆盖它");
    expect(fs.readFileSync(target).equals(before)).toBe(true);
    expect(r.out).toBe("");
  });

  it("says in Chinese when the report cannot be written", async () => {
    const r = await run("check", path.join(folder, "01-合格.xlsx"), "--report", path.join(tmp, "没有", "审核结果.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("无法写入");
  });
});

describeWithLibreOffice("the report workbook in LibreOffice", () => {
  it("opens without repair, both sheets as written", async () => {
    const report = path.join(tmp, "审核结果.xlsx");
    await run("check", folder, "--report", report);
    const sheets = reopenWithLibreOffice(fs.readFileSync(report));
    expect([...sheets.keys()].sort()).toEqual(["汇总", "问题清单"].sort());
    const summary = sheets.get("汇总")!;
    expect(summary[0].slice(0, 10)).toEqual(["文件", "部门或项目", "年度", "表格类型", "执行率", "总分", "等级", "强制", "提示", "结论"]);
    const hunan = summary.find((r) => r[0].endsWith("03-湖南零陵.xlsx"))!;
    expect(hunan.slice(2, 10)).toEqual(["2021", "部门整体支出绩效自评表", "80.45%", "74.04", "中", "3", expect.any(String), "需修改"]);
    expect(summary.find((r) => r[0].endsWith("04-损坏.xlsx"))![9]).toBe("无法读取");
    const issues = sheets.get("问题清单")!;
    expect(issues[0]).toEqual(["文件", "工作表", "单元格", "栏目", "级别", "说明", "可自动修正"]);
    expect(issues.some((r) => r[2] === "G5" && r[4] === "强制")).toBe(true);
  }, 120_000);
});
