import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  CONSOLIDATION_RULES,
  Finding,
  addressToA1,
  analyze,
  applyPatchToSnapshot,
  checkConsolidation,
  formatMessage,
} from "../../src/engine";
import { buildForm, validSpec, withSpec } from "../helpers/formBuilder";
import { nationalSpec, projectForm } from "../helpers/projectBuilder";
import { ALL_UNITS, FIXTURES, GOOD_UNITS, GZ, GZH, analysisOf, snapshotOf, unitsOf } from "./helpers";

const at = (f: Finding) => `${f.rule} ${f.messageId} ${addressToA1(f.cell)} ${f.severity}`;
const writes = (fs: Finding[]) => Object.fromEntries(fs.flatMap((f) => f.fix ?? []).map((c) => [addressToA1(c.cell), c.value]));

describe("the fixtures", () => {
  it("are what scripts/make-consolidation-fixtures.js writes, byte for byte", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { makeFixtures } = require("../../scripts/make-consolidation-fixtures.js") as { makeFixtures: (dir: string) => Promise<string> };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-cons-"));
    try {
      await makeFixtures(dir);
      const list = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(path.join(d, e.name)).map((f) => path.join(e.name, f)) : [e.name]));
      const made = list(dir).sort();
      expect(made).toEqual(list(FIXTURES).sort());
      for (const f of made) expect(fs.readFileSync(path.join(dir, f)).equals(fs.readFileSync(path.join(FIXTURES, f)))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("hold a 一级预算部门 in two layouts, each unit's own derived cells consistent", () => {
    for (const name of GOOD_UNITS) {
      const a = analysisOf(path.join(GZ, "units", name));
      expect(a.form ?? a.projects[0]).toBeDefined();
      expect(a.findings.filter((f) => f.rule === "derived-value" || f.rule === "project-computed" && f.severity === "error" && /执行率|资金/.test(f.message))).toEqual([]);
    }
    expect(analysisOf(path.join(GZ, "units", "03-监控指挥中心.xlsx")).projects[0].form.layout).toBe("generic-department");
    expect(analysisOf(path.join(GZ, "units", "01-本级.xlsx")).form?.template).toBe("department");
  });
});

describe("checkConsolidation: 广州 汇总 of 本级 and two 下属单位 in two layouts", () => {
  const total = analysisOf(path.join(GZ, "汇总.xlsx"));
  const r = checkConsolidation(total, unitsOf(path.join(GZ, "units"), GOOD_UNITS));

  it("counts the three units, with no unit problem", () => {
    expect(r.units.map((u) => [u.file, u.name, u.year])).toEqual([
      ["01-本级.xlsx", "广州市天河区城市管理和综合执法局（本级）", 2021],
      ["02-环境卫生管理所.xlsx", "广州市天河区环境卫生管理所", 2021],
      ["03-监控指挥中心.xlsx", "广州市天河区城市管理监控指挥中心", 2021],
    ]);
    expect(r.units.map((u) => u.form.layout)).toEqual(["guangzhou-department", "guangzhou-department", "generic-department"]);
    expect(r.unitProblems).toEqual([]);
  });

  it("checks each funding figure against the units' sum, in the form's order", () => {
    expect(r.figures.map((c) => [c.figure.label, addressToA1(c.figure.field.cell), c.status, Math.round(c.sum * 100) / 100])).toEqual([
      ["部门调整预算收入", "D5", "mismatch", 22443.96],
      ["部门年初预算收入", "G5", "ok", 32337.27],
      ["实际支出数", "D6", "ok", 22314.53],
      ["其中：一般公共预算", "D7", "unchecked", 18894.27],
    ]);
    // 年初预算 is written 0.01 above the sum: inside 3 units × 0.005.
    expect(r.figures[1].tolerance).toBeCloseTo(0.015, 9);
  });

  it("reports the planted mismatch at the 汇总 cell, with the sum, each unit's figure and file, and the fix", () => {
    // Errors first, then 提示 (the engine's one order: sortFindings).
    expect(r.findings.map(at)).toEqual([
      "consolidation-sum mismatch D5 error",
      "consolidation-derived mismatch G6 error",
      "consolidation-derived mismatch D8 error",
      "consolidation-derived mismatch G8 error",
      "consolidation-sum unchecked D7 warning",
    ]);
    const d5 = r.findings[0];
    expect(d5.data).toMatchObject({ name: "「部门调整预算收入」", written: "22,343.96 万元", sum: "22,443.96 万元", diff: "100.00 万元", count: 3, withheld: "" });
    for (const part of ["广州市天河区城市管理和综合执法局（本级） 18,372.10（01-本级.xlsx D5）", "广州市天河区环境卫生管理所 3,215.46（02-环境卫生管理所.xlsx D5）", "广州市天河区城市管理监控指挥中心 856.40（03-监控指挥中心.xlsx D5）"]) {
      expect(d5.message).toContain(part);
    }
    expect(d5.section).toBe("funding");
    expect(d5.fix).toEqual([{ cell: { sheet: 0, row: 4, col: 3 }, expected: { value: 22343.96, formula: undefined }, value: 22443.96, numFmt: undefined, source: "consolidation-sum" }]);
  });

  it("says which unit lacks a figure its layout does not have, and offers no fix for it", () => {
    const d7 = r.findings[4];
    expect(d7.message).toContain("广州市天河区城市管理监控指挥中心（03-监控指挥中心.xlsx）的表中没有这一项");
    expect(d7.data).toMatchObject({ sum: "18,894.27 万元", written: "19,500.00 万元" });
    expect(d7.fix).toBeUndefined();
  });

  it("recomputes the derived cells from the sums, as constants in the cells' own kind", () => {
    const derived = r.findings.filter((f) => f.rule === "consolidation-derived");
    expect(writes(derived)).toEqual({ G6: -9893.32, D8: 0.9942, G8: -0.3059 });
    expect(derived.map((f) => f.data)).toEqual([
      expect.objectContaining({ name: "「年度预算调整数」", expected: "-9,893.32", written: "-9993.32" }),
      expect.objectContaining({ name: "「预算完成率」", expected: "99.42%", written: "99.87%" }),
      expect.objectContaining({ name: "「预算调整率」", expected: "-30.59%", written: "-30.90%" }),
    ]);
  });

  it("fills every message from its rule's templates (the engine's one rule contract)", () => {
    for (const f of r.findings) {
      const rule = CONSOLIDATION_RULES.find((x) => x.meta.id === f.rule)!;
      expect(rule).toBeDefined();
      expect(f.message).toBe(formatMessage((rule.meta.messages as Record<string, string>)[f.messageId], f.data));
      expect(f.message).not.toMatch(/\{\{/);
    }
  });

  it("leaves nothing to fix once its patch is applied", () => {
    const fixed = applyPatchToSnapshot(total.snapshot, r.patch);
    expect(fixed.skipped).toEqual([]);
    expect(fixed.applied.map((a) => addressToA1(a.change.cell))).toEqual(["D5", "G6", "D8", "G8"]);
    const again = checkConsolidation(analyze(fixed.snapshot), unitsOf(path.join(GZ, "units"), GOOD_UNITS));
    expect(again.findings.map(at)).toEqual(["consolidation-sum unchecked D7 warning"]);
    // The form's own rules agree with the new figures.
    expect(analyze(fixed.snapshot).findings.filter((f) => f.rule === "derived-value")).toEqual([]);
  });
});

describe("checkConsolidation: unit files that cannot be counted", () => {
  const total = analysisOf(path.join(GZ, "汇总.xlsx"));
  const r = checkConsolidation(total, [...unitsOf(path.join(GZ, "units"), ALL_UNITS), { file: "07-损坏.xlsx", error: "「07-损坏.xlsx」已损坏或不完整，无法打开。" }]);

  it("says each by file: another year, no form, the same unit twice, unreadable", () => {
    expect(r.unitProblems.map((p) => [p.file, p.kind, p.severity, p.excluded])).toEqual([
      ["04-市政设施维护中心-2020.xlsx", "other-year", "error", true],
      ["05-通讯录.xlsx", "no-form", "error", true],
      ["06-环境卫生管理所-副本.xlsx", "duplicate-name", "error", true],
      ["07-损坏.xlsx", "unreadable", "error", true],
    ]);
    expect(r.unitProblems[0].message).toBe("「04-市政设施维护中心-2020.xlsx」（广州市天河区市政设施维护中心）是 2020 年度的表，汇总的是 2021 年度，未计入汇总");
    expect(r.unitProblems[1].message).toMatch(/^「05-通讯录\.xlsx」中没有找到自评表，未计入汇总（/);
    expect(r.unitProblems[2].message).toContain("与「02-环境卫生管理所.xlsx」相同");
    expect(r.unitProblems[3].message).toContain("已损坏或不完整");
    for (const p of r.unitProblems) expect(p.message).not.toMatch(/Error|at \w+ \(|undefined/);
  });

  it("still counts the good units, and withholds the fix: the sum may be incomplete", () => {
    expect(r.units.map((u) => u.file)).toEqual(GOOD_UNITS);
    const d5 = r.findings.find((f) => addressToA1(f.cell) === "D5")!;
    expect(d5.messageId).toBe("mismatch");
    expect(d5.fix).toBeUndefined();
    expect(d5.message).toContain("有 4 个单位文件未能计入（04-市政设施维护中心-2020.xlsx、05-通讯录.xlsx、06-环境卫生管理所-副本.xlsx、07-损坏.xlsx），合计可能不全，未给出修正");
    expect(r.patch.changes).toEqual([]);
    expect(r.findings.filter((f) => f.rule === "consolidation-derived")).toEqual([]);
  });
});

describe("checkConsolidation: a 汇总 in the 贵州 layout (基本支出 / 项目支出 rows)", () => {
  const total = analysisOf(path.join(GZH, "汇总.xlsx"));
  const r = checkConsolidation(total, unitsOf(path.join(GZH, "units"), ["01-本级.xlsx", "02-农业服务中心.xlsx"]));

  it("checks every row and column of the budget block", () => {
    expect(r.figures.map((c) => `${c.figure.key} ${addressToA1(c.figure.field.cell)} ${c.status}`)).toEqual([
      "total.initial C5 ok",
      "total.actual D5 ok",
      "basic.initial C6 ok",
      "basic.actual D6 ok",
      "project.initial C7 mismatch",
      "project.actual D7 ok",
      "other.initial C8 ok",
      "other.actual D8 ok",
    ]);
  });

  it("reports 项目支出·年初预算数 at its cell with the sum as the fix, in the table form's section", () => {
    expect(r.findings.map(at)).toEqual(["consolidation-sum mismatch C7 error"]);
    const f = r.findings[0];
    expect(f.section).toBe("projectFunds");
    expect(f.form).toContain("绥阳县太白镇人民政府");
    expect(f.message).toContain("绥阳县太白镇人民政府（本级） 187.36（01-本级.xlsx C7）；绥阳县太白镇农业服务中心 100.00（02-农业服务中心.xlsx C7）");
    expect(writes(r.findings)).toEqual({ C7: 287.36 });
  });

  it("the fix also mends the 汇总's own total (年度资金总额 = its rows)", () => {
    const own = (s: ReturnType<typeof snapshotOf>) => analyze(s).findings.filter((f) => f.rule === "project-computed" && f.severity === "error").map((f) => addressToA1(f.cell));
    expect(own(total.snapshot)).toContain("C5");
    expect(own(applyPatchToSnapshot(total.snapshot, r.patch).snapshot)).not.toContain("C5");
  });
});

describe("checkConsolidation, case by case (forms built in memory)", () => {
  const unit = (name: string, adjusted: number, initial: number, actual: number, general: number, year = "2022年") =>
    analyze(buildForm(withSpec({ department: name, year, adjusted: { v: adjusted, fmt: "#,##0.00" }, initial: { v: initial, fmt: "#,##0.00" }, actual: { v: actual, fmt: "#,##0.00" }, general: { v: general, fmt: "#,##0.00" }, adjustment: { v: adjusted - initial, fmt: "#,##0.00" }, completionRate: { v: actual / adjusted, fmt: "0.00%" }, adjustmentRate: { v: (adjusted - initial) / initial, fmt: "0.00%" } })));
  const two = () => [
    { file: "a.xlsx", analysis: unit("某局（本级）", 600, 500, 570, 540) },
    { file: "b.xlsx", analysis: unit("某局所属中心", 400, 300, 380, 360) },
  ];
  const totalWith = (patch: Parameters<typeof withSpec>[0]) => analyze(buildForm(withSpec({ department: "某局", ...patch })));
  const statusOf = (r: ReturnType<typeof checkConsolidation>, label: string) => r.figures.find((c) => c.figure.label === label)?.status;

  it("the valid spec adds up against units summing to it", () => {
    const r = checkConsolidation(analyze(buildForm(withSpec({ department: "某局", general: { v: 900, fmt: "#,##0.00" } }))), two());
    expect(r.findings.map(at)).toEqual([]);
    expect(validSpec().adjusted).toEqual({ v: 1000, fmt: "#,##0.00" });
  });

  it("allows each unit's rounding: 2 units × 0.005 = 0.01, not 0.011", () => {
    expect(statusOf(checkConsolidation(totalWith({ adjusted: { v: 1000.01, fmt: "#,##0.00" } }), two()), "部门调整预算收入")).toBe("ok");
    expect(statusOf(checkConsolidation(totalWith({ adjusted: { v: 999.99, fmt: "#,##0.00" } }), two()), "部门调整预算收入")).toBe("ok");
    expect(statusOf(checkConsolidation(totalWith({ adjusted: { v: 1000.011, fmt: "#,##0.00" } }), two()), "部门调整预算收入")).toBe("mismatch");
    const three = [...two(), { file: "c.xlsx", analysis: unit("某局另一中心", 0, 0, 0, 0) }];
    expect(statusOf(checkConsolidation(totalWith({ adjusted: { v: 1000.015, fmt: "#,##0.00" } }), three), "部门调整预算收入")).toBe("ok");
  });

  it("fills an empty figure with the sum, with a number format", () => {
    const r = checkConsolidation(totalWith({ general: null }), two());
    const f = r.findings.find((x) => addressToA1(x.cell) === "D6");
    expect(f?.messageId).toBe("empty");
    expect(f?.fix?.[0]).toMatchObject({ value: 900, numFmt: "#,##0.00", expected: { value: null } });
  });

  it("keeps a figure written as text in text, as the form writes it", () => {
    const r = checkConsolidation(totalWith({ adjusted: "1,100.00" }), two());
    const f = r.findings.find((x) => x.rule === "consolidation-sum" && addressToA1(x.cell) === "D4")!;
    expect(f.messageId).toBe("mismatch");
    expect(f.fix?.[0]).toMatchObject({ value: "1,000.00", expected: { value: "1,100.00" } });
  });

  it("reports a figure that is not an amount", () => {
    const r = checkConsolidation(totalWith({ adjusted: "见附表" }), two());
    const f = r.findings.find((x) => x.rule === "consolidation-sum" && addressToA1(x.cell) === "D4")!;
    expect(f.messageId).toBe("notNumber");
    expect(f.data).toMatchObject({ text: "见附表", sum: "1,000.00 万元" });
  });

  it("offers no fix for a formula cell: its references are what to check", () => {
    const r = checkConsolidation(totalWith({ adjusted: { v: 1100, f: "D5+100", fmt: "#,##0.00" } }), two());
    const f = r.findings.find((x) => x.rule === "consolidation-sum" && addressToA1(x.cell) === "D4")!;
    expect(f.messageId).toBe("mismatch");
    expect(f.fix).toBeUndefined();
    expect(f.message).toContain("此格是公式（=D5+100）");
  });

  it("leaves a derived cell holding a right formula alone: it follows the fixed figure", () => {
    const total = totalWith({ adjusted: { v: 1100, fmt: "#,##0.00" }, adjustment: { v: 300, f: "ROUND(D4-G4,2)", fmt: "#,##0.00" }, completionRate: { v: 0.8636, f: "ROUND(D5/D4,4)", fmt: "0.00%" } });
    const r = checkConsolidation(total, two());
    expect(r.findings.map(at)).toEqual(["consolidation-sum mismatch D4 error"]);
    // 预算调整率 (a constant 25.00%) is wrong for the form's own 1,100 and right for the sum: the form's rule says the first.
    expect(total.findings.filter((f) => f.rule === "derived-value").map((f) => addressToA1(f.cell))).toEqual(["G7"]);
  });

  it("reports a constant derived cell that the sums move, with its fix", () => {
    const r = checkConsolidation(totalWith({ adjusted: { v: 1100, fmt: "#,##0.00" }, adjustment: { v: 300, fmt: "#,##0.00" }, completionRate: { v: 950 / 1100, fmt: "0.00%" }, adjustmentRate: { v: 300 / 800, fmt: "0.00%" } }), two());
    expect(r.findings.map(at)).toEqual(["consolidation-sum mismatch D4 error", "consolidation-derived mismatch G5 error", "consolidation-derived mismatch D7 error", "consolidation-derived mismatch G7 error"]);
    expect(writes(r.findings)).toEqual({ D4: 1000, G5: 200, D7: 0.95, G7: 0.25 });
  });

  it("says when the 汇总 names another year than every unit", () => {
    const r = checkConsolidation(totalWith({ year: "2021年" }), two());
    expect(r.findings.map(at)).toEqual(["consolidation-year differs G3 error"]);
    expect(r.findings[0].message).toBe("汇总表的被评价年度为 2021 年，各单位的表都是 2022 年：请核对汇总表的年度");
    expect(r.unitProblems).toEqual([]);
  });

  it("says when the 汇总 names no year, with the units' year", () => {
    const r = checkConsolidation(totalWith({ year: "" }), two());
    expect(r.findings.map(at)).toContain("consolidation-year missing G3 error");
    expect(r.findings.find((f) => f.rule === "consolidation-year")!.message).toBe("汇总表没有写被评价年度（各单位的表为 2022 年）");
  });

  it("leaves out a unit of another year, and a copy of the 汇总 itself", () => {
    const units = [...two(), { file: "c.xlsx", analysis: unit("某局所属站", 10, 10, 10, 10, "2021年") }, { file: "d.xlsx", analysis: totalWith({}) }];
    const r = checkConsolidation(totalWith({}), units);
    expect(r.unitProblems.map((p) => [p.file, p.kind])).toEqual([
      ["c.xlsx", "other-year"],
      ["d.xlsx", "same-as-total"],
    ]);
    expect(r.units.map((u) => u.file)).toEqual(["a.xlsx", "b.xlsx"]);
  });

  it("counts a unit that names no year or no unit, with a warning to check it", () => {
    const r = checkConsolidation(totalWith({}), [{ file: "a.xlsx", analysis: unit("某局（本级）", 600, 500, 570, 540, "") }, { file: "b.xlsx", analysis: unit("", 400, 300, 380, 360) }]);
    expect(r.unitProblems.map((p) => [p.file, p.kind, p.excluded])).toEqual([
      ["a.xlsx", "no-year", false],
      ["b.xlsx", "no-name", false],
    ]);
    expect(r.units).toHaveLength(2);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("tells a 项目支出 form apart from the 部门整体 forms it is summed with", () => {
    const r = checkConsolidation(totalWith({}), [...two(), { file: "p.xlsx", analysis: analyze(projectForm(nationalSpec)) }]);
    expect(r.unitProblems.map((p) => [p.file, p.kind])).toEqual([["p.xlsx", "wrong-kind"]]);
    expect(r.unitProblems[0].message).toBe("「p.xlsx」中是项目支出绩效自评表，不是部门整体支出绩效自评表，未计入汇总");
  });

  it("sums 项目支出 forms by row and column: 年度资金总额, 财政拨款, 上年结转, 其他资金", () => {
    const part = (name: string, k: number) => analyze(projectForm(nationalSpec, (s) => {
      s.name = name;
      s.funds = [
        ["年度资金总额", 100 * k, 120 * k, 114 * k, 10, { v: 0.95, fmt: "0.00%" }, 9.5],
        ["其中：当年财政拨款", 100 * k, 110 * k, 104 * k],
        ["上年结转资金", 0, 10 * k, 10 * k],
        ["其他资金", 0, 0, 0],
      ];
    }));
    const total = analyze(projectForm(nationalSpec, (s) => {
      s.name = "质量监测中心运行经费（汇总）";
      s.funds = [
        ["年度资金总额", 300, 360, 342, 10, { v: 0.95, fmt: "0.00%" }, 9.5],
        ["其中：当年财政拨款", 300, 330, 302],
        ["上年结转资金", 0, 30, 30],
        ["其他资金", 0, 0, 0],
      ];
    }));
    const r = checkConsolidation(total, [{ file: "a.xlsx", analysis: part("质量监测中心运行经费（一）", 1) }, { file: "b.xlsx", analysis: part("质量监测中心运行经费（二）", 2) }]);
    expect(r.figures).toHaveLength(12);
    // 其中：当年财政拨款·全年执行数 written 302, the units' 104 + 208.
    expect(r.findings.map(at)).toEqual(["consolidation-sum mismatch E6 error"]);
    expect(r.findings[0].data).toMatchObject({ name: "「其中：当年财政拨款·全年执行数」" });
    expect(writes(r.findings)).toEqual({ E6: 312 });
  });

  it("says why when the 汇总 workbook holds no form", () => {
    const r = checkConsolidation(analyze({ sheets: [{ name: "Sheet1", cells: [[{ v: "通讯录" }]], merges: [] }] }), two());
    expect(r.total).toBeUndefined();
    expect(r.reason).toMatch(/^未找到/);
    expect(r.findings).toEqual([]);
  });
});
