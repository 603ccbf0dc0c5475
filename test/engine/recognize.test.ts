import { analyze, addressToA1, recognize, WorkbookSnapshot } from "../../src/engine";
import { buildForm, buildSheet, otherSheet, validSpec, withSpec } from "../helpers/formBuilder";

/** The rules' verdicts on a form, as "cell rule" lines, for comparing layouts. */
function verdicts(snapshot: WorkbookSnapshot): string[] {
  const a = analyze(snapshot);
  expect(a.form).toBeDefined();
  return a.findings.map((f) => `${f.rule} ${f.message}`);
}

/** A form with something to find: a wrong derived value, a target as a result, a numbering gap. */
const flawed = () =>
  withSpec({
    adjustment: { v: 100, fmt: "#,##0.00" },
    tasks: [
      { number: 1, name: "做好环卫保洁工作", fund: 400, rows: [["市容环境卫生满意度", "≥85%"], ["新建公厕数", "10"]] },
      { number: 3, name: "执行城管执法工作", fund: 300, rows: [["立案处罚宗数", "2577"]] },
    ],
  });

describe("recognition by labels", () => {
  const baseline = verdicts(buildForm(flawed()));

  it("finds the flaws on the baseline layout", () => {
    expect(baseline.map((v) => v.split(" ")[0])).toEqual(["derived-value", "indicator-value-is-target", "task-numbering"]);
  });

  it("finds the form shifted down and right", () => {
    const snap = buildForm({ ...flawed(), rowOffset: 7, colOffset: 3 });
    expect(verdicts(snap)).toEqual(baseline);
    const a = analyze(snap);
    expect(addressToA1(a.form!.funding.adjustment!.cell)).toBe("J12");
  });

  it("reads labels with units, colons, full-width forms, stray spaces and line breaks", () => {
    const spec = {
      ...flawed(),
      labels: {
        department: "部门名称：",
        year: "被评价年度：",
        adjusted: "部门调整预算收入（万元）：",
        initial: "部门年初预算收入(万元)",
        actual: "实际支出数（万元）",
        adjustment: "年度预算\n调整数",
        general: "其中:一般公共预算",
        completionRate: " 预算完成率 ",
        adjustmentRate: "预算调整率（%）",
        indicatorHeader: "关 键 指 标",
        valueHeader: "指标完成情况：",
        fundHeader: "任务涉及资金（万元）",
        problems: "存在问题：",
        measures: "改进措施或下一步计划：",
      },
    };
    expect(verdicts(buildForm(spec))).toEqual(baseline);
  });

  it("reads figures typed as text", () => {
    const spec = { ...flawed(), adjusted: "1,000.00", initial: "800.00", actual: "950.00", adjustment: "100.00", general: "900.00", completionRate: "95.00%", adjustmentRate: "25.00%" };
    const a = analyze(buildForm(spec));
    expect(a.form!.funding.adjustedBudget!.quantity.value).toBe(1000);
    expect(a.findings.map((f) => f.rule)).toEqual(["derived-value", "indicator-value-is-target", "task-numbering"]);
    // The fixes are text, in the style the form already uses.
    expect(a.patch.changes.map((c) => c.value)).toEqual(["200.00"]);
  });

  it("accepts derived cells holding correct formulas", () => {
    const spec = withSpec({
      adjustment: { v: 200, f: "D4-G4", fmt: "#,##0.00" },
      completionRate: { v: 0.95, f: "D5/D4", fmt: "0.00%" },
      adjustmentRate: { v: 0.25, f: "ROUND(G5/G4,4)", fmt: "0.00%" },
    });
    const a = analyze(buildForm(spec));
    expect(a.derived.map((d) => d.status)).toEqual(["ok", "ok", "ok"]);
    expect(a.findings).toEqual([]);
  });

  it("finds the form on a second sheet, after a cover sheet", () => {
    const snap = buildForm(flawed(), [otherSheet("封面")]);
    const a = analyze(snap);
    expect(a.form!.sheet).toBe(1);
    expect(a.form!.sheetName).toBe("自评表");
    expect(verdicts(snap)).toEqual(baseline);
    expect(a.recognition.candidates.map((c) => c.sheetName)).toEqual(["封面", "自评表"]);
    expect(a.recognition.candidates[0].confidence).toBeLessThan(0.2);
  });

  it("picks the form among several sheets and honours --sheet", () => {
    const snap: WorkbookSnapshot = { sheets: [otherSheet("说明"), buildSheet({ ...flawed(), sheetName: "2022年" }), buildSheet({ ...validSpec(), sheetName: "2021年" })] };
    expect(recognize(snap).form!.sheetName).toBe("2022年");
    const only = analyze(snap, { sheet: "2021年" });
    expect(only.form!.sheetName).toBe("2021年");
    expect(only.findings).toEqual([]);
    const missing = recognize(snap, { sheet: "2023年" });
    expect(missing.form).toBeUndefined();
    expect(missing.reason).toContain("没有名为「2023年」的工作表");
  });

  it("reads values placed below their labels", () => {
    const a = analyze(buildForm({ ...flawed(), fundingLayout: "below" }));
    expect(a.form!.funding.initialBudget!.quantity.value).toBe(800);
    expect(a.findings.map((f) => f.rule)).toEqual(["derived-value", "indicator-value-is-target", "task-numbering"]);
  });

  it("keeps continuation rows after a page break with their task", () => {
    const spec = withSpec({
      tasks: [
        { number: 1, name: "做好环卫保洁工作", fund: 400, pageBreakBefore: 2, rows: [["采购设施使用率", "100%"], ["新建公厕数", "10"], ["改造公厕数", "11"], ["疫苗接种率", "99%"]] },
        { number: 2, name: "执行城管执法工作", fund: 300, rows: [["立案处罚宗数", "2577"]] },
      ],
    });
    const a = analyze(buildForm(spec));
    expect(a.form!.tasks.map((t) => t.indicators.map((i) => i.name))).toEqual([["采购设施使用率", "新建公厕数", "改造公厕数", "疫苗接种率"], ["立案处罚宗数"]]);
    expect(a.findings).toEqual([]);
  });

  it("says clearly when no sheet holds the form", () => {
    const r = recognize({ sheets: [otherSheet("封面"), otherSheet("目录")] });
    expect(r.form).toBeUndefined();
    expect(r.reason).toMatch(/^未找到部门整体支出绩效自评表/);
    expect(r.reason).toContain("--sheet");
  });

  it("says so for a workbook without sheets", () => {
    expect(recognize({ sheets: [] }).reason).toContain("没有任何工作表");
  });

  it("recognizes a form without its title row", () => {
    const a = analyze(buildForm({ ...validSpec(), title: null }));
    expect(a.form).toBeDefined();
    expect(a.findings).toEqual([]);
  });

  it("reads a value written inline with its label", () => {
    const snap = buildForm(validSpec());
    const sheet = snap.sheets[0];
    // "被评价年度：2022年" in the label cell, the value cell emptied.
    const yearRow = sheet.cells.findIndex((r) => r?.some((c) => c?.v === "被评价年度"));
    const col = sheet.cells[yearRow].findIndex((c) => c?.v === "被评价年度");
    sheet.cells[yearRow][col] = { v: "被评价年度：2023年" };
    sheet.cells[yearRow][col + 1] = undefined;
    const a = analyze(snap);
    expect(a.form!.header.yearNumber).toBe(2023);
  });
});
