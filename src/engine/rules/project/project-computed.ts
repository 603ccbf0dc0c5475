import { Section } from "../../form/sections";
import { projectRule } from "../rule";

/**
 * Every cell the project form computes must hold what it computes: 年度资金总额 (the sum of its rows),
 * 执行率, the budget score, each quantitative indicator's score and 总分. The fix writes the value in
 * the cell's own kind, a formula where the cell held one.
 */
export const projectComputed = projectRule({
  meta: {
    id: "project-computed",
    severity: "error",
    section: "projectFunds",
    description: "项目支出绩效自评表的合计、执行率、得分和总分须与计算一致",
    fixable: true,
    messages: {
      mismatch: "{{name}}应为 {{expected}}（{{rule}}），表中填的是「{{actual}}」",
      empty: "{{name}}未填写，应为 {{expected}}（{{rule}}）",
      formula: "{{name}}的公式「={{formula}}」算得不对，应为 {{expected}}（{{rule}}）",
    },
  },
  check({ scoring }, report) {
    for (const d of scoring.derived) {
      if (d.status === "ok") continue;
      const section: Section = d.derivation.id === "project-total" ? "projectScore" : d.derivation.id === "project-indicator-score" ? "projectIndicators" : "projectFunds";
      const data: Record<string, string> = { name: d.derivation.name, expected: d.display, rule: d.derivation.rule };
      if (d.status === "formula-wrong") data.formula = d.currentFormula ?? "";
      else if (d.status !== "empty") data.actual = d.currentText || "（空）";
      report({
        messageId: d.status === "formula-wrong" ? "formula" : d.status === "empty" ? "empty" : "mismatch",
        data,
        // An empty score cell is only 提示 (filling it is the fix); an empty 总分 is a form not finished.
        severity: d.status === "empty" && d.derivation.id !== "project-total" ? "warning" : "error",
        section,
        cell: d.cell,
        fix: d.change ? [d.change] : undefined,
      });
    }
  },
});
