import { CellAddress } from "../grid/address";
import { WorkbookSnapshot } from "../grid/snapshot";
import { DepartmentForm } from "../form/model";
import { DerivedCell } from "../derive/derive";
import { CellChange } from "../patch";

/** error = 强制 (blocks sending the form up); warning / info = 提示. */
export type Severity = "error" | "warning" | "info";

/** The part of the form a finding belongs to, for grouping in the pane and the CLI. */
export type Section = "header" | "funding" | "goals" | "tasks" | "keyProject" | "overall" | "problems" | "measures" | "projectFunds" | "projectIndicators" | "projectScore";

export const SECTION_NAMES: Record<Section, string> = {
  header: "表头",
  funding: "部门资金情况",
  goals: "年度目标",
  tasks: "主要任务与关键指标",
  keyProject: "重点项目绩效情况",
  overall: "部门整体绩效",
  problems: "存在问题",
  measures: "改进措施或下一步计划",
  projectFunds: "项目资金",
  projectIndicators: "绩效指标",
  projectScore: "总分与等级",
};

export const SECTION_ORDER: Section[] = ["header", "funding", "goals", "tasks", "keyProject", "overall", "problems", "measures", "projectFunds", "projectIndicators", "projectScore"];

export const SEVERITY_NAMES: Record<Severity, string> = { error: "强制", warning: "提示", info: "提示" };

export interface Finding {
  rule: string;
  /** Which form of the workbook it is about, when the workbook holds more than the department form. */
  form?: string;
  severity: Severity;
  section: Section;
  message: string;
  /** The cell the finding is about (the one to select). */
  cell: CellAddress;
  /** Other cells involved (inputs of a derived cell, the other side of a disagreement). */
  related?: CellAddress[];
  /** The passage quoted, when the finding is about text. */
  quote?: string;
  /** A certain fix: cell writes that carry the values they expect to overwrite. */
  fix?: CellChange[];
  /** A certain fix to a cell's text, composed with the other edits of the same cell into one write. */
  edit?: TextEdit;
  /** Pairs shown side by side (two versions of one report). */
  details?: { a: string; b: string; figures?: boolean }[];
  /** What the two sides of `details` are. */
  detailNames?: [string, string];
}

/** Edits to the text of one cell: replacements first, then markup turned into line breaks. */
export interface TextEdit {
  cell: CellAddress;
  /** The cell's text as read: the write expects it unchanged. */
  raw: string;
  replace?: { find: string; with: string }[];
  stripMarkup?: boolean;
}

export interface RuleContext {
  form: DepartmentForm;
  derived: DerivedCell[];
  snapshot: WorkbookSnapshot;
  /** Work shared by several rules of one pass (prose figures, indicator matches), computed once. */
  cache: Map<string, unknown>;
}

/** Computes a value once per engine pass and shares it between rules. */
export function cached<T>(ctx: RuleContext, key: string, make: () => T): T {
  if (!ctx.cache.has(key)) ctx.cache.set(key, make());
  return ctx.cache.get(key) as T;
}

export interface Rule {
  /** Stable id, used by tests, the pane and --json. */
  id: string;
  severity: Severity;
  /** One line, in Chinese: what the rule checks. */
  description: string;
  /** Whether the rule ever proposes a fix. */
  fixable: boolean;
  /** Message templates in Chinese, filled from {{placeholders}}. */
  messages: Record<string, string>;
  check(ctx: RuleContext): Finding[];
}

/** Fills "{{name}}" placeholders; a missing value is left visible so a test catches it. */
export function formatMessage(template: string, data: Record<string, string | number | undefined>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    const v = data[key];
    return v === undefined ? whole : String(v);
  });
}

/** Quotes a passage for a message, shortened to keep messages readable. */
export function quote(text: string, max = 40): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}
