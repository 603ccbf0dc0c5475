import { departmentRule } from "./rule";

/** Each task states the funds it involves (任务涉及资金), as a figure. */
export const taskFund = departmentRule({
  meta: {
    id: "task-fund",
    severity: "error",
    section: "tasks",
    description: "每项主要任务须填写任务涉及资金（万元）",
    fixable: false,
    messages: {
      empty: "任务「{{task}}」的任务涉及资金未填写",
      notNumber: "任务「{{task}}」的任务涉及资金应为金额（万元），表中填的是「{{value}}」",
    },
  },
  check({ form }, report) {
    if (!form.table || form.table.fundCol === undefined) return;
    for (const t of form.tasks) {
      const task = t.name || `第${t.numberText}项`;
      if (!t.fund) report({ messageId: "empty", data: { task }, cell: t.fundCell });
      else if (t.fund.quantity.kind !== "number") report({ messageId: "notNumber", data: { task, value: t.fund.text }, cell: t.fund.cell });
    }
  },
});
