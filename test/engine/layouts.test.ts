import * as fs from "fs";
import * as path from "path";
import Ajv2020 from "ajv/dist/2020";
import { BUILT_IN_FAMILIES, LayoutError, analyze, parseLayout, parseLayoutText } from "../../src/engine";
import { countyForm } from "../helpers/countyForm";

const SCHEMA = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "src", "engine", "layout", "layout.schema.json"), "utf8"));
const FAMILIES_DIR = path.join(__dirname, "..", "..", "src", "engine", "layout", "families");
const validate = new Ajv2020({ allErrors: true }).compile(SCHEMA);

/** A small declaration to vary. */
const good = () => ({
  id: "xx-county-special",
  name: "某县专项资金绩效自评表",
  kind: "project",
  match: { title: ["专项资金绩效自评表"] },
  words: { indicatorColumns: { target: ["年度计划值"], actual: ["年度实际完成"] } },
  scoring: { budget: { points: 10 }, indicators: "ratio", qualitativeBands: true, weightTotal: 100, grades: [{ min: 90, grade: "优" }, { min: 0, grade: "差" }] },
});

describe("layout declarations", () => {
  it.each(fs.readdirSync(FAMILIES_DIR))("the built-in %s follows layout.schema.json", (file) => {
    const json = JSON.parse(fs.readFileSync(path.join(FAMILIES_DIR, file), "utf8"));
    expect(validate(json) ? [] : validate.errors).toEqual([]);
  });

  it("has every built-in family under its own id", () => {
    expect(new Set(BUILT_IN_FAMILIES.map((f) => f.id)).size).toBe(BUILT_IN_FAMILIES.length);
  });

  // The schema (for editors) and the checks ZiPing runs agree on each case; ZiPing's message names the field.
  it.each([
    ["a good one", (d: Record<string, unknown>) => d, undefined],
    ["no id", (d: Record<string, unknown>) => ({ ...d, id: undefined }), "「id」缺少"],
    ["an id with capitals", (d: Record<string, unknown>) => ({ ...d, id: "XX" }), "「id」应为小写字母"],
    ["an unknown kind", (d: Record<string, unknown>) => ({ ...d, kind: "部门" }), "「kind」应为"],
    ["an unknown column", (d: Record<string, unknown>) => ({ ...d, match: { columns: ["indicators.计划值"] } }), "「match.columns」中的「indicators.计划值」不认识"],
    ["words for an unknown column", (d: Record<string, unknown>) => ({ ...d, words: { indicatorColumns: { plan: ["计划"] } } }), "「words.indicatorColumns.plan」不认识"],
    ["an empty word list", (d: Record<string, unknown>) => ({ ...d, words: { indicatorColumns: { target: [] } } }), "「words.indicatorColumns.target」应为非空文字的列表"],
    ["negative budget points", (d: Record<string, unknown>) => ({ ...d, scoring: { ...(d.scoring as object), budget: { points: -1 } } }), "「scoring.budget」应为 null"],
    ["no budget scheme", (d: Record<string, unknown>) => ({ ...d, scoring: { indicators: "ratio" } }), "「scoring.budget」缺少"],
    ["an unknown scoring scheme", (d: Record<string, unknown>) => ({ ...d, scoring: { ...(d.scoring as object), indicators: "比例" } }), "「scoring.indicators」应为"],
    ["grades out of order", (d: Record<string, unknown>) => ({ ...d, scoring: { ...(d.scoring as object), grades: [{ min: 60, grade: "中" }, { min: 90, grade: "优" }] } }), "「scoring.grades[1]」应按分数下限从高到低排列"],
    ["a misspelt key", (d: Record<string, unknown>) => ({ ...d, scorings: {} }), "「scorings」不认识"],
  ])("%s", (_name, change, message) => {
    const decl = JSON.parse(JSON.stringify(change(good())));
    let error: string | undefined;
    try {
      parseLayout(decl, "本地式样.json");
    } catch (e) {
      expect(e).toBeInstanceOf(LayoutError);
      error = (e as Error).message;
    }
    if (message === undefined) expect(error).toBeUndefined();
    else expect(error).toContain(`本地式样.json：${message}`);
    // Grades out of order are a check the schema cannot express; every other case it agrees on.
    if (_name !== "grades out of order") expect(validate(decl)).toBe(message === undefined);
  });

  it("tells a file that is not JSON, and two families of one id", () => {
    expect(() => parseLayoutText("{ id: 1 ", "a.json")).toThrow(/a\.json：不是有效的 JSON/);
    expect(() => parseLayoutText(JSON.stringify([good(), good()]), "b.json")).toThrow(/「id」"xx-county-special" 出现了两次/);
  });
});

describe("a layout users add", () => {
  const local = countyForm("120公里");

  it("without it, the county's targets and results are not read, and that is said", () => {
    const a = analyze(local);
    expect(a.projects[0].form.indicators.map((i) => [i.target.text, i.actual.text])).toEqual([["", ""], ["", ""], ["", ""]]);
    const f = a.findings.find((x) => x.rule === "block-unread")!;
    expect(f.message).toContain("指标表头中「年度计划值」「年度实际完成」这 2 栏不是认识的栏目，其下内容没有读取");
  });

  it("with it, they are read and scored, and the form is named by its family", () => {
    const [family] = parseLayoutText(JSON.stringify(good()), "本地式样.json");
    const a = analyze(local, { layouts: [family] });
    expect(a.projects[0].form.layout).toBe("xx-county-special");
    expect(a.projects[0].form.indicators.map((i) => i.level3)).toEqual(["养护里程", "通行条件改善", "群众满意度"]);
    expect(a.projects[0].scoring.total).toBe(96);
    expect(a.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});
