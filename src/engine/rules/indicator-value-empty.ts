import { departmentRule } from "./rule";

/** Every 关键指标 has its 指标完成情况. */
export const indicatorValueEmpty = departmentRule({
  meta: {
    id: "indicator-value-empty",
    severity: "error",
    section: "tasks",
    description: "每个关键指标都须填写指标完成情况",
    fixable: false,
    messages: {
      empty: "关键指标「{{name}}」（任务「{{task}}」）的指标完成情况未填写",
      noName: "有一条指标完成情况「{{value}}」没有对应的关键指标名称",
    },
  },
  check({ form }, report) {
    for (const ind of form.indicators) {
      const task = form.tasks[ind.task];
      const taskName = task?.name || task?.numberText || "";
      // A cell of several indicators whose values are short of lines is the line-count rule's finding.
      if (ind.lineCount > 1) continue;
      if (ind.name && ind.valueText.trim() === "") report({ messageId: "empty", data: { name: ind.name, task: taskName }, cell: ind.valueCell });
      else if (!ind.name && ind.valueText.trim() !== "") report({ messageId: "noName", data: { value: ind.valueText }, cell: ind.nameCell, severity: "warning" });
    }
  },
});
