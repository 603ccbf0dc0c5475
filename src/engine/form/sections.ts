/**
 * The parts of a form, each named once: findings are grouped by them (pane, CLI, report), prose blocks
 * and the wording library name their cells by them.
 */
export type Section =
  | "header"
  | "funding"
  | "goals"
  | "tasks"
  | "keyProject"
  | "overall"
  | "problems"
  | "measures"
  | "projectFunds"
  | "projectIndicators"
  | "projectScore";

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

/** The order sections are listed in: the order of the printed form. */
export const SECTION_ORDER: Section[] = ["header", "funding", "goals", "tasks", "keyProject", "overall", "problems", "measures", "projectFunds", "projectIndicators", "projectScore"];

/** The two goal texts of the department form, by the names the form prints. */
export const GOAL_NAMES = {
  expected: "部门整体支出的预期目标",
  achieved: "部门整体支出的目标完成情况",
} as const;
