import { analyze, addressToA1, Analysis, DEPARTMENT_RULES } from "../../src/engine";
import { exampleSnapshot } from "../helpers/example";

/** The seed's real form: 广州市天河区城市管理和综合执法局, 2021. */
describe("the seed's form (examples/…xlsx)", () => {
  let a: Analysis;
  beforeAll(async () => {
    a = analyze(await exampleSnapshot());
  });

  it("is recognized with full confidence", () => {
    expect(a.form).toBeDefined();
    expect(a.form!.sheetName).toBe("部门整体支出绩效自评表");
    expect(a.form!.confidence).toBe(1);
    expect(a.form!.header.department?.text).toBe("广州市天河区城市管理和综合执法局（本级）");
    expect(a.form!.header.yearNumber).toBe(2021);
  });

  it("reads the funding block", () => {
    const f = a.form!.funding;
    expect(f.adjustedBudget?.quantity.value).toBe(18372.1);
    expect(f.initialBudget?.quantity.value).toBe(28517.27);
    expect(f.actualSpending?.quantity.value).toBe(18372.1);
    expect(f.generalBudget?.quantity.value).toBe(15914.14);
    expect(addressToA1(f.adjustment!.cell)).toBe("G6");
  });

  it("reads all 41 indicator rows, 10 under task 1, six of them sharing one cell", () => {
    const form = a.form!;
    expect(form.indicators).toHaveLength(41);
    expect(form.tasks.map((t) => t.number)).toEqual([1, 3, 4, 5, 6]);
    expect(form.tasks.map((t) => t.indicators.length)).toEqual([10, 7, 11, 6, 7]);
    const shared = form.tasks[0].indicators.filter((i) => i.lineCount === 6);
    expect(shared.map((i) => i.name)).toEqual(["采购设施使用率", "改造后公厕正常使用率", "开展大清洁行动次数", "市容环境保洁工作投诉下降率", "干净整洁综合考评档次", "政府采购合规率"]);
    expect(shared.map((i) => i.valueText)).toEqual(["100%", "100%", "51", "≥10%", "A档", "100%"]);
    expect(new Set(shared.map((i) => addressToA1(i.nameCell)))).toEqual(new Set(["E12"]));
  });

  it("keeps the rows after a page break with their task", () => {
    const form = a.form!;
    expect(form.tasks[0].indicators.slice(6).map((i) => i.name)).toEqual(["垃圾分类宣传活动场次", "垃圾分类报道篇次", "查处违章工地率", "工地运输途经道路冲洗率"]);
    expect(form.tasks[0].goal?.text).toContain("做到环卫工作确保良好的环境卫生水平");
    const last = form.tasks[4].indicators[6];
    expect(last.name).toBe("生活垃圾自觉分类率");
    expect(last.taskNumber).toBe(6);
  });

  it("reads each task's funds", () => {
    expect(a.form!.tasks.map((t) => t.fundTotal)).toEqual([4213.52, 1452.11, 1028.02, 339.34, 2216.11]);
  });

  it("confirms the three derived values and does not flag them", () => {
    expect(a.derived.map((d) => [d.derivation.id, addressToA1(d.cell), d.display, d.status])).toEqual([
      ["adjustment", "G6", "-10,145.17", "ok"],
      ["completionRate", "D8", "100.00%", "ok"],
      ["adjustmentRate", "G8", "-35.58%", "ok"],
    ]);
    expect(a.findings.filter((f) => f.section === "funding")).toEqual([]);
    expect(a.derivedPatch.changes).toEqual([]);
  });

  it("reports the missing task 2", () => {
    const gap = a.findings.filter((f) => f.rule === "task-numbering");
    expect(gap).toHaveLength(1);
    expect(addressToA1(gap[0].cell)).toBe("A18");
    expect(gap[0].message).toContain("缺少第 2 项");
  });

  it("reports every 完成情况 that holds a target instead of a result", () => {
    const targets = a.findings.filter((f) => f.rule === "indicator-value-is-target");
    expect(targets.map((f) => `${addressToA1(f.cell)} ${f.quote}`)).toEqual([
      "F12 ≥10%",
      "F16 90%以上",
      "F18 ≥5%",
      "F24 ≥5%",
      "F34 ≥5%",
      "F35 ≥90%",
      "F40 ≥85%",
      "F41 平均每座公厕≤2次",
      "F46 ≥90%",
      "F49 ≥90%",
    ]);
  });

  it("has no error-level finding and nothing else to say about its structure", () => {
    expect(a.findings.filter((f) => f.severity === "error")).toEqual([]);
    const structural = new Set(DEPARTMENT_RULES.map((r) => r.meta.id));
    expect(new Set(a.findings.filter((f) => structural.has(f.rule)).map((f) => f.rule))).toEqual(new Set(["task-numbering", "indicator-value-is-target"]));
  });

  it("reads the narrative sections from their cells", () => {
    const form = a.form!;
    expect(form.keyProject?.text.startsWith("“质量监测中心运行经费”项目绩效自评报告")).toBe(true);
    expect(form.problems?.raw).toContain("<p>(一) 需提高思想政治理论水平");
    expect(form.problems?.text).not.toContain("<p>");
    expect(form.measures?.text).toContain("(六) 推进城市管理改革创新");
    expect(form.goals.expected?.text).toContain("(一) 继续深入推进垃圾分类");
    expect(form.goals.achieved?.text).toContain("累计立案处罚2577宗");
    expect(form.overall?.text).toContain("74.892万辆");
  });
});
