import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../helpers/cli";
import { buildProjectSheet, nationalSpec, sichuanSpec } from "../helpers/projectBuilder";
import { xlsxBytes } from "../helpers/toXlsx";

let tmp: string;
beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-proj-"))));
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));


test("ziping check shows each project form's scores and findings", async () => {
  const file = path.join(tmp, "项目.xlsx");
  fs.writeFileSync(file, await xlsxBytes({ sheets: [buildProjectSheet({ ...nationalSpec(), sheetName: "项目一" }), buildProjectSheet({ ...sichuanSpec(), sheetName: "项目二", grade: "良" })] }));
  const r = await run("check", file);
  expect(r.code).toBe(1);
  expect(r.out).toContain("工作表「项目一」：项目支出绩效自评表（2019 年式样，无 A/B 字母）「质量监测中心运行经费」 · 绩效指标 5 条 · 执行率 95.00% · 预算执行得分 9.50 · 总分 90.28（优）");
  expect(r.out).toContain("工作表「项目二」：部门预算项目支出绩效自评表（四川式样）「城市道路清扫保洁项目」");
  expect(r.out).toContain("【项目支出绩效自评表「城市道路清扫保洁项目」（工作表「项目二」） · 总分与等级】");
  expect(r.out).toContain("总分 91.50 分对应的等级是「优」，表中写的是「良」");
  const json = JSON.parse((await run("check", file, "--json")).out);
  expect(json.form).toBe("项目支出绩效自评表");
  expect(json.projects.map((p: { scores: { total: number; grade: string } }) => [p.scores.total, p.scores.grade])).toEqual([[90.28, "优"], [91.5, "优"]]);
  expect(json.findings).toEqual([expect.objectContaining({ rule: "project-grade", sheet: "项目二", fix: [expect.objectContaining({ value: "优" })] })]);
  const fixed = path.join(tmp, "fixed.xlsx");
  expect((await run("fix", file, "-o", fixed)).code).toBe(0);
  expect((await run("check", fixed)).code).toBe(0);
});
