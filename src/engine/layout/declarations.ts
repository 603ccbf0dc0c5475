import { FamilyMatch, FamilyWords, GradeBand, LayoutFamily, ScoringScheme } from "./family";
import { BASE_VOCABULARY } from "./vocabulary";
import national2020 from "./families/national-2020-project.json";
import national2019 from "./families/national-2019-project.json";
import sichuan from "./families/sichuan-project.json";
import yunnan from "./families/yunnan-project.json";
import hubei from "./families/hubei-project.json";
import yinchuan from "./families/yinchuan-project.json";
import guizhou from "./families/guizhou-department.json";
import chongqing from "./families/chongqing-department.json";
import evaluation from "./families/department-evaluation.json";
import goals from "./families/goals-only.json";
import genericDepartment from "./families/generic-department.json";
import genericProject from "./families/generic-project.json";
import guangzhou from "./families/guangzhou-department.json";

/** A declaration that is not a layout family, told in Chinese: which field, and what is wrong with it. */
export class LayoutError extends Error {
  override name = "LayoutError";
  constructor(message?: string) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype); // instanceof holds where compiled to ES5 (the classic pane)
  }
}

const KINDS = ["project", "department", "evaluation", "goals"];
const READERS = ["table", "pairs"];
const INDICATOR_SCHEMES = ["ratio", "coefficient", "capped", "none"];
const COLUMN_NAMES = new Set([
  ...Object.keys(BASE_VOCABULARY.fundColumns).map((k) => `budget.${k}`),
  ...Object.keys(BASE_VOCABULARY.indicatorColumns).map((k) => `indicators.${k}`),
]);
const WORD_GROUPS: Record<keyof FamilyWords, string[]> = {
  budgetColumns: Object.keys(BASE_VOCABULARY.fundColumns),
  budgetRows: Object.keys(BASE_VOCABULARY.fundRows),
  indicatorColumns: Object.keys(BASE_VOCABULARY.indicatorColumns),
  fields: Object.keys(BASE_VOCABULARY.fields),
  goals: Object.keys(BASE_VOCABULARY.goals),
};

function fail(where: string, field: string, what: string): never {
  throw new LayoutError(`${where}：「${field}」${what}`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function stringList(v: unknown, where: string, field: string, allowed?: Set<string> | string[]): string[] {
  if (!Array.isArray(v) || v.length === 0 || v.some((x) => typeof x !== "string" || x.trim() === "")) fail(where, field, "应为非空文字的列表，如 [\"年初预算数\", \"全年预算数\"]");
  if (allowed) {
    const ok = allowed instanceof Set ? allowed : new Set(allowed);
    const bad = (v as string[]).find((x) => !ok.has(x));
    if (bad !== undefined) fail(where, field, `中的「${bad}」不认识，可用的有：${[...ok].join("、")}`);
  }
  return v as string[];
}

/**
 * Checks a layout declaration (parsed JSON) and returns it as a family; anything wrong is a
 * LayoutError naming the field. `where` names the file in messages. The checks follow
 * layout.schema.json, which editors can use while writing one.
 */
export function parseLayout(value: unknown, where: string): LayoutFamily {
  if (!isObject(value)) fail(where, "（整个文件）", "应为一个 JSON 对象（{ … }），见 docs/layouts.md 的示例");
  const v = value;
  for (const k of Object.keys(v)) if (!["$schema", "id", "name", "source", "kind", "reader", "match", "words", "scoring"].includes(k)) fail(where, k, "不认识；可用 id、name、source、kind、reader、match、words、scoring");
  for (const f of ["id", "name", "kind", "scoring"]) if (v[f] === undefined) fail(where, f, "缺少，这一项必须填写");
  if (typeof v.id !== "string" || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v.id)) fail(where, "id", "应为小写字母、数字和连字符组成的标识，如 \"xx-county-project\"");
  if (typeof v.name !== "string" || !v.name.trim()) fail(where, "name", "应为表格的中文名称");
  if (v.source !== undefined && typeof v.source !== "string") fail(where, "source", "应为文字（表格式样的来源）");
  if (!KINDS.includes(v.kind as string)) fail(where, "kind", `应为 ${KINDS.map((k) => `"${k}"`).join("、")} 之一`);
  const reader = v.reader ?? "table";
  if (!READERS.includes(reader as string)) fail(where, "reader", `应为 "table"（表格式样）或 "pairs"（标签在左、数值在右的广州式样）`);

  const match: FamilyMatch = {};
  if (v.match !== undefined) {
    if (!isObject(v.match)) fail(where, "match", "应为对象，如 { \"title\": [\"项目支出绩效自评表\"] }");
    const m = v.match;
    for (const k of Object.keys(m)) if (!["title", "columns", "without", "letters", "twoRowHeader", "rows"].includes(k)) fail(where, `match.${k}`, "不认识；可用 title、columns、without、letters、twoRowHeader、rows");
    if (m.title !== undefined) match.title = stringList(m.title, where, "match.title");
    if (m.columns !== undefined) match.columns = stringList(m.columns, where, "match.columns", COLUMN_NAMES);
    if (m.without !== undefined) match.without = stringList(m.without, where, "match.without", COLUMN_NAMES);
    if (m.rows !== undefined) match.rows = stringList(m.rows, where, "match.rows", WORD_GROUPS.budgetRows) as FamilyMatch["rows"];
    for (const b of ["letters", "twoRowHeader"] as const) if (m[b] !== undefined) {
      if (typeof m[b] !== "boolean") fail(where, `match.${b}`, "应为 true 或 false");
      match[b] = m[b] as boolean;
    }
  }

  let words: FamilyWords | undefined;
  if (v.words !== undefined) {
    if (!isObject(v.words)) fail(where, "words", "应为对象，如 { \"indicatorColumns\": { \"target\": [\"年度目标值\"] } }");
    words = {};
    for (const [group, entries] of Object.entries(v.words)) {
      const keys = WORD_GROUPS[group as keyof FamilyWords];
      if (!keys) fail(where, `words.${group}`, `不认识；可用 ${Object.keys(WORD_GROUPS).join("、")}`);
      if (!isObject(entries)) fail(where, `words.${group}`, "应为对象，键是栏目，值是该栏目的表头文字列表");
      const out: Record<string, string[]> = {};
      for (const [k, list] of Object.entries(entries)) {
        if (!keys.includes(k)) fail(where, `words.${group}.${k}`, `不认识；可用 ${keys.join("、")}`);
        out[k] = stringList(list, where, `words.${group}.${k}`);
      }
      (words as Record<string, unknown>)[group] = out;
    }
  }

  if (!isObject(v.scoring)) fail(where, "scoring", "应为对象，含 budget、indicators、qualitativeBands、weightTotal、grades");
  const s = v.scoring;
  for (const k of Object.keys(s)) if (!["budget", "indicators", "qualitativeBands", "weightTotal", "grades"].includes(k)) fail(where, `scoring.${k}`, "不认识；可用 budget、indicators、qualitativeBands、weightTotal、grades");
  if (s.budget === undefined) fail(where, "scoring.budget", "缺少：预算执行计分时写 { \"points\": 10 }，不计分时写 null");
  let budget: ScoringScheme["budget"] = null;
  if (s.budget !== null) {
    if (!isObject(s.budget) || typeof s.budget.points !== "number" || !(s.budget.points > 0) || Object.keys(s.budget).length !== 1) fail(where, "scoring.budget", "应为 null（预算不计分）或 { \"points\": 10 } 这样的正数分值");
    budget = { points: s.budget.points as number };
  }
  if (!INDICATOR_SCHEMES.includes(s.indicators as string)) fail(where, "scoring.indicators", `应为 ${INDICATOR_SCHEMES.map((x) => `"${x}"`).join("、")} 之一（ratio：按完成比例；coefficient：得分系数 × 权重；capped：不超过分值；none：不逐项计算）`);
  if (s.qualitativeBands !== undefined && typeof s.qualitativeBands !== "boolean") fail(where, "scoring.qualitativeBands", "应为 true 或 false");
  if (s.weightTotal !== undefined && s.weightTotal !== null && (typeof s.weightTotal !== "number" || !(s.weightTotal > 0))) fail(where, "scoring.weightTotal", "应为正数（如 100）或 null");
  let grades: GradeBand[] | null = null;
  if (s.grades !== undefined && s.grades !== null) {
    if (!Array.isArray(s.grades) || s.grades.length === 0) fail(where, "scoring.grades", "应为等级列表，如 [{ \"min\": 90, \"grade\": \"优\" }, …]，或 null");
    grades = (s.grades as unknown[]).map((g, i) => {
      if (!isObject(g) || typeof g.min !== "number" || typeof g.grade !== "string" || !g.grade) fail(where, `scoring.grades[${i}]`, "应为 { \"min\": 分数下限, \"grade\": \"等级\" }");
      return { min: g.min as number, grade: g.grade as string };
    });
    for (let i = 1; i < grades.length; i++) if (grades[i].min >= grades[i - 1].min) fail(where, `scoring.grades[${i}]`, "应按分数下限从高到低排列");
  }
  return {
    id: v.id,
    name: v.name,
    source: typeof v.source === "string" ? v.source : where,
    kind: v.kind as LayoutFamily["kind"],
    reader: reader as LayoutFamily["reader"],
    match,
    words,
    scoring: {
      budget,
      indicators: s.indicators as ScoringScheme["indicators"],
      qualitativeBands: s.qualitativeBands === true,
      weightTotal: (s.weightTotal as number | null | undefined) ?? null,
      grades,
    },
  };
}

/** Reads a layout file's text: one family, or a list of them. */
export function parseLayoutText(text: string, where: string): LayoutFamily[] {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new LayoutError(`${where}：不是有效的 JSON（${(e as Error).message}）。请用文本编辑器检查括号、引号和逗号，或对照 docs/layouts.md 的示例。`);
  }
  const list = Array.isArray(value) ? value : [value];
  const families = list.map((x, i) => parseLayout(x, list.length > 1 ? `${where} 第 ${i + 1} 项` : where));
  const ids = new Set<string>();
  for (const f of families) {
    if (ids.has(f.id)) throw new LayoutError(`${where}：「id」"${f.id}" 出现了两次，每个式样的 id 须不同`);
    ids.add(f.id);
  }
  return families;
}

/**
 * The families ZiPing knows, most specific first (a family earlier in the list wins a tie).
 * The generic ones come last: a layout no declaration names is still read by the shared vocabulary.
 */
export const BUILT_IN_FAMILIES: LayoutFamily[] = [guangzhou, national2020, national2019, sichuan, yunnan, hubei, yinchuan, guizhou, chongqing, evaluation, goals, genericDepartment, genericProject].map((json) =>
  parseLayout(json, `内置式样 ${(json as { id: string }).id}`),
);

/** The families to use: a user's own first (they win ties and replace a built-in of the same id), then the built-in ones. */
export function withUserLayouts(user: LayoutFamily[] | undefined): LayoutFamily[] {
  if (!user || user.length === 0) return BUILT_IN_FAMILIES;
  const ids = new Set(user.map((f) => f.id));
  return [...user, ...BUILT_IN_FAMILIES.filter((f) => !ids.has(f.id))];
}
