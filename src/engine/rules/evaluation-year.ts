import { Rule, formatMessage } from "./types";

/** 被评价年度 should read as a year (2021年, 2021); the prose checks and suggestions depend on it. */
export const evaluationYear: Rule = {
  id: "evaluation-year",
  severity: "warning",
  description: "被评价年度应写成年份，如「2021年」",
  fixable: false,
  messages: {
    unreadable: "被评价年度「{{value}}」不是年份，请写成如「2021年」",
  },
  check({ form }) {
    const y = form.header.year;
    if (!y || y.text.trim() === "" || form.header.yearNumber !== undefined) return [];
    return [{ rule: this.id, severity: this.severity, section: "header", message: formatMessage(this.messages.unreadable, { value: y.text }), cell: y.cell }];
  },
};
