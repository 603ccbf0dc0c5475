import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync, spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as CFB from "cfb";
import { run } from "../helpers/cli";
import { EXAMPLE } from "../helpers/example";
import { buildForm, otherSheet, withSpec } from "../helpers/formBuilder";
import { xlsxBytes } from "../helpers/toXlsx";

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-cli-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));


function listing(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

async function writeForm(name: string, spec = withSpec({})): Promise<string> {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, await xlsxBytes(buildForm(spec)));
  return file;
}

describe("ziping check", () => {
  it("reports the seed's form in Chinese, grouped by section, and exits 0 (warnings only)", async () => {
    const r = await run("check", EXAMPLE);
    expect(r.code).toBe(0);
    expect(r.out).toContain("广州市天河区城市管理和综合执法局（本级） · 被评价年度 2021年 · 主要任务 5 项 · 关键指标 41 条");
    expect(r.out).toContain("【主要任务与关键指标】");
    expect(r.out).toMatch(/提示 {2}A18 +主要任务序号从 1 跳到 3，缺少第 2 项/);
    expect(r.out).toMatch(/小结：强制 0 项，提示 \d+ 项，可自动修正 \d+ 处；没有强制问题/);
    expect(r.out).toContain("【部门整体绩效】");
    expect(r.err).toBe("");
  });

  it("prints one JSON object per file with the model, derived cells and findings", async () => {
    const r = await run("check", EXAMPLE, "--json");
    const o = JSON.parse(r.out);
    expect(o.file).toBe(EXAMPLE);
    expect(o.sheet).toBe("部门整体支出绩效自评表");
    expect(o.form).toBe("部门整体支出绩效自评表");
    expect(o.model.indicators).toHaveLength(41);
    expect(o.model.indicators[0]).toMatchObject({ task: 1, taskName: "做好环卫保洁工作", name: "采购设施使用率", value: "100%", cell: "F12", line: 1 });
    expect(o.derived).toEqual([
      { cell: "G6", name: "年度预算调整数", value: -10145.17, display: "-10,145.17", status: "ok" },
      { cell: "D8", name: "预算完成率", value: 1, display: "100.00%", status: "ok" },
      { cell: "G8", name: "预算调整率", value: -0.3558, display: "-35.58%", status: "ok" },
    ]);
    expect(o.findings[0]).toMatchObject({ rule: "markup-in-text", severity: "warning", sheet: "部门整体支出绩效自评表", cell: "B10", fix: [{ cell: "B10" }] });
    expect(o.findings.find((f: { rule: string }) => f.rule === "report-drift").details.length).toBeGreaterThan(5);
    for (const f of o.findings) expect(Object.keys(f)).toEqual(expect.arrayContaining(["rule", "severity", "sheet", "cell", "message"]));
  });

  it("exits 1 on error-level findings and shows the fix", async () => {
    const file = await writeForm("坏.xlsx", withSpec({ adjustment: 150 }));
    const r = await run("check", file, "--json");
    expect(r.code).toBe(1);
    const o = JSON.parse(r.out);
    expect(o.findings).toContainEqual(expect.objectContaining({ rule: "derived-value", severity: "error", cell: "G5", fix: [{ cell: "G5", value: 200 }] }));
  });

  it("checks several files and folders with a summary table", async () => {
    const dir = path.join(tmp, "forms");
    fs.mkdirSync(dir);
    fs.copyFileSync(EXAMPLE, path.join(dir, "a.xlsx"));
    fs.writeFileSync(path.join(dir, "b.xlsx"), await xlsxBytes(buildForm(withSpec({ adjustment: 1 }))));
    fs.writeFileSync(path.join(dir, "~$a.xlsx"), "lock");
    fs.writeFileSync(path.join(dir, "notes.txt"), "x");
    const r = await run("check", dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/文件 +部门 +年度 +强制 +提示 +结果/);
    expect(r.out).toMatch(/a\.xlsx +广州市天河区.*通过/);
    expect(r.out).toMatch(/b\.xlsx .*需修改/);
    expect(r.out).toContain("共 2 个文件：1 个通过，1 个需处理。");
  });

  it("over a folder larger than one read-ahead, reports every file in order, an unreadable one in its place", async () => {
    const dir = path.join(tmp, "many");
    fs.mkdirSync(dir);
    const names = Array.from({ length: 20 }, (_, i) => `${String(i).padStart(2, "0")}.xlsx`);
    for (const n of names) fs.copyFileSync(EXAMPLE, path.join(dir, n));
    fs.writeFileSync(path.join(dir, names[17]), "不是工作簿");
    const r = await run("check", dir);
    expect(r.code).toBe(2);
    const rows = r.out.split("\n").filter((l) => /^\d\d\.xlsx /.test(l));
    expect(rows.map((l) => l.slice(0, 7))).toEqual(names);
    expect(rows[17]).toContain("无法读取");
    expect(rows.filter((l) => l.includes("通过"))).toHaveLength(19);
    expect(r.err).toContain("「17.xlsx」是纯文本文件，不是 Excel 工作簿");
    expect(r.out).toContain("共 20 个文件：19 个通过，1 个需处理。");
  });

  it("finds the form on a named sheet with --sheet", async () => {
    const file = path.join(tmp, "two.xlsx");
    fs.writeFileSync(file, await xlsxBytes(buildForm(withSpec({}), [otherSheet("封面")])));
    expect((await run("check", file, "--sheet", "自评表")).code).toBe(0);
    const wrong = await run("check", file, "--sheet", "封面");
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain("未找到部门整体支出绩效自评表");
  });
});

describe("ziping fix", () => {
  it("with -o writes a corrected copy and leaves the input untouched", async () => {
    const file = await writeForm("表.xlsx", withSpec({ adjustment: 150, adjustmentRate: null }));
    const before = fs.readFileSync(file);
    const out = path.join(tmp, "改.xlsx");
    const r = await run("fix", file, "-o", out);
    expect(r.code).toBe(0);
    expect(r.out).toContain("G5：150 → 200");
    expect(r.out).toContain("G7：（空） → 25.00%（公式）");
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(listing(tmp)).toEqual(["改.xlsx", "表.xlsx"]);
    expect((await run("check", out)).code).toBe(0);
  });

  it("in place keeps a backup beside the file", async () => {
    const file = await writeForm("表.xlsx", withSpec({ adjustment: 150 }));
    const before = fs.readFileSync(file);
    const r = await run("fix", file);
    expect(r.code).toBe(0);
    expect(r.out).toContain("原文件已备份为");
    expect(listing(tmp)).toEqual(["表.bak.xlsx", "表.xlsx"]);
    expect(fs.readFileSync(path.join(tmp, "表.bak.xlsx")).equals(before)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets[0].getCell("G5").value).toBe(200);
  });

  it("writes nothing when there is nothing to fix", async () => {
    const file = await writeForm("clean.xlsx");
    const r = await run("fix", file);
    expect(r.code).toBe(0);
    expect(r.out).toContain("没有可自动修正的单元格，文件未改动");
    expect(listing(tmp)).toEqual(["clean.xlsx"]);
  });

  it("exits 1 when errors remain that need a person", async () => {
    const file = await writeForm("表.xlsx", withSpec({ adjustment: 150, problems: "" }));
    const r = await run("fix", file, "-o", path.join(tmp, "out.xlsx"));
    expect(r.code).toBe(1);
    expect(r.out).toContain("修正后还有强制 1 项");
  });
});

describe("bad input: one Chinese line, exit 2, nothing written, no stack trace", () => {
  const cases: [string, () => Promise<string>, RegExp][] = [
    ["a text file named .xlsx", async () => { const f = path.join(tmp, "假.xlsx"); fs.writeFileSync(f, "部门名称,金额\n"); return f; }, /不是 Excel 工作簿/],
    ["a truncated .xlsx", async () => { const f = path.join(tmp, "半.xlsx"); const b = fs.readFileSync(EXAMPLE); fs.writeFileSync(f, b.subarray(0, Math.floor(b.length / 2))); return f; }, /已损坏或不完整/],
    ["a zero-byte file", async () => { const f = path.join(tmp, "空.xlsx"); fs.writeFileSync(f, ""); return f; }, /空文件/],
    ["a password-protected .xlsx", async () => {
      const cfb = CFB.utils.cfb_new();
      CFB.utils.cfb_add(cfb, "EncryptionInfo", Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
      CFB.utils.cfb_add(cfb, "EncryptedPackage", Buffer.alloc(4096, 7));
      const f = path.join(tmp, "密.xlsx");
      fs.writeFileSync(f, CFB.write(cfb, { type: "buffer" }) as Buffer);
      return f;
    }, /设置了打开密码/],
    ["an old .xls", async () => {
      const cfb = CFB.utils.cfb_new();
      CFB.utils.cfb_add(cfb, "Workbook", Buffer.alloc(4096, 1));
      const f = path.join(tmp, "旧.xls");
      fs.writeFileSync(f, CFB.write(cfb, { type: "buffer" }) as Buffer);
      return f;
    }, /旧版 \.xls 格式.*另存为/],
    ["a workbook with only an empty sheet", async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("Sheet1");
      const f = path.join(tmp, "白.xlsx");
      await wb.xlsx.writeFile(f);
      return f;
    }, /未找到部门整体支出绩效自评表/],
    ["a workbook with no form in it", async () => {
      const f = path.join(tmp, "别的.xlsx");
      fs.writeFileSync(f, await xlsxBytes({ sheets: [otherSheet("封面"), otherSheet("目录")] }));
      return f;
    }, /未找到部门整体支出绩效自评表.*--sheet/],
    ["a missing file", async () => path.join(tmp, "没有.xlsx"), /找不到文件/],
  ];

  it.each(cases)("%s (check)", async (_n, make, message) => {
    const file = await make();
    const before = listing(tmp);
    const r = await run("check", file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.split("\n")).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at |Error:/);
    expect(listing(tmp)).toEqual(before);
  });

  it.each(cases)("%s (fix)", async (_n, make, message) => {
    const file = await make();
    const before = listing(tmp);
    const r = await run("fix", file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(listing(tmp)).toEqual(before);
  });

  it("a file that cannot be written", async () => {
    const file = await writeForm("表.xlsx", withSpec({ adjustment: 150 }));
    const blocker = path.join(tmp, "文件");
    fs.writeFileSync(blocker, "x");
    const before = listing(tmp);
    const r = await run("fix", file, "-o", path.join(blocker, "out.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^无法写入.*原文件未改动/);
    expect(listing(tmp)).toEqual(before);
  });

  it("a folder with no .xlsx in it", async () => {
    const r = await run("check", tmp);
    expect(r.code).toBe(2);
    expect(r.err).toContain("没有找到要检查的 .xlsx 文件");
  });

  it("an unknown option or command", async () => {
    expect((await run("check", EXAMPLE, "--fast")).err).toContain("不认识的选项 --fast");
    expect((await run("lint", EXAMPLE)).err).toContain("不认识的命令 lint");
  });
});

describe("the installed command", () => {
  const bin = path.join(__dirname, "..", "..", "bin", "ziping.js");
  it("runs through bin/ziping.js with the documented exit codes", () => {
    if (!fs.existsSync(path.join(__dirname, "..", "..", "dist", "cli", "main.js"))) execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: path.join(__dirname, "..", "..") });
    const ok = spawnSync(process.execPath, [bin, "check", EXAMPLE], { encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("关键指标 41 条");
    const bad = spawnSync(process.execPath, [bin, "check", path.join(tmp, "none.xlsx")], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toMatch(/^找不到文件/);
  });
});
