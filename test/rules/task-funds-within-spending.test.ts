import { taskFundsWithinSpending } from "../../src/engine/rules/task-funds-within-spending";
import { testRule } from "../helpers/ruleTester";
import { withSpec } from "../helpers/formBuilder";

testRule(taskFundsWithinSpending, {
  valid: [
    { name: "700 of 950", form: withSpec({}) },
    { name: "half a cent over is rounding", form: withSpec({ tasks: [{ number: 1, name: "甲", fund: 950.004, rows: [["指标", "1"]] }] }) },
  ],
  invalid: [
    {
      name: "tasks summing above 实际支出数",
      form: withSpec({ tasks: [{ number: 1, name: "甲", fund: 600, rows: [["指标", "1"]] }, { number: 2, name: "乙", fund: "400.50", rows: [["指标", "1"]] }] }),
      errors: [{ messageId: "over", cell: "G11", data: { sum: "1,000.50", actual: "950.00" } }],
      output: null,
    },
  ],
});
