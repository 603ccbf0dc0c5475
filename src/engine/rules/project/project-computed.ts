import { Section } from "../../form/sections";
import { projectRule } from "../rule";

/**
 * Every cell a table form computes must hold what it computes: 年度资金总额 (the sum of its rows),
 * 执行率, the budget's points, each indicator's points and 总分, by the form's family. Differences the
 * form's own practice explains (a score cut off rather than rounded, points taken off by judgement, a
 * sub-row that does not count) are 提示; the fix, where certain, writes the value in the cell's own
 * kind, a formula where the cell held one.
 */
export const projectComputed = projectRule({
  meta: {
    id: "project-computed",
    severity: "error",
    section: "projectFunds",
    description: "自评表的资金合计、执行率、得分和总分须与计算一致（按表格所属式样的计分办法）",
    fixable: true,
    messages: {
      mismatch: "{{name}}应为 {{expected}}（{{rule}}），表中填的是「{{actual}}」",
      empty: "{{name}}未填写，应为 {{expected}}（{{rule}}）",
      formula: "{{name}}的公式「={{formula}}」算得不对，应为 {{expected}}（{{rule}}）",
      truncated: "{{name}}按四舍五入应为 {{expected}}（{{rule}}），表中填的「{{actual}}」是截尾所得；如本地规定截尾计分可不改",
      rounding: "{{name}}按计算应为 {{expected}}（{{rule}}），表中填的「{{actual}}」末位差一，请核对舍入",
      zeroBase: "{{name}}：预算数为 0，没有执行率可言，表中却填了「{{actual}}」；应留空或填「—」",
      judgement: "{{name}}低于按完成比例计算的 {{expected}}（{{rule}}），表中填的是「{{actual}}」；如为酌情扣分，请在偏差原因中写明扣分理由",
      advisory: "{{name}}应为 {{expected}}（{{rule}}），表中填的是「{{actual}}」；这一行不计入总分，请核对",
      noScore: "「{{name}}」的得分未填写；这一项不能按公式计算（{{why}}），请按评分标准打分，总分也要随之填写",
      unscored: "表中各项得分和总分都未填写（共 {{count}} 处）；能计算的可按计算结果一次填写（全部应用 / 填充计算项），其余请按评分标准打分",
    },
  },
  check({ form, scoring }, report) {
    const pending = scoring.derived.filter((d) => d.status !== "ok");
    // A form sent up with no score at all is one finding, not one per empty cell.
    if (scoring.unscored) {
      const empty = pending.filter((d) => d.status === "empty");
      const fix = empty.flatMap((d) => (d.change ? [d.change] : []));
      const cell = form.total?.cell ?? empty[empty.length - 1]?.cell;
      if (cell) report({ messageId: "unscored", data: { count: scoring.emptyScores }, severity: "warning", section: "projectScore", cell, fix: fix.length ? fix : undefined });
    }
    if (!scoring.unscored) {
      for (const ind of scoring.unscoredItems) report({ messageId: "noScore", data: { name: ind.level3 || "（未写名称）", why: ind.nature === "qualitative" ? "定性指标" : "缺少指标值或完成值" }, severity: "warning", section: "projectIndicators", cell: ind.score!.cell });
    }
    for (const z of scoring.zeroBase) report({ messageId: "zeroBase", data: { name: z.name, actual: z.text }, severity: "warning", cell: z.cell });
    for (const d of pending) {
      if (scoring.unscored && d.status === "empty") continue;
      const section: Section = d.derivation.id === "project-total" ? "projectScore" : d.derivation.id === "project-indicator-score" ? "projectIndicators" : "projectFunds";
      const data: Record<string, string> = { name: d.derivation.name, expected: d.display, rule: d.derivation.rule };
      if (d.status === "formula-wrong") data.formula = d.currentFormula ?? "";
      else if (d.status !== "empty") data.actual = d.currentText || "（空）";
      const messageId = d.status === "formula-wrong" ? "formula" : d.status === "empty" ? "empty" : d.note ?? "mismatch";
      // An empty score cell is only 提示 (filling it is the fix); an empty 总分 is a form not finished.
      const severity = d.severity ?? (d.status === "empty" && d.derivation.id !== "project-total" ? "warning" : "error");
      report({ messageId, data, severity, section, cell: d.cell, fix: d.change ? [d.change] : undefined });
    }
  },
});
