import { Finding, Rule, formatMessage } from "./types";

/**
 * 年度预算调整数, 预算完成率 and 预算调整率 must agree with their inputs.
 *   预算调整率 -30.00% with 调整数 -10145.17 and 年初 28517.27 → -35.58% (fix writes it in the cell's own kind)
 */
export const derivedValue: Rule = {
  id: "derived-value",
  severity: "error",
  description: "运算项（年度预算调整数、预算完成率、预算调整率）须与其来源数一致",
  fixable: true,
  messages: {
    mismatch: "{{name}}应为 {{expected}}（{{rule}}），表中填的是「{{actual}}」",
    empty: "{{name}}未填写，按 {{rule}} 应为 {{expected}}",
  },
  check({ derived }) {
    const out: Finding[] = [];
    for (const d of derived) {
      if (d.status !== "mismatch" && d.status !== "empty") continue;
      const data = { name: d.derivation.name, expected: d.display, rule: d.derivation.rule, actual: d.currentText };
      out.push({
        rule: this.id,
        severity: d.status === "empty" ? "warning" : "error",
        section: "funding",
        message: formatMessage(this.messages[d.status], data),
        cell: d.cell,
        fix: d.change ? [d.change] : undefined,
      });
    }
    return out;
  },
};

/** A derived cell's formula must compute the derivation over the right cells; a wrong one is replaced by a formula. */
export const derivedFormula: Rule = {
  id: "derived-formula",
  severity: "error",
  description: "运算项的公式须引用正确的来源单元格并算出正确结果",
  fixable: true,
  messages: {
    wrong: "{{name}}的公式「={{formula}}」算得不对，应为「={{correct}}」（{{rule}}，结果 {{expected}}）",
  },
  check({ derived }) {
    return derived
      .filter((d) => d.status === "formula-wrong")
      .map((d) => ({
        rule: this.id,
        severity: this.severity,
        section: "funding" as const,
        message: formatMessage(this.messages.wrong, { name: d.derivation.name, formula: d.change?.expected.formula ?? "", correct: d.formula, rule: d.derivation.rule, expected: d.display }),
        cell: d.cell,
        fix: d.change ? [d.change] : undefined,
      }));
  },
};
