import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run } from "../helpers/cli";
import { GOOD_UNITS, GZ, GZH } from "../consolidate/helpers";

const TOTAL = path.join(GZ, "汇总.xlsx");
const UNITS = path.join(GZ, "units");
const good = GOOD_UNITS.map((n) => path.join(UNITS, n));

let tmp: string;
beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-units-"))));
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("ziping check 汇总.xlsx --units", () => {
  it("checks the 汇总 against its units after its own report: the mismatch, its sum, each unit and file, the fix", async () => {
    const r = await run("check", TOTAL, "--units", ...good);
    expect(r.code).toBe(1);
    const part = r.out.slice(r.out.indexOf("汇总核对："));
    expect(r.out.indexOf("检查：")).toBeLessThan(r.out.indexOf("汇总核对："));
    expect(part).toContain("计入汇总的单位 3 个：");
    expect(part).toMatch(/部门调整预算收入\s+D5\s+汇总表\s+22,343\.96\s+各单位合计\s+22,443\.96\s+✗ 不符/);
    expect(part).toMatch(/部门年初预算收入\s+G5\s+汇总表\s+32,337\.28\s+各单位合计\s+32,337\.27\s+✓/);
    expect(part).toMatch(/其中：一般公共预算\s+D7\s+.*？ 无法核对/);
    expect(part).toContain(`强制  D5    「部门调整预算收入」为 22,343.96 万元，各单位合计为 22,443.96 万元`);
    expect(part).toContain(`${path.join(UNITS, "03-监控指挥中心.xlsx")} D5`);
    expect(part).toContain("（可自动修正：D5：22343.96 → 22443.96）");
    expect(part).toContain("（可自动修正：D8：99.87% → 99.42%）");
    expect(part).toContain("小结：汇总核对强制 4 项，提示 1 项，可自动修正 4 处");
    expect(r.err).toBe("");
  });

  it("reads a folder of units, says by file which it could not count, and skips the 汇总 itself", async () => {
    const dir = path.join(tmp, "全部");
    fs.cpSync(UNITS, dir, { recursive: true });
    fs.copyFileSync(TOTAL, path.join(dir, "汇总.xlsx"));
    const r = await run("check", path.join(dir, "汇总.xlsx"), "--units", dir);
    expect(r.code).toBe(2);
    expect(r.out).toContain("未计入汇总的单位文件 3 个：");
    expect(r.out).toContain(`「${path.join(dir, "04-市政设施维护中心-2020.xlsx")}」（广州市天河区市政设施维护中心）是 2020 年度的表，汇总的是 2021 年度，未计入汇总`);
    expect(r.out).toContain(`「${path.join(dir, "05-通讯录.xlsx")}」中没有找到自评表，未计入汇总`);
    expect(r.out).toContain(`「${path.join(dir, "06-环境卫生管理所-副本.xlsx")}」的单位名称「广州市天河区环境卫生管理所」与「${path.join(dir, "02-环境卫生管理所.xlsx")}」相同`);
    expect(r.out).toContain(`${path.join(dir, "汇总.xlsx")}：汇总表本身，不计入`);
    expect(r.out).toContain(`${path.join(dir, "说明.txt")}：不是工作簿，已忽略`);
    expect(r.out).toContain("合计可能不全，未给出修正");
    expect(r.out).not.toMatch(/at \w+ \(|Error:/);
  });

  it("adds a line of JSON with the figures, parts and findings", async () => {
    const r = await run("check", TOTAL, "--units", ...good, "--json");
    const lines = r.out.split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0].file).toBe(TOTAL);
    const c = lines[1].consolidation;
    expect(lines[1].file).toBe(TOTAL);
    expect(c.units.map((u: { name: string }) => u.name)).toEqual(["广州市天河区城市管理和综合执法局（本级）", "广州市天河区环境卫生管理所", "广州市天河区城市管理监控指挥中心"]);
    const d5 = c.figures.find((f: { cell: string }) => f.cell === "D5");
    expect(d5).toMatchObject({ name: "部门调整预算收入", written: 22343.96, sum: 22443.96, status: "mismatch" });
    expect(d5.parts.map((p: { value: number }) => p.value)).toEqual([18372.1, 3215.46, 856.4]);
    expect(c.findings[0]).toMatchObject({ rule: "consolidation-sum", severity: "error", cell: "D5", fix: [{ cell: "D5", value: 22443.96 }] });
  });

  it("needs exactly one 汇总 file", async () => {
    const r = await run("check", TOTAL, good[0], "--units", good[1]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--units 要与一个汇总表一起使用（现在给出了 2 个文件）");
  });

  it("checks a 汇总 in a table layout too", async () => {
    const r = await run("check", path.join(GZH, "汇总.xlsx"), "--units", path.join(GZH, "units"));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/项目支出·年初预算数\s+C7\s+汇总表\s+278\.36\s+各单位合计\s+287\.36\s+✗ 不符/);
    expect(r.out).toContain("（可自动修正：C7：278.36 → 287.36）");
  });
});

describe("ziping fix 汇总.xlsx --units", () => {
  it("writes the sums and the derived cells that follow from them, then the 汇总 checks clean against its units", async () => {
    const out = path.join(tmp, "汇总-修正.xlsx");
    const r = await run("fix", TOTAL, "--units", ...good, "-o", out);
    expect(r.out).toContain("D5：22343.96 → 22443.96");
    expect(r.out).toContain("G6：-9993.32 → -9893.32");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    expect(ws.getCell("D5").value).toBe(22443.96);
    expect(ws.getCell("G6").value).toBe(-9893.32);
    expect(ws.getCell("D8").value).toBe(0.9942);
    expect(ws.getCell("G8").value).toBe(-0.3059);
    const again = await run("check", out, "--units", ...good);
    expect(again.out).toContain("小结：汇总核对强制 0 项，提示 1 项");
  });

  it("writes nothing when a unit file cannot be counted", async () => {
    const out = path.join(tmp, "汇总-修正.xlsx");
    const r = await run("fix", TOTAL, "--units", UNITS, "-o", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain("有 3 个单位文件未能计入，合计不全，汇总数未写入，文件未改动");
    expect(fs.existsSync(out)).toBe(false);
  });
});
