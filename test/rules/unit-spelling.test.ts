import { unitSpelling } from "../../src/engine/rules/unit-spelling";
import { testRule } from "../helpers/ruleTester";
import { withSpec } from "../helpers/formBuilder";
import { withIndicators } from "../helpers/taskSpecs";

testRule(unitSpelling, {
  valid: [{ name: "one spelling", form: withIndicators([["绿地面积", "12万平方米"]], "新增绿地面积12万平方米。") }],
  invalid: [
    {
      name: "m² and 平方米",
      form: withSpec({ tasks: [{ number: 1, name: "任务", fund: 1, rows: [["整治面积", "1.5万m²"], ["绿地面积", "2万平方米"]] }], achievedGoal: "新增绿地面积2万平方米，拆除面积3万平方米。" }),
      errors: [{ messageId: "spelling", cell: "F11", data: { unit: "平方米", a: "平方米", b: "m²" }, severity: "info" }],
      output: null,
    },
  ],
});
