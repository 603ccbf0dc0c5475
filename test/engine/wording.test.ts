import ExcelJS from "exceljs";
import { analyze, itemsOfForm, Retriever, adaptText, nextItemNumber, renumber, insertInto, BUILT_IN_TEMPLATES, templateText, emptyLibrary, addToLibrary, parseLibrary, tokenize, DepartmentForm, priorForms } from "../../src/engine";
import { readWorkbookFile, snapshotWorkbook } from "../../src/hosts/xlsx/xlsxHost";
import { EXAMPLE } from "../helpers/example";

/** The seed's 2021 form, and the same department's 2022 form with 存在问题 and 改进措施 still empty. */
async function forms(): Promise<{ prior: DepartmentForm; current: DepartmentForm; wb2022: ExcelJS.Workbook }> {
  const prior = analyze(snapshotWorkbook(await readWorkbookFile(EXAMPLE))).form!;
  const wb2022 = await readWorkbookFile(EXAMPLE);
  const ws = wb2022.worksheets[0];
  ws.getCell("G4").value = "2022年";
  ws.getCell("B52").value = null;
  ws.getCell("B53").value = null;
  return { prior, current: analyze(snapshotWorkbook(wb2022)).form!, wb2022 };
}

describe("the prior-year library", () => {
  it("splits the 2021 form into numbered items by section, with department, year and pairs", async () => {
    const { prior } = await forms();
    const items = itemsOfForm(prior, { file: "2021.xlsx" });
    const count = (s: string) => items.filter((i) => i.section === s).length;
    expect([count("problems"), count("measures"), count("achieved"), count("keyProject")]).toEqual([6, 6, 6, 4]);
    const p = items.filter((i) => i.section === "problems");
    expect(p.map((i) => i.marker)).toEqual(["(一)", "(二)", "(三)", "(四)", "(五)", "(六)"]);
    expect(p.every((i) => i.year === 2021 && i.department === "广州市天河区城市管理和综合执法局（本级）" && i.cell === "B52")).toBe(true);
    // Each problem is paired with the measure that answered it in 2021.
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(p.map((i) => byId.get(i.pair!)!.marker)).toEqual(["(一)", "(二)", "(三)", "(四)", "(五)", "(六)"]);
    expect(byId.get(p[2].pair!)!.text).toContain("不断提升环境卫生保洁水平");
    // Importing the same form twice keeps one copy.
    expect(addToLibrary(addToLibrary(emptyLibrary(), items), items).items).toHaveLength(items.length);
  });

  it("suggests the 2021 items on 垃圾分类, 燃气安全 and 违建 first for 2022, adapted, with their measures", async () => {
    const { prior, current } = await forms();
    const r = new Retriever(itemsOfForm(prior, { file: "2021.xlsx" }));
    const problems = r.suggest(current, "problems", 6);
    const top3 = problems.slice(0, 3).map((s) => s.adapted);
    for (const topic of ["垃圾分类", "燃气安全", "违建"]) expect(top3.some((t) => t.includes(topic))).toBe(true);
    expect(problems[0].adapted.startsWith("(一)")).toBe(true); // numbering continues from the empty section
    for (const s of problems.slice(0, 3)) {
      expect(s.item.year).toBe(2021);
      expect(s.pair).toBeDefined();
      // The measure offered is the one that answered the problem in 2021.
      const topic = ["垃圾分类", "燃气安全", "违建"].find((t) => s.item.text.includes(t))!;
      expect(s.pair!.item.text).toContain(topic);
      expect(s.pair!.item.section).toBe("measures");
    }
    const measures = r.suggest(current, "measures", 6);
    expect(measures.slice(0, 3).some((s) => s.adapted.includes("燃气安全"))).toBe(true);
  });

  it("moves years forward and turns last year's figures into placeholders", async () => {
    const { prior, current } = await forms();
    const r = new Retriever(itemsOfForm(prior));
    const achieved = r.suggest(current, "achieved", 6).map((s) => s.adapted).join("\n");
    expect(achieved).toContain("【待填：2577宗】");
    expect(achieved).toContain("【待填：393.41万平方米】");
    expect(achieved).toContain("2022年依法办理行政许可审批");
    expect(achieved).toContain("已于2022年5月");
    expect(achieved).not.toMatch(/(?<!【待填：)\b2577宗/);
    expect(achieved).not.toContain("2021年");
  });

  it("adapts text: years around the evaluated year move, others stay; placeholders; numbering", () => {
    expect(adaptText("2021年完成2577宗，2020年基数，2015年建成，《方案（2021-2025年）》", 2021, 2022)).toBe("2022年完成【待填：2577宗】，2021年基数，2015年建成，《方案（2022-2025年）》");
    expect(adaptText("明年（2022年）继续推进", 2021, 2022)).toBe("明年（2023年）继续推进");
    expect(adaptText("(二) 今年立案处罚53万余元", 2021, 2022, 4)).toBe("(四) 今年立案处罚【待填：53万余元】");
    expect(renumber("三、存在的主要问题", 5)).toBe("五、存在的主要问题");
    expect(renumber("二是加强监管", 3)).toBe("三是加强监管");
    expect(nextItemNumber("(一) 甲。一是乙；二是丙。\n(二) 丁。")).toBe(3);
    expect(nextItemNumber("")).toBe(1);
  });

  it("finds prior forms on the other sheets of the open workbook", async () => {
    const { wb2022 } = await forms();
    const old = await readWorkbookFile(EXAMPLE);
    const sheet = wb2022.addWorksheet("2021年");
    old.worksheets[0].eachRow({ includeEmpty: false }, (row, r) => row.eachCell({ includeEmpty: false }, (c, col) => (sheet.getCell(r, col).value = c.value)));
    const snap = snapshotWorkbook(wb2022);
    const found = priorForms(snap, 0);
    expect(found.map((f) => [f.sheetName, f.header.yearNumber])).toEqual([["2021年", 2021]]);
  });

  it("reads a library back from its JSON export, and refuses anything else", async () => {
    const { prior } = await forms();
    const lib = addToLibrary(emptyLibrary(), itemsOfForm(prior));
    expect(parseLibrary(JSON.stringify(lib)).items).toHaveLength(lib.items.length);
    expect(() => parseLibrary("{}")).toThrow("不是 ZiPing 措辞库");
    expect(() => parseLibrary("<xml/>")).toThrow("JSON 格式无法解析");
  });

  it("tokenizes Chinese into character bigrams", () => {
    expect(tokenize("垃圾分类 ABC 2021")).toEqual(["垃圾", "圾分", "分类", "abc"]);
  });
});

describe("section templates", () => {
  it("has the key-project report outline, the problem and measure skeletons, and an outline by task", async () => {
    const { current } = await forms();
    const report = templateText(BUILT_IN_TEMPLATES.find((t) => t.id === "key-project-report")!, current);
    for (const h of ["一、基本情况", "（一）项目实施情况", "（二）财政支出情况", "（三）项目管理情况", "（四）项目绩效管理情况", "二、综合评价分析", "三、存在的主要问题", "四、下一步改进措施"]) expect(report).toContain(h);
    const byTask = templateText(BUILT_IN_TEMPLATES.find((t) => t.id === "achieved-by-task")!, current);
    expect(byTask.split("\n")).toHaveLength(5);
    expect(byTask).toContain("（二）执行城管执法工作。");
    expect(BUILT_IN_TEMPLATES.filter((t) => t.section === "problems" || t.section === "measures")).toHaveLength(2);
  });

  it("inserts at the end, at the start, or in place of a section's text", () => {
    expect(insertInto("(一) 甲。", "(二) 乙。", "append")).toBe("(一) 甲。\n(二) 乙。");
    expect(insertInto("(一) 甲。", "标题", "prepend")).toBe("标题\n(一) 甲。");
    expect(insertInto("(一) 甲。", "新", "replace")).toBe("新");
    expect(insertInto("", "新", "append")).toBe("新");
  });
});

describe("where suggestions come from", () => {
  it("offers all of last year's problems when they are few, the department's own earlier years first, others marked", async () => {
    const { prior, current } = await forms();
    const own = itemsOfForm(prior, { file: "2021.xlsx" });
    const sixProblems = own.filter((i) => i.section === "problems");
    expect(sixProblems).toHaveLength(6);
    const other = own.map((i) => ({ ...i, id: `other-${i.id}`, department: "广州市海珠区城市管理和综合执法局", file: "海珠2021.xlsx" }));
    const later = own.map((i) => ({ ...i, id: `later-${i.id}`, year: 2023, file: "2023.xlsx" }));
    const r = new Retriever([...later, ...other, ...own]);
    const problems = r.suggest(current, "problems", 5);
    // All six of the department's own 2021 problems, before anything else, though the limit is five.
    expect(problems.slice(0, 6).map((s) => s.source)).toEqual(Array(6).fill("prior"));
    expect(new Set(problems.slice(0, 6).map((s) => s.item.id))).toEqual(new Set(sixProblems.map((i) => i.id)));
    expect(problems.length).toBe(6);
    const more = r.suggest(current, "problems", 20);
    expect(more.slice(6).map((s) => s.source)).toEqual(expect.arrayContaining(["otherDepartment", "laterYear"]));
    // Other departments' items before a later year's.
    const sources = more.slice(6).map((s) => s.source);
    expect(sources.lastIndexOf("otherDepartment")).toBeLessThan(sources.indexOf("laterYear"));
  });
});
