import { projectRule } from "../rule";

/**
 * What the forms require to be explained: a missed target (偏差原因), 执行率 under 90%, and a
 * mid-year budget change (年初 ≠ 调整后).
 */
export const projectExplanations = projectRule({
  meta: {
    id: "project-explanations",
    severity: "warning",
    section: "projectFunds",
    description: "未完成指标须说明偏差原因；执行率低于 90% 或年中调整预算须说明原因",
    fixable: false,
    messages: {
      missed: "指标「{{name}}」未完成目标（目标 {{target}}，实际 {{actual}}），请填写偏差原因分析及改进措施",
      lowRate: "预算执行率为 {{rate}}，低于 90%，请说明原因",
      adjusted: "年初预算 {{initial}} 万元调整为 {{annual}} 万元，年中预算调整应单独说明理由",
    },
  },
  check({ form, scoring }, report) {
    for (const s of scoring.indicators) {
      const r = s.indicator.reason;
      if (!s.missed || !r || r.text.trim()) continue;
      report({ messageId: "missed", data: { name: s.indicator.level3, target: s.indicator.target.text, actual: s.indicator.actual.text }, section: "projectIndicators", cell: r.cell });
    }
    const total = form.funds.find((f) => f.key === "total");
    const reason = total?.cells.reason;
    const explained = !!reason && reason.text.trim() !== "";
    if (total && scoring.executionRate !== undefined && scoring.executionRate < 0.9 && !explained) {
      report({ messageId: "lowRate", data: { rate: `${(scoring.executionRate * 100).toFixed(2)}%` }, cell: reason?.cell ?? total.cells.rate?.cell ?? total.labelCell });
    }
    const initial = total?.cells.initial?.quantity.value;
    const annual = total?.cells.annual?.quantity.value;
    if (total && reason && initial !== undefined && annual !== undefined && Math.abs(initial - annual) > 0.005 && !explained) {
      report({ messageId: "adjusted", data: { initial: initial.toFixed(2), annual: annual.toFixed(2) }, cell: reason.cell });
    }
  },
});
