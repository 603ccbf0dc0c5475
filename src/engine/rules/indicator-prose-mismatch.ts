import { IndicatorMatch, disagreements, matchIndicators, proseFigures } from "../narrative/matching";
import { DepartmentContext, cached, departmentRule, quote } from "./rule";

/** The indicators whose figure disagrees with the prose, worked out once per pass (unit-spelling reads them too). */
export function indicatorProseDisagreements(ctx: DepartmentContext): IndicatorMatch[] {
  return cached(ctx, "indicator-prose", () => disagreements(matchIndicators(ctx.form, cached(ctx, "prose-figures", () => proseFigures(ctx.form)))));
}

/**
 * An indicator and the prose that reports the same measure must state the same figure in the same
 * unit. The seed: 拆违面积「393.41m ²」against 拆除面积393.41万平方米 — ten thousand times apart.
 */
export const indicatorProseMismatch = departmentRule({
  meta: {
    id: "indicator-prose-mismatch",
    severity: "warning",
    section: "tasks",
    description: "关键指标的完成值须与文字报告中同一项的数字和单位一致",
    fixable: false,
    messages: {
      mismatch: "关键指标「{{name}}」填的是「{{value}}」，而「{{section}}」写的是「{{passage}}」，数值或单位不一致，请核对后统一",
    },
  },
  check(ctx, report) {
    for (const m of indicatorProseDisagreements(ctx)) {
      const best = m.candidates[0].at;
      const others = m.candidates.slice(1).filter((c) => c.at.block.ref.cell !== best.block.ref.cell && c.at.figure.raw === best.figure.raw);
      report({
        messageId: "mismatch",
        data: { name: m.indicator.name, value: m.indicator.valueText, section: best.block.name, passage: quote(best.figure.subject.slice(-8) + best.figure.raw, 30) },
        cell: m.indicator.valueCell,
        related: [best.block.ref.cell, ...others.map((o) => o.at.block.ref.cell)],
        quote: `${m.indicator.valueText} ↔ ${best.figure.raw}`,
      });
    }
  },
});
