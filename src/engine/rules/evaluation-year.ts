import { departmentRule } from "./rule";

/** 被评价年度 should read as a year (2021年, 2021); the prose checks and suggestions depend on it. */
export const evaluationYear = departmentRule({
  meta: {
    id: "evaluation-year",
    severity: "warning",
    section: "header",
    description: "被评价年度应写成年份，如「2021年」",
    fixable: false,
    messages: {
      unreadable: "被评价年度「{{value}}」不是年份，请写成如「2021年」",
    },
  },
  check({ form }, report) {
    const y = form.header.year;
    if (!y || y.text.trim() === "" || form.header.yearNumber !== undefined) return;
    report({ messageId: "unreadable", data: { value: y.text }, cell: y.cell });
  },
});
