import { DepartmentForm, FieldRef, TextRef } from "../form/model";
import { FundRowKey, ProjectForm } from "../form/projectModel";
import { Quantity } from "../quantity/parse";
import { stripMarkup, toHalfWidth } from "../text/normalize";
import { FORM_KIND_NAMES, formSubject, projectLabel } from "../rules";
import type { Analysis } from "../analyze";

/**
 * One form of a 汇总 (a 一级预算部门's consolidated form, or one of its units' forms) as the
 * consolidation sees it, whatever its layout: who, which year, its funding figures by row and
 * column, its tasks and indicators, its prose. The 广州 form's fields are put on the table forms'
 * grid: 部门调整预算收入 is the total row's 全年预算数, 其中：一般公共预算 the 财政拨款 row's 执行数.
 */

/** The money columns a 汇总 adds up. */
export type FigureCol = "initial" | "annual" | "actual";
export const FIGURE_COLS: FigureCol[] = ["initial", "annual", "actual"];

/** The rows of a budget block a 汇总 adds up, in the order they are listed. */
export const FIGURE_ROWS: FundRowKey[] = ["total", "fiscal", "carryover", "special", "unit", "other", "basic", "project"];

const ROW_NAMES: Record<FundRowKey, string> = {
  total: "资金总额",
  fiscal: "其中：一般公共预算（财政拨款）",
  carryover: "上年结转资金",
  special: "财政专户管理资金",
  unit: "单位资金",
  other: "其他资金",
  basic: "基本支出",
  project: "项目支出",
};
const COL_NAMES: Record<FigureCol, string> = { initial: "年初预算", annual: "调整预算（全年预算数）", actual: "实际支出（全年执行数）" };

/** What a figure is called whatever the layout: 「调整预算（全年预算数）」, 「基本支出·年初预算」. */
export function figureName(row: FundRowKey, col: FigureCol): string {
  return row === "total" ? COL_NAMES[col] : `${ROW_NAMES[row]}·${COL_NAMES[col].replace(/（.*）$/, "")}`;
}

export interface FormFigure {
  key: string;
  row: FundRowKey;
  col: FigureCol;
  /** The cell, as read. */
  field: FieldRef;
  /** The amount in 万元, when the cell holds a number. */
  value?: number;
  /** The cell is empty. */
  empty: boolean;
  /** The form's own words for it: 「部门调整预算收入」, 「年度资金总额·全年预算数」. */
  label: string;
}

/** A task (广州: 主要任务) with its indicators, or a table form's indicator list under no task. */
export interface FormItemGroup {
  number?: number;
  name: string;
  goal?: string;
  completion?: string;
  fund?: number;
  fundText?: string;
  indicators: FormIndicator[];
}

export interface FormIndicator {
  level1?: string;
  level2?: string;
  name: string;
  target?: string;
  actual: string;
  unit?: string;
  nature?: string;
  weight?: string;
  score?: string;
  reason?: string;
}

/** The prose sections a 汇总 gathers, named alike across layouts. */
export type ProseKey = "expected" | "adjusted" | "achieved" | "keyProject" | "overall" | "conclusion" | "problems" | "measures";

export const PROSE_NAMES: Record<ProseKey, string> = {
  expected: "预期目标",
  adjusted: "全年（调整）目标",
  achieved: "目标完成情况",
  keyProject: "重点项目绩效情况",
  overall: "部门整体绩效",
  conclusion: "评价结论",
  problems: "存在问题",
  measures: "改进措施",
};

export interface ConsolidationForm {
  /** department: a 部门整体 form of any layout (广州 or a table); otherwise the table form's kind. */
  kind: "department" | "project" | "evaluation" | "goals";
  /** The layout family's id and name. */
  layout: string;
  layoutName: string;
  /** The form's label on findings (table forms), as analyze gives it. */
  label?: string;
  form: DepartmentForm | ProjectForm;
  sheet: number;
  sheetName: string;
  /** Whose form it is, as written; "" when the form names nobody. */
  name: string;
  nameField?: FieldRef;
  year?: number;
  yearField?: FieldRef;
  /** The money unit the form is written in. */
  moneyUnit: "万元" | "元";
  figures: Map<string, FormFigure>;
}

export const KIND_NAMES: Record<ConsolidationForm["kind"], string> = { department: "部门整体支出绩效自评表", project: FORM_KIND_NAMES.project, evaluation: FORM_KIND_NAMES.evaluation, goals: FORM_KIND_NAMES.goals };

const GUANGZHOU_FIGURES: { key: keyof DepartmentForm["funding"]; row: FundRowKey; col: FigureCol }[] = [
  { key: "adjustedBudget", row: "total", col: "annual" },
  { key: "initialBudget", row: "total", col: "initial" },
  { key: "actualSpending", row: "total", col: "actual" },
  { key: "generalBudget", row: "fiscal", col: "actual" },
];

/** A money cell in 万元: 「4753.66万元」 and 「3824.26万」 say their own unit; a bare number is in the form's. */
export function wanOf(q: Quantity, moneyUnit: "万元" | "元"): number | undefined {
  if (q.kind !== "number" || q.value === undefined) return undefined;
  if (q.unit === "元" || (q.multiplier !== undefined && q.multiplier >= 10000)) return q.value / 10000;
  if (q.unit && q.unit !== "万元" && q.unit !== "元") return undefined;
  return moneyUnit === "元" ? q.value / 10000 : q.value;
}

/**
 * A figure of a form. The table reader has already put a money cell in its form's unit (「150万」 in
 * a 万元 form is 150); the 广州 reader gives the cell's quantity as written, so its units are applied here.
 */
function figureOf(field: FieldRef, row: FundRowKey, col: FigureCol, moneyUnit: "万元" | "元", label: string, inFormUnit: boolean): FormFigure {
  const q = field.quantity;
  const empty = q.kind === "empty";
  const value = !inFormUnit ? wanOf(q, moneyUnit) : q.kind === "number" && q.value !== undefined && (!q.unit || q.unit === "元" || q.unit === "万元") ? (moneyUnit === "元" ? q.value / 10000 : q.value) : undefined;
  return { key: `${row}.${col}`, row, col, field, value, empty, label };
}

function labelWords(label: string): string {
  return stripMarkup(label).replace(/\s+/g, "").replace(/[:：]+$/, "");
}

const COLUMN_WORDS: Record<FigureCol, string> = { initial: "年初预算数", annual: "全年预算数", actual: "全年执行数" };

function fromDepartment(form: DepartmentForm): ConsolidationForm {
  const figures = new Map<string, FormFigure>();
  for (const g of GUANGZHOU_FIGURES) {
    const f = form.funding[g.key];
    if (f) figures.set(`${g.row}.${g.col}`, figureOf(f, g.row, g.col, "万元", labelWords(f.label), false));
  }
  const name = form.header.department?.text.trim() ?? "";
  return {
    kind: "department",
    layout: "guangzhou-department",
    layoutName: "部门整体支出绩效自评表（广州 附件7 式样）",
    form,
    sheet: form.sheet,
    sheetName: form.sheetName,
    name,
    nameField: form.header.department,
    year: form.header.yearNumber,
    yearField: form.header.year,
    moneyUnit: "万元",
    figures,
  };
}

function fromTable(form: ProjectForm): ConsolidationForm {
  const figures = new Map<string, FormFigure>();
  for (const r of form.funds) {
    for (const col of FIGURE_COLS) {
      const f = r.cells[col];
      const key = `${r.key}.${col}`;
      // The first row of a kind counts (a block repeats 其他 rarely; a second one is not a new figure).
      if (f && !figures.has(key)) figures.set(key, figureOf(f, r.key, col, form.moneyUnit, `${labelWords(r.label)}·${COLUMN_WORDS[col]}`, true));
    }
  }
  const h = form.header;
  const nameField = form.kind === "project" ? h.name ?? h.unit ?? h.department : h.department ?? h.organization ?? h.unit ?? h.name;
  let name = nameField?.text.trim() ?? formSubject(form);
  // 「单位(盖章):绥阳县太白镇人民政府」: the label carried into the value.
  name = name.replace(/^(单位|部门|填报单位)[^:：]{0,8}[:：]\s*/, "").trim();
  return {
    kind: form.kind,
    layout: form.layout,
    layoutName: form.family.name,
    label: projectLabel(form),
    form,
    sheet: form.sheet,
    sheetName: form.sheetName,
    name,
    nameField,
    year: form.yearNumber,
    yearField: h.year,
    moneyUnit: form.moneyUnit,
    figures,
  };
}

/**
 * The form of a workbook that takes part in a 汇总: its 部门整体 form (广州 or a table layout)
 * when `kind` is department or not given, else its first table form of that kind.
 */
export function consolidationForm(a: Pick<Analysis, "form" | "projects">, kind?: ConsolidationForm["kind"]): ConsolidationForm | undefined {
  if (!kind || kind === "department") {
    if (a.form) return fromDepartment(a.form);
    const dept = a.projects.find((p) => p.form.kind === "department");
    if (dept) return fromTable(dept.form);
    if (kind) return undefined;
    return a.projects[0] ? fromTable(a.projects[0].form) : undefined;
  }
  const p = a.projects.find((x) => x.form.kind === kind);
  return p ? fromTable(p.form) : undefined;
}

/** Every form of a workbook, whatever its kind (to say what a unit file holds instead). */
export function formKindsOf(a: Pick<Analysis, "form" | "projects">): string[] {
  const out: string[] = [];
  if (a.form) out.push(KIND_NAMES.department);
  for (const p of a.projects) out.push(FORM_KIND_NAMES[p.form.kind]);
  return [...new Set(out)];
}

/** A name as compared between units: width, spaces and punctuation folded. */
export function nameKey(name: string): string {
  return toHalfWidth(name).replace(/[\s()（）【】\[\]「」"“”'‘’·,，.。:：;；、-]/g, "").toLowerCase();
}

/** The tasks and indicators of a form, in a shape common to both readers. */
export function itemGroupsOf(cf: ConsolidationForm): FormItemGroup[] {
  const f = cf.form;
  if (f.template === "department") {
    return f.tasks.map((t) => ({
      number: t.number,
      name: t.name,
      goal: t.goal?.text.trim() || undefined,
      completion: t.completion?.text.trim() || undefined,
      fund: t.fundTotal ?? (t.fund ? wanOf(t.fund.quantity, "万元") : undefined),
      fundText: t.fund?.text,
      indicators: t.indicators.map((i) => ({ name: i.name, actual: i.valueText })),
    }));
  }
  if (f.indicators.length === 0) return [];
  return [
    {
      name: "",
      indicators: f.indicators.map((i) => ({
        level1: clean(i.level1),
        level2: clean(i.level2),
        name: clean(i.level3),
        target: i.target.text,
        actual: i.actual.text,
        unit: i.unit,
        nature: i.nature === "qualitative" ? "定性" : i.nature === ">=" ? "≥" : i.nature === "<=" ? "≤" : "=",
        weight: i.weight?.text,
        score: i.score?.text,
        reason: i.reason?.text,
      })),
    },
  ];
}

function clean(s: string): string {
  return s.replace(/\s+/g, "").trim();
}

/** The prose of a form by section, each with the cell it is written in. */
export function proseOf(cf: ConsolidationForm): Partial<Record<ProseKey, TextRef>> {
  const f = cf.form;
  if (f.template === "department") {
    return { expected: f.goals.expected, achieved: f.goals.achieved, keyProject: f.keyProject, overall: f.overall, problems: f.problems, measures: f.measures };
  }
  return { expected: f.goals.expected, adjusted: f.goals.adjusted, achieved: f.goals.achieved, conclusion: f.conclusion, problems: f.problems, measures: f.measures };
}

/** Where a unit's prose goes when the 汇总's layout has no section of that name. */
export const PROSE_FALLBACK: Partial<Record<ProseKey, ProseKey[]>> = {
  overall: ["conclusion"],
  conclusion: ["overall"],
};
