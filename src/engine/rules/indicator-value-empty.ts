import { Finding, Rule, formatMessage } from "./types";

/** Every 关键指标 has its 指标完成情况. */
export const indicatorValueEmpty: Rule = {
  id: "indicator-value-empty",
  severity: "error",
  description: "每个关键指标都须填写指标完成情况",
  fixable: false,
  messages: {
    empty: "关键指标「{{name}}」（任务「{{task}}」）的指标完成情况未填写",
    noName: "有一条指标完成情况「{{value}}」没有对应的关键指标名称",
  },
  check({ form }) {
    const out: Finding[] = [];
    for (const ind of form.indicators) {
      const task = form.tasks[ind.task];
      const taskName = task?.name || task?.numberText || "";
      // A cell of several indicators whose values are short of lines is the line-count rule's finding.
      if (ind.lineCount > 1) continue;
      if (ind.name && ind.valueText.trim() === "") out.push({ rule: this.id, severity: this.severity, section: "tasks", message: formatMessage(this.messages.empty, { name: ind.name, task: taskName }), cell: ind.valueCell });
      else if (!ind.name && ind.valueText.trim() !== "") out.push({ rule: this.id, severity: "warning", section: "tasks", message: formatMessage(this.messages.noName, { value: ind.valueText }), cell: ind.nameCell });
    }
    return out;
  },
};
