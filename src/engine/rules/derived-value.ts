import { departmentRule } from "./rule";

/**
 * 年度预算调整数, 预算完成率 and 预算调整率 must agree with their inputs.
 *   预算调整率 -30.00% with 调整数 -10145.17 and 年初 28517.27 → -35.58% (fix writes it in the cell's own kind)
 */
export const derivedValue = departmentRule({
  meta: {
    id: "derived-value",
    severity: "error",
    section: "funding",
    description: "运算项（年度预算调整数、预算完成率、预算调整率）须与其来源数一致",
    fixable: true,
    messages: {
      mismatch: "{{name}}应为 {{expected}}（{{rule}}），表中填的是「{{actual}}」",
      empty: "{{name}}未填写，按 {{rule}} 应为 {{expected}}",
    },
  },
  check({ derived }, report) {
    for (const d of derived) {
      if (d.status !== "mismatch" && d.status !== "empty") continue;
      report({
        messageId: d.status,
        data: { name: d.derivation.name, expected: d.display, rule: d.derivation.rule, actual: d.currentText },
        // An empty derived cell is only 提示: filling it is a fix, not a mistake of the form.
        severity: d.status === "empty" ? "warning" : "error",
        cell: d.cell,
        fix: d.change ? [d.change] : undefined,
      });
    }
  },
});
