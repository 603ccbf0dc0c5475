import { forgetTexts, memoByText } from "../../src/engine/text/memo";
import { analyze } from "../../src/engine";
import { readWorkbookFile, snapshotWorkbook } from "../../src/hosts/xlsx/xlsxHost";
import * as path from "path";

/** A memo over a counting function, so each test can see when the function really ran. */
function counted(size: number, minLength = 0) {
  const calls: string[] = [];
  const fn = memoByText((t: string) => {
    calls.push(t);
    return { length: t.length };
  }, size, minLength);
  return { fn, calls };
}

describe("memoByText", () => {
  beforeEach(() => forgetTexts());

  test("a text read twice is worked out once, and both readers get the same result", () => {
    const { fn, calls } = counted(8);
    const a = fn("存在问题：绩效目标设置不够细化");
    const b = fn("存在问题：绩效目标设置不够细化");
    expect(a).toBe(b);
    expect(calls).toHaveLength(1);
  });

  test("texts shorter than minLength are not remembered", () => {
    const { fn, calls } = counted(8, 10);
    fn("短句");
    fn("短句");
    expect(calls).toEqual(["短句", "短句"]);
  });

  test("a full memo starts over rather than growing past its size", () => {
    const { fn, calls } = counted(2);
    fn("甲");
    fn("乙");
    fn("丙"); // the third text starts a fresh table holding only itself
    fn("丙");
    fn("甲");
    expect(calls).toEqual(["甲", "乙", "丙", "甲"]);
  });

  test("forgetTexts forgets every memo, and results stay correct afterwards", () => {
    const one = counted(8);
    const two = counted(8);
    one.fn("一、加强预算管理");
    two.fn("二、完善绩效目标");
    forgetTexts();
    expect(one.fn("一、加强预算管理")).toEqual({ length: 8 });
    two.fn("二、完善绩效目标");
    expect(one.calls).toHaveLength(2);
    expect(two.calls).toHaveLength(2);
  });
});

describe("analyze forgets each form's texts", () => {
  test("a form analyzed again, after another text was remembered, gives the same findings and patch", async () => {
    const file = path.join(__dirname, "../../examples/2021-天河区城管局-部门整体支出绩效自评表.xlsx");
    const snapshot = snapshotWorkbook(await readWorkbookFile(file));
    const { fn, calls } = counted(8);
    fn("上一张表的文字");
    const first = analyze(snapshot);
    fn("上一张表的文字"); // analyze() forgot it: worked out again
    expect(calls).toHaveLength(2);
    fn("另一张表的文字");
    const second = analyze(snapshot);
    expect(second.findings.map((f) => [f.rule, f.cell, f.message])).toEqual(first.findings.map((f) => [f.rule, f.cell, f.message]));
    expect(second.patch).toEqual(first.patch);
  });
});
