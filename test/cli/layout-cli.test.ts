import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../helpers/cli";
import { xlsxBytes } from "../helpers/toXlsx";
import { sheetOf, workbookOf } from "../helpers/sheetBuilder";

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-layout-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const LAYOUT = {
  id: "xx-county-special",
  name: "某县专项资金绩效自评表",
  source: "某县财政局 2023 年通知附件",
  kind: "project",
  match: { title: ["专项资金绩效自评表"] },
  words: { indicatorColumns: { target: ["年度计划值"], actual: ["年度实际完成"] } },
  scoring: { budget: { points: 10 }, indicators: "ratio", qualitativeBands: true, weightTotal: 100, grades: [{ min: 90, grade: "优" }, { min: 80, grade: "良" }, { min: 60, grade: "中" }, { min: 0, grade: "差" }] },
};

async function localForm(): Promise<string> {
  const file = path.join(tmp, "专项.xlsx");
  fs.writeFileSync(
    file,
    await xlsxBytes(
      workbookOf(
        sheetOf([
          ["某县专项资金绩效自评表"],
          ["项目名称", "农村公路养护"],
          ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
          [null, "年度资金总额", 100, 100, 90, 10, "90.00%", 9],
          ["绩效指标", "一级指标", "二级指标", "三级指标", "年度计划值", "年度实际完成", "分值", "得分"],
          [null, "产出指标", "数量指标", "养护里程", "≥100公里", "80公里", 50, 50],
          [null, "效益指标", "社会效益指标", "通行条件改善", "明显改善", "达成", 30, 27],
          [null, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", 10, 10],
          ["总分", null, null, null, null, null, 100, 96],
        ]),
      ),
    ),
  );
  return file;
}

describe("--layout", () => {
  it("reads a county's own form by its declaration, and finds what its words hid", async () => {
    const file = await localForm();
    const layout = path.join(tmp, "本县式样.json");
    fs.writeFileSync(layout, JSON.stringify(LAYOUT, null, 2));
    const without = await run("check", file);
    expect(without.out).toContain("不是认识的栏目");
    const r = await run("check", file, "--layout", layout);
    expect(r.out).toContain("某县专项资金绩效自评表「农村公路养护」");
    // 80 of 100 km scored full: read only with the county's words.
    expect(r.out).toMatch(/强制 +H6 +「养护里程」的得分应为 40\.00/);
    expect(r.code).toBe(1);
  });

  it("tells what is wrong in a declaration, naming the field, and reads nothing", async () => {
    const file = await localForm();
    const layout = path.join(tmp, "错的.json");
    fs.writeFileSync(layout, JSON.stringify({ ...LAYOUT, scoring: { ...LAYOUT.scoring, indicators: "比例" } }));
    const r = await run("check", file, "--layout", layout);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`表格式样有误，${layout}：「scoring.indicators」应为`);
    expect(r.err).not.toMatch(/at .*\.js/);
    expect(r.out).toBe("");
  });

  it("ziping layouts lists the built-in families and a user's own first", async () => {
    const layout = path.join(tmp, "本县式样.json");
    fs.writeFileSync(layout, JSON.stringify(LAYOUT));
    const r = await run("layouts", "--layout", layout);
    expect(r.code).toBe(0);
    const ids = [...r.out.matchAll(/^ {2}([a-z0-9-]+) {2}/gm)].map((m) => m[1]);
    expect(ids[0]).toBe("xx-county-special");
    expect(ids).toEqual(expect.arrayContaining(["guangzhou-department", "national-2020-project", "sichuan-project", "yunnan-project", "chongqing-department", "goals-only"]));
    expect(r.out).toContain("自定 · 项目支出");
    expect(r.out).toContain("来源：某县财政局 2023 年通知附件");
  });
});
