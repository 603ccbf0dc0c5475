import { formatMoney } from "../../derive/derive";
import { ProjectForm } from "../../form/projectModel";
import { projectRule } from "../rule";

type Part = ProjectForm["inlineParts"][number];

/**
 * Where a form splits its budget twice, by source (按收入性质分) and by use (按支出性质分), with the
 * amounts written inside the labels (湖南), each split must add up to 年度资金总额. 提示: which column
 * the split speaks of (全年预算数 or 全年执行数) the form does not say, so either one is accepted.
 */
export const budgetBreakdown = projectRule({
  meta: {
    id: "budget-breakdown",
    severity: "warning",
    section: "projectFunds",
    description: "按收入性质、按支出性质分列的资金应各自合计为年度资金总额",
    fixable: false,
    messages: {
      subtotal: "「{{label}}」合计 {{sum}} 万元，与年度资金总额 {{total}} 万元不符；两种分法的合计应相同，请核对",
    },
  },
  check({ form }, report) {
    const total = form.funds.find((f) => f.key === "total");
    const targets = [total?.cells.annual, total?.cells.actual, total?.cells.initial].map((c) => c?.quantity.value).filter((v): v is number => v !== undefined);
    if (!total || targets.length === 0 || form.inlineParts.length === 0) return;
    // Each part belongs to the subtotal label in its own column (the two splits stand side by side).
    const heads = form.inlineParts.filter((p) => p.subtotal);
    const groups = new Map<Part | undefined, Part[]>();
    for (const p of form.inlineParts) {
      if (p.subtotal) continue;
      const head = heads.filter((h) => h.cell.col <= p.cell.col).sort((a, b) => b.cell.col - a.cell.col)[0];
      const list = groups.get(head) ?? [];
      list.push(p);
      groups.set(head, list);
    }
    for (const [head, parts] of groups) {
      const sum = Math.round(parts.reduce((s, p) => s + p.value, 0) * 100) / 100;
      const stated = head?.value;
      const value = stated ?? sum;
      if (targets.some((t) => Math.abs(t - value) < 0.005)) continue;
      const cell = head?.cell ?? parts[0].cell;
      report({ messageId: "subtotal", data: { label: head?.label ?? parts.map((p) => p.label).join("、"), sum: formatMoney(value), total: formatMoney(targets[0]) }, cell, related: [total.labelCell] });
    }
  },
});
