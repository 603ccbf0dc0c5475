import { Finding, Rule, formatMessage } from "./types";
import { FundingKey } from "../form/model";

const NON_NEGATIVE: [FundingKey, string][] = [
  ["adjustedBudget", "部门调整预算收入"],
  ["initialBudget", "部门年初预算收入"],
  ["actualSpending", "实际支出数"],
  ["generalBudget", "一般公共预算"],
];

/** Budgets, spending and task funds are amounts, never negative (年度预算调整数 and 预算调整率 may be). */
export const negativeBudget: Rule = {
  id: "negative-budget",
  severity: "error",
  description: "预算收入、实际支出和任务涉及资金不得为负数",
  fixable: false,
  messages: {
    negative: "{{name}}为负数（{{value}}），请核对",
    taskNegative: "任务「{{task}}」的任务涉及资金为负数（{{value}}），请核对",
  },
  check({ form }) {
    const out: Finding[] = [];
    for (const [key, name] of NON_NEGATIVE) {
      const f = form.funding[key];
      if (f && f.quantity.value !== undefined && f.quantity.value < 0) {
        out.push({ rule: this.id, severity: this.severity, section: "funding", message: formatMessage(this.messages.negative, { name, value: f.text }), cell: f.cell });
      }
    }
    for (const t of form.tasks) {
      if (t.fund && t.fund.quantity.value !== undefined && t.fund.quantity.value < 0) {
        out.push({ rule: this.id, severity: this.severity, section: "tasks", message: formatMessage(this.messages.taskNegative, { task: t.name || t.numberText, value: t.fund.text }), cell: t.fund.cell });
      }
    }
    return out;
  },
};
