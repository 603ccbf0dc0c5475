import { departmentRule } from "./rule";

/** The form must list at least one 主要任务 with its indicators. */
export const tasksRequired = departmentRule({
  meta: {
    id: "tasks-required",
    severity: "error",
    section: "tasks",
    description: "须至少填写一项主要任务及其关键指标",
    fixable: false,
    messages: {
      noTable: "表中没有找到「主要任务 / 关键指标 / 指标完成情况」表格，请按模板填写主要任务",
      noTasks: "主要任务表格是空的，请至少填写一项主要任务及其关键指标",
    },
  },
  check({ form }, report) {
    if (!form.table) report({ messageId: "noTable", cell: form.title ?? { sheet: form.sheet, row: 0, col: 0 } });
    else if (form.tasks.length === 0) report({ messageId: "noTasks", cell: { sheet: form.sheet, row: form.table.headerRow + 1, col: form.table.taskCols[0] } });
  },
});
