import { FundingKey } from "../form/model";

/** A 运算 of the form: a derived cell, its inputs and its formula. */
export interface Derivation {
  id: string;
  target: FundingKey;
  /** The name of the derived cell, as printed on the form. */
  name: string;
  inputs: FundingKey[];
  /** money: 万元 to 2 decimals; rate: a fraction shown as a 2-decimal percent; score: points to 2 decimals. */
  kind: "money" | "rate" | "score";
  /** The arithmetic, in the form's words, for messages. */
  rule: string;
  /** The operation, so the rule can be said in the form's own labels. */
  op?: "-" | "/";
  compute(inputs: number[]): number | undefined;
  /** The spreadsheet formula over the inputs' A1 references. */
  formula(refs: string[]): string;
}

/** The three derived cells of the 部门整体支出绩效自评表. Money is rounded to 2 decimals (万元), rates to 2 decimal percent. */
export const DEPARTMENT_DERIVATIONS: Derivation[] = [
  {
    id: "adjustment",
    target: "adjustment",
    name: "年度预算调整数",
    inputs: ["adjustedBudget", "initialBudget"],
    kind: "money",
    rule: "部门调整预算收入 − 部门年初预算收入",
    op: "-",
    compute: ([adjusted, initial]) => adjusted - initial,
    formula: ([adjusted, initial]) => `ROUND(${adjusted}-${initial},2)`,
  },
  {
    id: "completionRate",
    target: "completionRate",
    name: "预算完成率",
    inputs: ["actualSpending", "adjustedBudget"],
    kind: "rate",
    rule: "实际支出数 ÷ 部门调整预算收入",
    op: "/",
    compute: ([actual, adjusted]) => (adjusted === 0 ? undefined : actual / adjusted),
    formula: ([actual, adjusted]) => `ROUND(${actual}/${adjusted},4)`,
  },
  {
    id: "adjustmentRate",
    target: "adjustmentRate",
    name: "预算调整率",
    inputs: ["adjustment", "initialBudget"],
    kind: "rate",
    rule: "年度预算调整数 ÷ 部门年初预算收入",
    op: "/",
    compute: ([adjustment, initial]) => (initial === 0 ? undefined : adjustment / initial),
    formula: ([adjustment, initial]) => `ROUND(${adjustment}/${initial},4)`,
  },
];
