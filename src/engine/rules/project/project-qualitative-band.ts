import { projectRule } from "../rule";

function round(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** 定性 indicators are checked, not computed: 达成 80–100% of the weight, 部分达成 60–80%, 未达成 under 60%. */
export const projectQualitative = projectRule({
  meta: {
    id: "project-qualitative-band",
    severity: "error",
    section: "projectIndicators",
    description: "定性指标的得分须落在其完成档次的区间内（达成 80%–100%，部分达成 60%–80%，未达成 60% 以下）",
    fixable: false,
    messages: {
      band: "定性指标「{{name}}」完成情况为「{{band}}」，得分应在 {{min}}–{{max}} 分之间（分值 {{w}}），表中为 {{score}} 分",
    },
  },
  check({ scoring }, report) {
    for (const s of scoring.indicators) {
      const ind = s.indicator;
      if (ind.nature !== "qualitative" || !s.band || !ind.score || !ind.weight) continue;
      const w = ind.weight.quantity.value;
      const score = ind.score.quantity.value;
      if (w === undefined || score === undefined) continue;
      const lo = s.band.min * w;
      const hi = s.band.max * w;
      const inBand = s.band.name === "达成" ? score >= lo - 1e-9 && score <= hi + 1e-9 : score >= lo - 1e-9 && score < hi - 1e-9;
      if (inBand) continue;
      report({ messageId: "band", data: { name: ind.level3, band: s.band.name, min: round(lo), max: round(hi), w, score }, cell: ind.score.cell });
    }
  },
});
