import { analyze, alreadyHolds, cellPurpose, continueNumbering, insertionRefusal, parseA1, WorkbookSnapshot } from "../../src/engine";
import { exampleSnapshot } from "../helpers/example";
import { buildProjectSheet, sichuanSpec } from "../helpers/projectBuilder";

let seed: WorkbookSnapshot;
beforeAll(async () => {
  seed = await exampleSnapshot();
});

const at = (a1: string, sheet = 0) => ({ ...parseA1(a1)!, sheet });

describe("where inserted text may go", () => {
  it.each([
    ["B52", "prose", "存在问题"],
    ["B53", "prose", "改进措施"],
    ["D5", "figure", "部门调整预算收入"],
    ["B5", "label", "部门调整预算收入"],
    ["C5", "label", "部门调整预算收入"], // inside B5:C5's merge
    ["E5", "label", "部门年初预算收入"],
    ["D8", "derived", "预算完成率"],
    ["C4", "figure", undefined], // the department's name is a field, not a place for prose
  ])("on the seed's form, %s is %s", (a1, kind, name) => {
    const p = cellPurpose(analyze(seed), at(a1));
    expect(p.kind).toBe(kind);
    if (name) expect((p as { name: string }).name).toBe(name);
  });

  it("an empty cell outside the form's fields may take text; a stray text or formula may not", () => {
    const s: WorkbookSnapshot = JSON.parse(JSON.stringify(seed));
    const row = s.sheets[0].cells.length + 2;
    s.sheets[0].cells[row] = [{ v: "备注：以上数据经财务核对" }, { v: 3, f: "1+2" }];
    const a = analyze(s);
    expect(cellPurpose(a, { sheet: 0, row: row + 1, col: 0 }).kind).toBe("empty");
    expect(cellPurpose(a, { sheet: 0, row, col: 0 })).toEqual({ kind: "text", text: "备注：以上数据经财务核对" });
    expect(cellPurpose(a, { sheet: 0, row, col: 1 }).kind).toBe("formula");
  });

  it("on a table form, scores and targets are figures, the total derived, 存在问题 prose", () => {
    const a = analyze({ sheets: [buildProjectSheet({ ...sichuanSpec(), sheetName: "项目" })] });
    const p = a.projects[0].form;
    expect(cellPurpose(a, p.indicators[0].target.cell)).toEqual({ kind: "figure", name: `指标「${p.indicators[0].level3}」的指标值` });
    expect(cellPurpose(a, p.total!.cell).kind).toBe("derived");
    if (p.problems) expect(cellPurpose(a, p.problems.cell).kind).toBe("prose");
  });

  it("says why, in one sentence that tells what to do", () => {
    expect(insertionRefusal({ kind: "figure", name: "部门调整预算收入" }, at("D5"))).toBe("D5 是部门调整预算收入，不写入文字。文字只写入本表的文字栏目（如存在问题、改进措施）或空白单元格；请选中这样的单元格后再插入。");
    expect(insertionRefusal({ kind: "prose", name: "存在问题" }, at("B52"))).toBeUndefined();
    expect(insertionRefusal({ kind: "empty" }, at("H60"))).toBeUndefined();
    expect(insertionRefusal({ kind: "text", text: "部门年初预算收入（万元）合计数" }, at("E5"))).toMatch(/^E5 不是本表的文字栏目（它写着「部门年初预算收入（万元）合计数」）。/);
  });
});

describe("continueNumbering", () => {
  it.each([
    ["（一）甲\n（二）乙", "（一）预算\n（二）目标\n（三）管理", "（三）预算\n（四）目标\n（五）管理"],
    ["(一) 甲\n(二) 乙\n(三) 丙\n(四) 丁\n(五) 戊\n(六) 己", "（一）预算", "（七）预算"],
    ["一、总体\n二、分项", "一、预算\n（一）细项", "三、预算\n（一）细项"],
    ["1.甲\n2.乙", "1.预算", "3.预算"],
    ["", "（一）预算", "（一）预算"],
    ["没有编号的一段话。", "（一）预算", "（一）预算"],
    ["（一）甲", "没有编号的模板", "没有编号的模板"],
  ])("after %j, %j becomes %j", (existing, text, expected) => {
    expect(continueNumbering(text, existing)).toBe(expected);
  });
});

describe("alreadyHolds", () => {
  it("finds the same text again, renumbered or with its placeholders filled", () => {
    const t = "（一）预算编制和执行方面：……\n（二）绩效目标设定和完成方面：……";
    expect(alreadyHolds(`前文。\n(三) 预算编制和执行方面：……\n(四) 绩效目标设定和完成方面：……`, t)).toBe(true);
    expect(alreadyHolds("（一）需全力抓好燃气安全监管。定期组织开展【待填：12】次专项整治。", "（二）需全力抓好燃气安全监管。定期组织开展【待填：8】次专项整治。")).toBe(true);
    expect(alreadyHolds("（一）预算编制不够精细。", t)).toBe(false);
    expect(alreadyHolds("无", "无")).toBe(false); // too short to tell
  });
});
