import { departmentRule } from "./rule";

/**
 * 指标完成情况 reports what was achieved. "≥5%", "不低于85%" or "90%以上" restate the target and tell
 * a reviewer nothing: the seed's form does this in ten rows.
 */
export const indicatorValueIsTarget = departmentRule({
  meta: {
    id: "indicator-value-is-target",
    severity: "warning",
    section: "tasks",
    description: "指标完成情况应填实际完成值，而不是目标值（如「≥5%」）",
    fixable: false,
    messages: {
      target: "关键指标「{{name}}」的完成情况「{{value}}」是目标值的写法，请填写实际完成的数值",
    },
  },
  check({ form }, report) {
    for (const ind of form.indicators) {
      if (ind.quantity.kind !== "number" || !ind.quantity.isTarget) continue;
      report({ messageId: "target", data: { name: ind.name, value: ind.valueText }, cell: ind.valueCell, quote: ind.valueText });
    }
  },
});
