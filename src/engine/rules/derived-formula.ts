import { departmentRule } from "./rule";

/** A derived cell's formula must compute the derivation over the right cells; a wrong one is replaced by a formula. */
export const derivedFormula = departmentRule({
  meta: {
    id: "derived-formula",
    severity: "error",
    section: "funding",
    description: "运算项的公式须引用正确的来源单元格并算出正确结果",
    fixable: true,
    messages: {
      wrong: "{{name}}的公式「={{formula}}」算得不对，应为「={{correct}}」（{{rule}}，结果 {{expected}}）",
    },
  },
  check({ derived }, report) {
    for (const d of derived) {
      if (d.status !== "formula-wrong") continue;
      report({
        messageId: "wrong",
        data: { name: d.derivation.name, formula: d.change?.expected.formula ?? "", correct: d.formula, rule: d.derivation.rule, expected: d.display },
        cell: d.cell,
        fix: d.change ? [d.change] : undefined,
      });
    }
  },
});
