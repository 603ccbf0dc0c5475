import { projectRule } from "../rule";

/**
 * Weights add up to 100 (budget 10, 产出 50, 效益 30, 满意度 10 by default; Sichuan: budget 10 and
 * 90 within the indicators). A form with no 产出 or no 效益 三级指标, or no 满意度 indicator, is incomplete.
 */
export const projectWeights = projectRule({
  meta: {
    id: "project-weights",
    severity: "error",
    section: "projectScore",
    description: "各项分值（权重）合计须为 100 分；应有产出、效益和满意度指标",
    fixable: false,
    messages: {
      sum: "预算执行与各绩效指标的分值合计为 {{sum}} 分，应为 100 分",
      missing: "绩效指标中没有「{{kind}}」类三级指标",
    },
  },
  check({ form, scoring }, report) {
    if (form.indicators.length === 0) return;
    const cell = form.total?.cell ?? form.indicators[0].weight?.cell ?? form.indicators[0].target.cell;
    if (Math.abs(scoring.weightSum - 100) > 0.005) report({ messageId: "sum", data: { sum: scoring.weightSum }, cell });
    const has = (re: RegExp) => form.indicators.some((i) => re.test(i.level1) || re.test(i.level2));
    for (const [kind, re] of [["产出", /产出/], ["效益", /效益/], ["满意度", /满意/]] as [string, RegExp][]) {
      if (!has(re)) report({ messageId: "missing", data: { kind }, severity: "warning", section: "projectIndicators", cell: form.indicators[0].target.cell });
    }
  },
});
