import { formatMoney } from "../derive/derive";
import { departmentRule } from "./rule";
import { CENT_TOLERANCE } from "./task-funds-within-spending";

/** 其中：一般公共预算 is part of 实际支出数 and cannot exceed it. */
export const generalBudgetWithinSpending = departmentRule({
  meta: {
    id: "general-budget-within-spending",
    severity: "error",
    section: "funding",
    description: "其中：一般公共预算不得超过实际支出数",
    fixable: false,
    messages: {
      over: "其中：一般公共预算 {{general}} 万元，超过实际支出数 {{actual}} 万元（「其中」是实际支出的一部分），请核对",
    },
  },
  check({ form }, report) {
    const g = form.funding.generalBudget;
    const actual = form.funding.actualSpending;
    const gv = g?.quantity.value;
    const av = actual?.quantity.value;
    if (!g || !actual || gv === undefined || av === undefined || gv <= av + CENT_TOLERANCE) return;
    report({ messageId: "over", data: { general: formatMoney(gv), actual: formatMoney(av) }, cell: g.cell, related: [actual.cell] });
  },
});
