import { negativeBudget } from "../../src/engine/rules/negative-budget";
import { testRule } from "../helpers/ruleTester";
import { withSpec } from "../helpers/formBuilder";

testRule(negativeBudget, {
  valid: [{ name: "positive figures", form: withSpec({}) }],
  invalid: [
    { name: "a negative 年初预算收入", form: withSpec({ initial: -800 }), errors: [{ messageId: "negative", cell: "G4", data: { name: "部门年初预算收入" } }], output: null },
    {
      name: "a negative task fund",
      form: withSpec({ tasks: [{ number: 1, name: "任务一", fund: -5, rows: [["指标", "1"]] }] }),
      errors: [{ messageId: "taskNegative", cell: "G11", data: { task: "任务一" }, section: "tasks" }],
      output: null,
    },
  ],
});
