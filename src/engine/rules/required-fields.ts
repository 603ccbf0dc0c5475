import { isEmptyValue } from "../grid/snapshot";
import { FundingKey } from "../form/model";
import { Finding, Rule, formatMessage } from "./types";

const FUNDING_REQUIRED: [FundingKey, string, "error" | "warning"][] = [
  ["adjustedBudget", "部门调整预算收入", "error"],
  ["initialBudget", "部门年初预算收入", "error"],
  ["actualSpending", "实际支出数", "error"],
  ["generalBudget", "其中：一般公共预算", "warning"],
];

/** 部门名称, 被评价年度 and the funding figures must be filled, and the figures must be numbers. */
export const requiredFields: Rule = {
  id: "required-fields",
  severity: "error",
  description: "部门名称、被评价年度和部门资金情况的各项金额须填写，金额须为数字",
  fixable: false,
  messages: {
    empty: "{{name}}未填写",
    missingLabel: "表中没有找到「{{name}}」这一栏，请按模板补上",
    notNumber: "{{name}}应填金额（万元），表中填的是「{{value}}」",
  },
  check({ form, derived }) {
    const out: Finding[] = [];
    const header: [string, typeof form.header.department][] = [
      ["部门名称", form.header.department],
      ["被评价年度", form.header.year],
    ];
    for (const [name, f] of header) {
      if (!f) out.push({ rule: this.id, severity: "error", section: "header", message: formatMessage(this.messages.missingLabel, { name }), cell: form.title ?? { sheet: form.sheet, row: 0, col: 0 } });
      else if (f.text.trim() === "") out.push({ rule: this.id, severity: "error", section: "header", message: formatMessage(this.messages.empty, { name }), cell: f.cell });
    }
    for (const [key, name, severity] of FUNDING_REQUIRED) {
      const f = form.funding[key];
      if (!f) {
        if (severity === "error") out.push({ rule: this.id, severity, section: "funding", message: formatMessage(this.messages.missingLabel, { name }), cell: form.title ?? { sheet: form.sheet, row: 0, col: 0 } });
        continue;
      }
      if (isEmptyValue(f.source?.v) && !f.inline) out.push({ rule: this.id, severity, section: "funding", message: formatMessage(this.messages.empty, { name }), cell: f.cell });
      else if (f.quantity.kind !== "number") out.push({ rule: this.id, severity: "error", section: "funding", message: formatMessage(this.messages.notNumber, { name, value: f.text }), cell: f.cell });
    }
    // A derived cell that holds words instead of a figure, and cannot be computed either.
    for (const key of ["adjustment", "completionRate", "adjustmentRate"] as FundingKey[]) {
      const f = form.funding[key];
      if (!f || derived.some((d) => d.derivation.target === key)) continue;
      if (!isEmptyValue(f.source?.v) && f.quantity.kind === "text") {
        out.push({ rule: this.id, severity: "error", section: "funding", message: formatMessage(this.messages.notNumber, { name: f.label.replace(/[:：]$/, ""), value: f.text }), cell: f.cell });
      }
    }
    return out;
  },
};
