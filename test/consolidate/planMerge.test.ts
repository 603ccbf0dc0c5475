import * as path from "path";
import { MergePlan, addressToA1, consolidatedName, planMerge } from "../../src/engine";
import { ALL_UNITS, GOOD_UNITS, GZ, GZH, unitsOf } from "./helpers";

const writesOf = (p: MergePlan) => Object.fromEntries(p.writes.map((w) => [addressToA1(w.cell), w.formula ? `=${w.formula}` : w.value]));

describe("planMerge: a draft 汇总 from the units' forms", () => {
  const plan = planMerge(unitsOf(path.join(GZ, "units"), ALL_UNITS)) as MergePlan;

  it("takes the first unit's layout and the 本级's name without （本级）", () => {
    expect("reason" in plan).toBe(false);
    expect(plan.template).toMatchObject({ file: "01-本级.xlsx", layout: "guangzhou-department", sheetName: "部门整体支出绩效自评表" });
    expect(plan.name).toBe("广州市天河区城市管理和综合执法局");
    expect(plan.year).toBe(2021);
    expect(plan.units.map((u) => u.file)).toEqual(GOOD_UNITS);
    expect(plan.unitProblems.map((p) => p.kind)).toEqual(["other-year", "no-form", "duplicate-name"]);
  });

  it("sums the figures every unit has, leaves blank the one a unit's layout lacks, and makes the derived cells formulas", () => {
    const w = writesOf(plan);
    expect(w).toMatchObject({ D5: 22443.96, G5: 32337.27, D6: 22314.53, D7: null, G6: "=ROUND(D5-G5,2)", D8: "=ROUND(D6/D5,4)", G8: "=ROUND(G6/G5,4)", C4: "广州市天河区城市管理和综合执法局" });
    expect(plan.notCarried).toContain("「其中：一般公共预算」（D7）没有汇总，已留空待填：广州市天河区城市管理监控指挥中心的表中没有这一项");
  });

  it("gathers each prose section under unit headings", () => {
    const problems = plan.writes.find((w) => w.what === "「存在问题」按单位汇集")!;
    expect(addressToA1(problems.cell)).toBe("B52");
    const text = String(problems.value);
    expect(text.startsWith("【广州市天河区城市管理和综合执法局（本级）】\n(一) 需提高思想政治理论水平")).toBe(true);
    expect(text).toContain("\n\n【广州市天河区环境卫生管理所】\n(一)");
    // The 湖南 unit's form has no 存在问题: it gets no heading there.
    expect(text).not.toContain("监控指挥中心");
    const goals = String(plan.writes.find((w) => w.what === "「预期目标」按单位汇集")!.value);
    expect(goals).toContain("【广州市天河区城市管理监控指挥中心】\n目标1:造林1.2万亩");
  });

  it("lists each unit's tasks and indicators under its name, tasks numbered on", () => {
    const body = plan.body!;
    expect([body.firstRow, body.lastRow, body.left, body.right]).toEqual([11, 48, 0, 6]);
    const headings = body.rows.filter((r) => r.kind === "unit").map((r) => r.cells[0]);
    expect(headings.map((c) => [c.value, c.col, c.right])).toEqual([
      ["一、广州市天河区城市管理和综合执法局（本级）", 0, 6],
      ["二、广州市天河区环境卫生管理所", 0, 6],
      ["三、广州市天河区城市管理监控指挥中心", 0, 6],
    ]);
    const numbers = body.rows.flatMap((r) => r.cells.filter((c) => c.col === 0 && r.kind === "item").map((c) => c.value));
    expect(numbers).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]);
    const sixth = body.rows.find((r) => r.cells.some((c) => c.col === 0 && c.value === "6"))!;
    expect(sixth.cells.find((c) => c.col === 1)).toMatchObject({ value: "做好辖区道路清扫保洁", rows: 10 });
    expect(sixth.cells.find((c) => c.col === 6)).toMatchObject({ value: 1264.06, rows: 10 });
    const last = body.rows.find((r) => r.cells.some((c) => c.col === 0 && c.value === "11"))!;
    expect(last.cells.find((c) => c.col === 1)?.value).toBe("【待填：任务名称】");
    expect(last.cells.find((c) => c.col === 4)?.value).toBe("数量指标：造林面积");
    expect(body.rows.filter((r) => r.kind === "item")).toHaveLength(41 + 41 + 10);
  });

  it("says what it could not carry over", () => {
    expect(plan.notCarried.some((n) => n.startsWith("广州市天河区城市管理监控指挥中心（03-监控指挥中心.xlsx）是「部门整体支出绩效自评表（通用表格式样）」"))).toBe(true);
  });

  it("drafts a table-layout 汇总 with its total row as the sum of its rows", () => {
    const p = planMerge(unitsOf(path.join(GZH, "units"), ["01-本级.xlsx", "02-农业服务中心.xlsx"])) as MergePlan;
    expect(writesOf(p)).toMatchObject({ C5: "=SUM(C6:C8)", D5: "=SUM(D6:D8)", C6: 1185.19, D6: 1145.3, C7: 287.36, D7: 235.4, F5: "=ROUND(MIN(D5/C5,1)*E5,2)", B3: "绥阳县太白镇人民政府" });
    expect(p.writes.find((w) => addressToA1(w.cell) === "C5")?.value).toBeCloseTo(1472.55, 9);
  });

  it("says why when no file holds a form", () => {
    const p = planMerge(unitsOf(path.join(GZ, "units"), ["05-通讯录.xlsx"]));
    expect(p).toMatchObject({ reason: "给出的文件中没有一份能读出自评表，无法生成汇总表。" });
  });

  it("names the 一级预算部门 from its 本级, or asks for it", () => {
    expect(consolidatedName([{ name: "某局所属中心" }, { name: "某局（本级）" }])).toBe("某局");
    expect(consolidatedName([{ name: "某局本级" }])).toBe("某局");
    expect(consolidatedName([{ name: "某局所属中心" }])).toBe("【待填：一级预算部门名称】");
  });
});
