import { projectRule } from "../rule";

/**
 * On forms scored by 得分系数 × 指标权重 (重庆), the coefficient is the share of the target reached:
 * a missed target (完成值 below 指标值) cannot earn more than its share. 72.74% of a 100% target with
 * 得分系数 100% is reported.
 */
export const indicatorCoefficient = projectRule({
  meta: {
    id: "indicator-coefficient",
    severity: "warning",
    section: "projectIndicators",
    description: "得分系数不应高于指标的完成比例（完成值 ÷ 指标值）",
    fixable: false,
    messages: {
      high: "「{{name}}」完成 {{actual}}，指标值 {{target}}，完成比例 {{share}}，得分系数却是 {{coefficient}}；请核对得分系数",
    },
  },
  check({ scoring }, report) {
    for (const s of scoring.indicators) {
      const ind = s.indicator;
      const k = ind.coefficient;
      if (s.coefficientCap === undefined || !k || k.quantity.kind !== "number" || k.quantity.value === undefined) continue;
      const value = k.quantity.unit === "%" ? k.quantity.value / 100 : k.quantity.value <= 1.5 ? k.quantity.value : k.quantity.value / 100;
      if (value <= s.coefficientCap + 0.005) continue;
      report({ messageId: "high", data: { name: ind.level3, actual: ind.actual.text, target: ind.target.text, share: `${(s.coefficientCap * 100).toFixed(2)}%`, coefficient: k.text }, cell: k.cell });
    }
  },
});
