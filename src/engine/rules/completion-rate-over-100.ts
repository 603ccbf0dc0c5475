import { formatRate } from "../derive/derive";
import { departmentRule } from "./rule";

/** 实际支出数 cannot exceed 部门调整预算收入: a 预算完成率 over 100% means a figure is wrong. */
export const completionRateOver100 = departmentRule({
  meta: {
    id: "completion-rate-over-100",
    severity: "error",
    section: "funding",
    description: "预算完成率不得超过 100%（实际支出数不应大于部门调整预算收入）",
    fixable: false,
    messages: {
      over: "预算完成率为 {{rate}}，超过 100%：实际支出数 {{actual}} 大于部门调整预算收入 {{adjusted}}，请核对这两个数",
    },
  },
  check({ form }, report) {
    const actual = form.funding.actualSpending;
    const adjusted = form.funding.adjustedBudget;
    const a = actual?.quantity.value;
    const b = adjusted?.quantity.value;
    if (!actual || !adjusted || a === undefined || b === undefined || b <= 0) return;
    const rate = a / b;
    if (rate <= 1 + 1e-9) return;
    report({
      messageId: "over",
      data: { rate: formatRate(rate), actual: actual.text, adjusted: adjusted.text },
      cell: form.funding.completionRate?.cell ?? actual.cell,
      related: [actual.cell, adjusted.cell],
    });
  },
});
