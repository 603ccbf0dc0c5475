import { formatMessage } from "../types";
import { ProjectRule, projectLabel } from "./types";

/**
 * Every cell the project form computes must hold what it computes: 年度资金总额 (the sum of its rows),
 * 执行率, the budget score, each quantitative indicator's score and 总分. The fix writes the value in
 * the cell's own kind, a formula where the cell held one.
 */
export const projectComputed: ProjectRule = {
  id: "project-computed",
  severity: "error",
  description: "项目支出绩效自评表的合计、执行率、得分和总分须与计算一致",
  fixable: true,
  messages: {
    mismatch: "{{name}}应为 {{expected}}（{{rule}}），表中填的是「{{actual}}」",
    empty: "{{name}}未填写，应为 {{expected}}（{{rule}}）",
    formula: "{{name}}的公式「={{formula}}」算得不对，应为 {{expected}}（{{rule}}）",
  },
  check({ form, scoring }) {
    return scoring.derived
      .filter((d) => d.status !== "ok")
      .map((d) => {
        const section = d.derivation.id === "project-total" ? ("projectScore" as const) : d.derivation.id === "project-indicator-score" ? ("projectIndicators" as const) : ("projectFunds" as const);
        const key = d.status === "formula-wrong" ? "formula" : d.status === "empty" ? "empty" : "mismatch";
        return {
          rule: this.id,
          form: projectLabel(form),
          severity: d.status === "empty" && d.derivation.id !== "project-total" ? ("warning" as const) : ("error" as const),
          section,
          message: formatMessage(this.messages[key], { name: d.derivation.name, expected: d.display, rule: d.derivation.rule, actual: d.currentText || "（空）", formula: d.currentFormula }),
          cell: d.cell,
          fix: d.change ? [d.change] : undefined,
        };
      });
  },
};
