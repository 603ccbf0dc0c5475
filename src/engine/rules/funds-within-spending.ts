import { formatMoney } from "../derive/derive";
import { Finding, Rule, formatMessage } from "./types";

const TOLERANCE = 0.005;

/** The tasks' funds are part of what was spent: their sum cannot exceed 实际支出数. */
export const taskFundsWithinSpending: Rule = {
  id: "task-funds-within-spending",
  severity: "error",
  description: "各项任务涉及资金之和不得超过实际支出数",
  fixable: false,
  messages: {
    over: "各项任务涉及资金合计 {{sum}} 万元，超过实际支出数 {{actual}} 万元，请核对任务资金或实际支出数",
  },
  check({ form }) {
    const actual = form.funding.actualSpending;
    const a = actual?.quantity.value;
    if (!actual || a === undefined) return [];
    let sum = 0;
    const cells = [];
    for (const t of form.tasks) {
      if (t.fundTotal !== undefined && t.fund) {
        sum += t.fundTotal;
        cells.push(t.fund.cell);
      }
    }
    if (sum <= a + TOLERANCE) return [];
    return [{ rule: this.id, severity: this.severity, section: "tasks", message: formatMessage(this.messages.over, { sum: formatMoney(sum), actual: formatMoney(a) }), cell: cells[0] ?? actual.cell, related: [actual.cell, ...cells.slice(1)] }];
  },
};

/** 其中：一般公共预算 is part of 实际支出数 and cannot exceed it. */
export const generalBudgetWithinSpending: Rule = {
  id: "general-budget-within-spending",
  severity: "error",
  description: "其中：一般公共预算不得超过实际支出数",
  fixable: false,
  messages: {
    over: "其中：一般公共预算 {{general}} 万元，超过实际支出数 {{actual}} 万元（「其中」是实际支出的一部分），请核对",
  },
  check({ form }) {
    const g = form.funding.generalBudget;
    const actual = form.funding.actualSpending;
    const gv = g?.quantity.value;
    const av = actual?.quantity.value;
    if (!g || !actual || gv === undefined || av === undefined || gv <= av + TOLERANCE) return [];
    const out: Finding[] = [{ rule: this.id, severity: this.severity, section: "funding", message: formatMessage(this.messages.over, { general: formatMoney(gv), actual: formatMoney(av) }), cell: g.cell, related: [actual.cell] }];
    return out;
  },
};
