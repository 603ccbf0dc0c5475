import { FundingKey } from "../form/model";
import { departmentRule } from "./rule";

const NON_NEGATIVE: [FundingKey, string][] = [
  ["adjustedBudget", "部门调整预算收入"],
  ["initialBudget", "部门年初预算收入"],
  ["actualSpending", "实际支出数"],
  ["generalBudget", "一般公共预算"],
];

/** Budgets, spending and task funds are amounts, never negative (年度预算调整数 and 预算调整率 may be). */
export const negativeBudget = departmentRule({
  meta: {
    id: "negative-budget",
    severity: "error",
    section: "funding",
    description: "预算收入、实际支出和任务涉及资金不得为负数",
    fixable: false,
    messages: {
      negative: "{{name}}为负数（{{value}}），请核对",
      taskNegative: "任务「{{task}}」的任务涉及资金为负数（{{value}}），请核对",
    },
  },
  check({ form }, report) {
    for (const [key, name] of NON_NEGATIVE) {
      const f = form.funding[key];
      if (f && f.quantity.value !== undefined && f.quantity.value < 0) report({ messageId: "negative", data: { name, value: f.text }, cell: f.cell });
    }
    for (const t of form.tasks) {
      if (t.fund && t.fund.quantity.value !== undefined && t.fund.quantity.value < 0) {
        report({ messageId: "taskNegative", data: { task: t.name || t.numberText, value: t.fund.text }, section: "tasks", cell: t.fund.cell });
      }
    }
  },
});
