import { projectRule } from "../rule";

/** The 一级指标 an indicator belongs to, from its own level or its 二级指标 where the form left the level blank. */
export function indicatorKind(level1: string, level2: string): "产出" | "效益" | "满意度" | undefined {
  const t = `${level1} ${level2}`;
  if (/满意/.test(t)) return "满意度";
  if (/产出|数量|质量|时效|成本|进度/.test(t)) return "产出";
  if (/效益|影响/.test(t)) return "效益";
  return undefined;
}

/**
 * Weights add up to what the family says (100: budget 10, 产出 50, 效益 30, 满意度 10 by default;
 * Sichuan: budget 10 and 90 within the indicators). A scored form with no 产出 or 效益 indicator, or
 * no 满意度 indicator, is incomplete.
 */
export const projectWeights = projectRule({
  meta: {
    id: "project-weights",
    severity: "error",
    section: "projectScore",
    description: "各项分值（权重）合计须为 100 分；应有产出、效益和满意度指标",
    fixable: false,
    messages: {
      sum: "预算执行与各绩效指标的分值合计为 {{sum}} 分，应为 {{total}} 分",
      printed: "分值合计一栏填的是 {{printed}}，而各项分值相加为 {{sum}} 分",
      missing: "绩效指标中没有「{{kind}}」类三级指标",
      group: "「{{group}}」标明 {{points}} 分，其下各项分值相加为 {{sum}} 分",
      block: "「{{block}}」标明 {{points}} 分，其下一级指标标明的分值相加为 {{sum}} 分",
    },
  },
  check({ form, scoring }, report) {
    if (form.indicators.length === 0) return;
    const scheme = form.family.scoring;
    const cell = form.weightTotal?.cell ?? form.total?.cell ?? form.indicators[0].weight?.cell ?? form.indicators[0].target.cell;
    if (scheme.weightTotal !== null && scoring.weightsComplete) {
      if (Math.abs(scoring.weightSum - scheme.weightTotal) > 0.005) report({ messageId: "sum", data: { sum: scoring.weightSum, total: scheme.weightTotal }, cell });
      const printed = form.weightTotal?.quantity.value;
      if (printed !== undefined && Math.abs(printed - scoring.weightSum) > 0.005 && Math.abs(scoring.weightSum - scheme.weightTotal) <= 0.005) report({ messageId: "printed", data: { printed, sum: scoring.weightSum }, cell: form.weightTotal!.cell });
    }
    // The points printed on the labels: a group over its indicators, the block over its 一级指标.
    if (scoring.weightsComplete) {
      for (const g of form.groupPoints) {
        const members = form.indicators.filter((i) => i.row >= g.firstRow && i.row <= (g.lastRow ?? g.firstRow));
        if (members.length === 0) continue;
        const sum = Math.round(members.reduce((s, i) => s + (i.weight?.quantity.value ?? 0), 0) * 100) / 100;
        if (Math.abs(sum - g.points) > 0.005) report({ messageId: "group", data: { group: g.name.replace(/\s+/g, ""), points: g.points, sum }, severity: "warning", cell: g.cell });
      }
    }
    const level1Points = form.groupPoints.filter((g) => g.level === 1);
    if (form.indicatorPoints && level1Points.length >= 2) {
      const sum = level1Points.reduce((s, g) => s + g.points, 0);
      if (Math.abs(sum - form.indicatorPoints.points) > 0.005) report({ messageId: "block", data: { block: "绩效指标", points: form.indicatorPoints.points, sum }, severity: "warning", cell: form.indicatorPoints.cell });
    }
    // Only scored project and department forms are held to the three kinds; a form without levels says nothing of them.
    if ((form.kind !== "project" && form.kind !== "department") || scheme.indicators === "none") return;
    const kinds = new Set(form.indicators.map((i) => indicatorKind(i.level1, i.level2)));
    if (!form.indicators.some((i) => i.level1 || i.level2)) return;
    for (const kind of ["产出", "效益", "满意度"] as const) {
      if (!kinds.has(kind)) report({ messageId: "missing", data: { kind }, severity: "warning", section: "projectIndicators", cell: form.indicators[0].target.cell });
    }
  },
});
