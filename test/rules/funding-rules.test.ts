import { completionRateOver100 } from "../../src/engine/rules/completion-rate-over-100";
import { negativeBudget } from "../../src/engine/rules/negative-budget";
import { generalBudgetWithinSpending, taskFundsWithinSpending } from "../../src/engine/rules/funds-within-spending";
import { requiredFields } from "../../src/engine/rules/required-fields";
import { evaluationYear } from "../../src/engine/rules/evaluation-year";
import { testRule } from "../helpers/ruleTester";
import { validSpec, withSpec } from "../helpers/formBuilder";

testRule(completionRateOver100, {
  valid: [
    { name: "95%", form: withSpec({}) },
    { name: "exactly 100%", form: withSpec({ actual: 1000, completionRate: { v: 1, fmt: "0.00%" } }) },
  ],
  invalid: [{ name: "spending above the adjusted budget", form: withSpec({ actual: 1100, general: 900, completionRate: { v: 1.1, fmt: "0.00%" } }), errors: [{ cell: "D7", contains: ["110.00%", "超过 100%"] }], output: null }],
});

testRule(negativeBudget, {
  valid: [{ name: "positive figures", form: withSpec({}) }],
  invalid: [
    { name: "a negative 年初预算收入", form: withSpec({ initial: -800 }), errors: [{ cell: "G4", contains: "部门年初预算收入为负数" }] },
    {
      name: "a negative task fund",
      form: withSpec({ tasks: [{ number: 1, name: "任务一", fund: -5, rows: [["指标", "1"]] }] }),
      errors: [{ cell: "G11", contains: "任务「任务一」的任务涉及资金为负数" }],
    },
  ],
});

testRule(generalBudgetWithinSpending, {
  valid: [{ name: "below", form: withSpec({}) }, { name: "equal", form: withSpec({ general: 950 }) }],
  invalid: [{ name: "above 实际支出数", form: withSpec({ general: 960 }), errors: [{ cell: "D6", contains: ["960.00", "950.00"] }] }],
});

testRule(taskFundsWithinSpending, {
  valid: [{ name: "700 of 950", form: withSpec({}) }],
  invalid: [
    {
      name: "tasks summing above 实际支出数",
      form: withSpec({ tasks: [{ number: 1, name: "甲", fund: 600, rows: [["指标", "1"]] }, { number: 2, name: "乙", fund: "400.50", rows: [["指标", "1"]] }] }),
      errors: [{ cell: "G11", contains: ["1,000.50", "950.00"] }],
    },
  ],
});

testRule(requiredFields, {
  valid: [{ name: "all filled", form: withSpec({}) }, { name: "general budget may be text zero", form: withSpec({ general: "0.00" }) }],
  invalid: [
    { name: "no department name", form: withSpec({ department: null }), errors: [{ cell: "C3", contains: "部门名称未填写" }] },
    { name: "no year", form: withSpec({ year: "" }), errors: [{ cell: "G3", contains: "被评价年度未填写" }] },
    { name: "no adjusted budget", form: withSpec({ adjusted: null }), errors: [{ cell: "D4", contains: "部门调整预算收入未填写" }] },
    { name: "words for a figure", form: withSpec({ actual: "待统计" }), errors: [{ cell: "D5", contains: ["实际支出数应填金额", "待统计"] }] },
    { name: "general budget missing is only a warning", form: withSpec({ general: null }), errors: [{ cell: "D6", severity: "warning" }] },
    { name: "a label missing altogether", form: { ...validSpec(), labels: { initial: "上年结转" } }, errors: [{ contains: "没有找到「部门年初预算收入」" }] },
  ],
});

testRule(evaluationYear, {
  valid: [{ name: "2022年", form: withSpec({}) }, { name: "a number", form: withSpec({ year: 2022 }) }, { name: "2022年度", form: withSpec({ year: "2022年度" }) }],
  invalid: [{ name: "words", form: withSpec({ year: "上一年度" }), errors: [{ cell: "G3", contains: "上一年度" }] }],
});
