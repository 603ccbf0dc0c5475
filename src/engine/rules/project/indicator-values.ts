import { projectRule } from "../rule";

/**
 * Every indicator states its result (实际完成值) and has a name: a row with a target and no result,
 * or figures without a name, cannot be checked or scored.
 */
export const indicatorValues = projectRule({
  meta: {
    id: "indicator-values",
    severity: "error",
    section: "projectIndicators",
    description: "每条绩效指标都须写明指标名称和实际完成值",
    fixable: false,
    messages: {
      noActual: "指标「{{name}}」有指标值「{{target}}」，实际完成值未填写",
      noName: "第 {{row}} 行的指标（指标值「{{target}}」，完成值「{{actual}}」）没有写指标名称",
    },
  },
  check({ form }, report) {
    if (form.kind === "evaluation") return;
    // A layout without a 实际完成值 column (a 指标表 of targets and weights) is not asked for one.
    const hasActual = form.blocks.some((b) => b.kind === "indicators" && "actual" in b.cells);
    for (const ind of form.indicators) {
      if (!ind.level3) {
        report({ messageId: "noName", data: { row: ind.row + 1, target: ind.target.text || "—", actual: ind.actual.text || "—" }, severity: "warning", cell: ind.target.cell });
        continue;
      }
      const target = ind.target.text.trim();
      if (hasActual && target && !/^[/\\\-—–_]+$/.test(target) && ind.actual.quantity.kind === "empty") report({ messageId: "noActual", data: { name: ind.level3, target }, cell: ind.actual.cell });
    }
  },
});
