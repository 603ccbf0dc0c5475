import { labelKey } from "../text/normalize";
import { departmentRule } from "./rule";

/** Rates that measure growth or progress may pass 100%; every other 率 is a share of a whole. */
const UNBOUNDED = /(增长率|增幅|增速|完成率|提升率|增加率|超额率|进度比|完成进度|变动率|变化率)$/;

/**
 * An indicator named …率 is a percentage. Its value must be written as one, and a share of a whole
 * (使用率, 合规率, 结案率, 接种率, 满意率…) cannot pass 100%.
 */
export const rateIndicatorValue = departmentRule({
  meta: {
    id: "rate-indicator-value",
    severity: "warning",
    section: "tasks",
    description: "「……率」类指标的完成情况应为百分数，占比类指标不得超过 100%",
    fixable: false,
    messages: {
      notPercent: "关键指标「{{name}}」是比率，完成情况「{{value}}」不是百分数，请写成如「98%」",
      over100: "关键指标「{{name}}」的完成情况为 {{value}}，超过 100%，这类比率不可能超过 100%，请核对",
    },
  },
  check({ form }, report) {
    for (const ind of form.indicators) {
      const name = labelKey(ind.name).replace(/\([^()]*\)$/, "");
      if (!/率$/.test(name)) continue;
      const q = ind.quantity;
      if (q.kind === "empty") continue;
      const data = { name: ind.name, value: ind.valueText };
      if (q.kind !== "number" || (q.unit !== "%" && q.unit !== "‰")) {
        report({ messageId: "notPercent", data, cell: ind.valueCell, quote: ind.valueText });
        continue;
      }
      const pct = q.unit === "‰" ? q.value! / 10 : q.value!;
      if (!UNBOUNDED.test(name) && pct > 100 + 1e-9) report({ messageId: "over100", data, severity: "error", cell: ind.valueCell, quote: ind.valueText });
    }
  },
});
