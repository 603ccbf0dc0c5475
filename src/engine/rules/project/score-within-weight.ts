import { projectRule } from "../rule";

/** No indicator earns more than its 分值 (权重): a score above it is a slip, on every kind of form. */
export const scoreWithinWeight = projectRule({
  meta: {
    id: "score-within-weight",
    severity: "error",
    section: "projectIndicators",
    description: "各项得分不得超过其分值（权重）",
    fixable: false,
    messages: {
      over: "「{{name}}」得分 {{score}} 超过了它的分值 {{weight}}",
    },
  },
  check({ scoring }, report) {
    for (const o of scoring.overWeight) report({ messageId: "over", data: { name: o.indicator.level3, score: o.score, weight: o.weight }, cell: o.indicator.score!.cell, related: o.indicator.weight ? [o.indicator.weight.cell] : undefined });
  },
});
