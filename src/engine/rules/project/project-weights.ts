import { Finding, formatMessage } from "../types";
import { ProjectRule, projectLabel } from "./types";

/**
 * Weights add up to 100 (budget 10, 产出 50, 效益 30, 满意度 10 by default; Sichuan: budget 10 and
 * 90 within the indicators). A form with no 产出 or no 效益 三级指标, or no 满意度 indicator, is incomplete.
 */
export const projectWeights: ProjectRule = {
  id: "project-weights",
  severity: "error",
  description: "各项分值（权重）合计须为 100 分；应有产出、效益和满意度指标",
  fixable: false,
  messages: {
    sum: "预算执行与各绩效指标的分值合计为 {{sum}} 分，应为 100 分",
    missing: "绩效指标中没有「{{kind}}」类三级指标",
  },
  check({ form, scoring }) {
    if (form.indicators.length === 0) return [];
    const out: Finding[] = [];
    const cell = form.total?.cell ?? form.indicators[0].weight?.cell ?? form.indicators[0].target.cell;
    if (Math.abs(scoring.weightSum - 100) > 0.005) out.push({ rule: this.id, form: projectLabel(form), severity: "error", section: "projectScore", message: formatMessage(this.messages.sum, { sum: scoring.weightSum }), cell });
    const has = (re: RegExp) => form.indicators.some((i) => re.test(i.level1) || re.test(i.level2));
    for (const [kind, re] of [["产出", /产出/], ["效益", /效益/], ["满意度", /满意/]] as [string, RegExp][]) {
      if (!has(re)) out.push({ rule: this.id, form: projectLabel(form), severity: "warning", section: "projectIndicators", message: formatMessage(this.messages.missing, { kind }), cell: form.indicators[0].target.cell });
    }
    return out;
  },
};
