import { analyze, addressToA1, applyPatchToSnapshot, gradeOf, indicatorScore, qualitativeBand, parseQuantity, WorkbookSnapshot } from "../../src/engine";
import { buildProjectSheet, nationalSpec, sichuanSpec, ProjectSpec } from "../helpers/projectBuilder";
import { buildSheet, validSpec } from "../helpers/formBuilder";

describe("indicator scoring (财预〔2020〕10号)", () => {
  const q = (s: string) => parseQuantity(s).value!;
  it.each([
    ["正向, met", ">=", 20, q("≥50个"), q("52个"), 20],
    ["正向, missed: 40 of 50", ">=", 20, q("≥50个"), q("40个"), 16],
    ["正向, percentages", ">=", 10, q("≥95%"), q("98%"), 10],
    ["正向, 百分比 unit", ">=", 10, q("≥100百分比"), q("90%"), 9],
    ["正向, rounding to 2 places", ">=", 10, 90, 88, 9.78],
    ["反向, within bound", "<=", 10, q("≤90万元"), q("80万元"), 10],
    ["反向, over: 99 against 90", "<=", 10, q("≤90万元"), q("99万元"), 9],
    ["反向, 30 hours against 24", "<=", 20, 24, 30, 15],
    ["反向, at twice the bound", "<=", 10, 90, 180, 0],
    ["反向, over twice", "<=", 10, 2, 5, 0],
    ["等于, A > 0 as 正向", "=", 10, 100, 80, 8],
    ["等于, A = 0 and B = 0", "=", 5, 0, 0, 5],
    ["等于, A = 0 and B > 0", "=", 5, 0, 1, 0],
    ["正向, actual zero", ">=", 10, 5, 0, 0],
  ] as const)("%s", (_n, nature, w, a, b, expected) => {
    expect(indicatorScore(nature, w, a, b)).toBe(expected);
  });

  it.each([
    ["达成", "达成", 0.8, 1],
    ["部分达成", "部分达成", 0.6, 0.8],
    ["基本达成", "部分达成", 0.6, 0.8],
    ["未达成", "未达成", 0, 0.6],
  ])("qualitative band of %s", (text, name, min, max) => {
    expect(qualitativeBand(text)).toEqual({ name, min, max });
  });

  it.each([
    [100, "优"],
    [90, "优"],
    [89.99, "良"],
    [80, "良"],
    [79.5, "中"],
    [60, "中"],
    [59.99, "差"],
  ] as const)("grade of %s is %s", (total, grade) => expect(gradeOf(total)).toBe(grade));
});

function check(spec: ProjectSpec, extra: WorkbookSnapshot["sheets"] = []) {
  const snapshot: WorkbookSnapshot = { sheets: [...extra, buildProjectSheet(spec)] };
  const a = analyze(snapshot);
  return { a, snapshot, lines: a.findings.map((f) => `${addressToA1(f.cell)} ${f.rule} ${f.severity}`) };
}

describe.each([
  ["national", nationalSpec],
  ["Sichuan", sichuanSpec],
] as const)("the %s layout", (_name, make) => {
  it("is recognized and a correct form raises nothing", () => {
    const { a } = check(make());
    expect(a.form).toBeUndefined();
    expect(a.projects).toHaveLength(1);
    expect(a.projects[0].form.layout).toBe(make().layout === "national" ? "national-2019-project" : "sichuan-project");
    expect(a.findings).toEqual([]);
    expect(a.projects[0].scoring.total).toBe(make().total);
    expect(a.projects[0].scoring.grade).toBe("优");
  });

  it("sums the totals row, computes scores, and reaches a fixed point after the fix", () => {
    const spec = make();
    spec.funds![0] = [spec.funds![0][0], 0, 0, 0, ...spec.funds![0].slice(4)] as never; // a totals row left at zero
    const { a, snapshot } = check(spec);
    const errors = a.findings.filter((f) => f.rule === "project-computed");
    expect(errors.map((f) => f.message).join("\n")).toMatch(/应为 (100|200)\.00/);
    const again = analyze(applyPatchToSnapshot(snapshot, a.patch).snapshot);
    expect(again.patch.changes).toEqual([]);
    expect(again.findings.filter((f) => f.rule === "project-computed")).toEqual([]);
  });
});

describe("whole project forms", () => {
  it("a missed target scored full is an error with the computed score as fix", () => {
    const spec = nationalSpec();
    spec.indicators![0] = { ...spec.indicators![0], actual: "40条", score: 20, reason: "道路施工占用" };
    spec.total = 90.28;
    const { a } = check(spec);
    const f = a.findings.find((x) => x.rule === "project-computed" && x.section === "projectIndicators")!;
    expect(f.message).toContain("「巡查道路条数」的得分应为 16.00");
    expect(f.fix![0].value).toBe(16);
    expect(a.findings.some((x) => x.rule === "project-computed" && x.section === "projectScore" && x.message.includes("应为 86.28"))).toBe(true);
  });

  it("a reverse indicator over its bound loses points", () => {
    const spec = nationalSpec();
    spec.indicators![2] = { ...spec.indicators![2], actual: "99元", score: 10, reason: "油价上涨" };
    const { a } = check(spec);
    expect(a.findings.find((x) => x.section === "projectIndicators" && x.rule === "project-computed")!.message).toContain("应为 9.00");
  });

  it("a qualitative score out of its band is an error", () => {
    const spec = nationalSpec();
    spec.indicators![3] = { ...spec.indicators![3], score: 27 }; // 部分达成 allows 18–24 of 30
    spec.total = 96.28;
    const { a } = check(spec);
    const f = a.findings.find((x) => x.rule === "project-qualitative-band")!;
    expect(f.severity).toBe("error");
    expect(f.message).toContain("得分应在 18–24 分之间");
  });

  it("a wrong 总分 and grade are errors with fixes", () => {
    const spec = nationalSpec();
    spec.total = 95;
    spec.grade = "良";
    const { a, snapshot } = check(spec);
    expect(a.findings.map((f) => `${f.rule} ${f.message.slice(0, 14)}`)).toEqual(["project-computed 总分应为 90.28（预算执", "project-grade 总分 90.28 分对应的等"]);
    const fixed = analyze(applyPatchToSnapshot(snapshot, a.patch).snapshot);
    expect(fixed.findings).toEqual([]);
  });

  it("weights that do not add up to 100 and a missing 满意度 indicator", () => {
    const spec = nationalSpec();
    spec.indicators = spec.indicators!.slice(0, 4);
    spec.total = 80.5;
    const { a } = check(spec);
    expect(a.findings.map((f) => `${f.rule} ${f.severity} ${f.message}`)).toEqual(expect.arrayContaining([
      "project-weights error 预算执行与各绩效指标的分值合计为 90 分，应为 100 分",
      "project-weights warning 绩效指标中没有「满意度」类三级指标",
    ]));
  });

  it("asks for the reasons the forms require", () => {
    const spec = sichuanSpec();
    spec.funds![0] = ["总额", 200, 250, 190, 10, "76.00%", 7.6, ""];
    spec.funds![1] = ["财政资金", 200, 250, 190];
    spec.indicators![1] = { ...spec.indicators![1], reason: "" };
    spec.total = 89.1;
    spec.grade = "良";
    const { a } = check(spec);
    expect(a.findings.filter((f) => f.rule === "project-explanations").map((f) => f.message)).toEqual([
      "预算执行率为 76.00%，低于 90%，请说明原因",
      "年初预算 200.00 万元调整为 250.00 万元，年中预算调整应单独说明理由",
      "指标「投诉处理时限」未完成目标（目标 24，实际 30），请填写偏差原因分析及改进措施",
    ]);
  });

  it("checks every project form of a workbook beside the department form", () => {
    const snapshot: WorkbookSnapshot = { sheets: [buildSheet(validSpec()), buildProjectSheet({ ...nationalSpec(), sheetName: "项目一" }), buildProjectSheet({ ...sichuanSpec(), sheetName: "项目二", total: 80 })] };
    const a = analyze(snapshot);
    expect(a.form?.sheetName).toBe("自评表");
    expect(a.projects.map((p) => p.form.sheetName)).toEqual(["项目一", "项目二"]);
    expect(a.findings.map((f) => f.form)).toEqual(["项目支出绩效自评表「城市道路清扫保洁项目」（工作表「项目二」）"]);
    expect(a.findings[0].message).toContain("合计应为 91.50（");
  });

  it("finds the form shifted down with figures typed as text", () => {
    const spec = nationalSpec();
    spec.rowOffset = 4;
    spec.funds![0] = ["年度资金总额", "100.00", "120.00", "114.00", "10", "95.00%", "9.50"];
    const { a } = check(spec);
    expect(a.projects[0].scoring.total).toBe(90.28);
    expect(a.findings).toEqual([]);
  });
});
