import { analyze, addressToA1, applyPatchToSnapshot } from "../../src/engine";
import { buildForm, validSpec, withSpec } from "../helpers/formBuilder";

// validSpec: 调整 D4 = 1000, 年初 G4 = 800, 实际 D5 = 950, 调整数 G5 = 200, 一般公共预算 D6, 完成率 D7, 调整率 G7.
const messages = (a: ReturnType<typeof analyze>) => a.findings.map((f) => `${addressToA1(f.cell)} ${f.rule} ${f.message}`);

describe("the 广州-style department form in other wording", () => {
  const variant = { adjusted: "调整后预算数", initial: "年初预算数", actual: "实际支出", completionRate: "预算执行率" };

  it("reads every funding figure when the labels are 年初预算数 / 调整后预算数 / 实际支出 / 预算执行率", () => {
    const a = analyze(buildForm({ ...validSpec(), labels: variant }));
    expect(a.form).toBeDefined();
    expect(Object.keys(a.form!.funding).sort()).toEqual(["actualSpending", "adjustedBudget", "adjustment", "adjustmentRate", "completionRate", "generalBudget", "initialBudget"]);
    expect(a.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("catches a wrong 预算执行率 and says it in the form's own words", () => {
    const a = analyze(buildForm({ ...withSpec({ completionRate: { v: 0.9, fmt: "0.00%" } }), labels: variant }));
    const f = a.findings.find((x) => x.rule === "derived-value")!;
    expect(addressToA1(f.cell)).toBe("D7");
    expect(f.message).toBe("预算执行率应为 95.00%（实际支出 ÷ 调整后预算数），表中填的是「90.00%」");
  });
});

describe("cells right of the form belong to the user", () => {
  /** The form with a 备注 column and figures of the user's own beside it (H and I). */
  function withNotes(adjustment: unknown) {
    const snap = buildForm(withSpec({ adjustment: adjustment as never }));
    const cells = snap.sheets[0].cells;
    for (let r = 3; r <= 6; r++) cells[r][8] = { v: 100 * r };
    cells[4][7] = { v: "备注" };
    cells[4][8] = { v: 1234, f: "SUM(I4:I4)" };
    return snap;
  }

  it("fills an empty 年度预算调整数 in its own cell, never in the note or the user's formula beside it", () => {
    const snap = withNotes(null);
    const a = analyze(snap);
    expect(addressToA1(a.form!.funding.adjustment!.cell)).toBe("G5");
    expect(a.patch.changes.map((c) => addressToA1(c.cell))).toEqual(["G5"]);
    const fixed = applyPatchToSnapshot(snap, a.patch).snapshot.sheets[0].cells;
    expect(fixed[4][7]).toEqual({ v: "备注" });
    expect(fixed[4][8]).toEqual({ v: 1234, f: "SUM(I4:I4)" });
  });
});

describe("a derived cell whose formula reads another derived cell", () => {
  it("is right when its formula is right, though the cell it reads is empty and about to be filled", () => {
    const a = analyze(buildForm(withSpec({ adjustment: null, adjustmentRate: { v: 0, f: "ROUND(G5/G4,4)", fmt: "0.00%" } })));
    expect(messages(a)).toEqual(["G5 derived-value 年度预算调整数未填写，按 调整预算收入 − 年初预算收入 应为 200.00"].map((m) => m.replace("调整预算收入 − 年初预算收入", "部门调整预算收入 − 部门年初预算收入")));
    expect(a.patch.changes.map((c) => addressToA1(c.cell))).toEqual(["G5"]);
  });
});
