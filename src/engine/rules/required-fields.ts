import { isEmptyValue } from "../grid/snapshot";
import { FieldRef, FundingKey } from "../form/model";
import { departmentRule } from "./rule";

const FUNDING_REQUIRED: [FundingKey, string, "error" | "warning"][] = [
  ["adjustedBudget", "部门调整预算收入", "error"],
  ["initialBudget", "部门年初预算收入", "error"],
  ["actualSpending", "实际支出数", "error"],
  ["generalBudget", "其中：一般公共预算", "warning"],
];

/** 部门名称, 被评价年度 and the funding figures must be filled, and the figures must be numbers. */
export const requiredFields = departmentRule({
  meta: {
    id: "required-fields",
    severity: "error",
    section: "funding",
    description: "部门名称、被评价年度和部门资金情况的各项金额须填写，金额须为数字",
    fixable: false,
    messages: {
      empty: "{{name}}未填写",
      missingLabel: "表中没有找到「{{name}}」这一栏，请按模板补上",
      notNumber: "{{name}}应填金额（万元），表中填的是「{{value}}」",
    },
  },
  check({ form, derived }, report) {
    const header: [string, FieldRef | undefined][] = [
      ["部门名称", form.header.department],
      ["被评价年度", form.header.year],
    ];
    const formCell = form.title ?? { sheet: form.sheet, row: 0, col: 0 };
    for (const [name, f] of header) {
      if (!f) report({ messageId: "missingLabel", data: { name }, section: "header", cell: formCell });
      else if (f.text.trim() === "") report({ messageId: "empty", data: { name }, section: "header", cell: f.cell });
    }
    for (const [key, name, severity] of FUNDING_REQUIRED) {
      const f = form.funding[key];
      if (!f) {
        if (severity === "error") report({ messageId: "missingLabel", data: { name }, cell: formCell });
        continue;
      }
      if (isEmptyValue(f.source?.v) && !f.inline) report({ messageId: "empty", data: { name }, severity, cell: f.cell });
      else if (f.quantity.kind !== "number") report({ messageId: "notNumber", data: { name, value: f.text }, cell: f.cell });
    }
    // A derived cell that holds words instead of a figure, and cannot be computed either.
    for (const key of ["adjustment", "completionRate", "adjustmentRate"] as FundingKey[]) {
      const f = form.funding[key];
      if (!f || derived.some((d) => d.derivation.target === key)) continue;
      if (!isEmptyValue(f.source?.v) && f.quantity.kind === "text") report({ messageId: "notNumber", data: { name: f.label.replace(/[:：]$/, ""), value: f.text }, cell: f.cell });
    }
  },
});
