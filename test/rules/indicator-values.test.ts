import { indicatorValues } from "../../src/engine/rules/project/indicator-values";
import { testRule } from "../helpers/ruleTester";
import { nationalSpec, projectForm } from "../helpers/projectBuilder";

testRule(indicatorValues, {
  valid: [{ name: "every indicator has its name and result", form: projectForm(nationalSpec) }],
  invalid: [
    {
      name: "a target without its result",
      form: projectForm(nationalSpec, (s) => (s.indicators![1] = { ...s.indicators![1], actual: null })),
      errors: [{ messageId: "noActual", cell: "F13", data: { name: "数据监测准确率", target: "≥95%" }, severity: "error" }],
      output: null,
    },
    {
      name: "figures without a name",
      form: projectForm(nationalSpec, (s) => (s.indicators![2] = { ...s.indicators![2], level3: "" })),
      errors: [{ messageId: "noName", cell: "E14", data: { row: 14, target: "≤90元" }, severity: "warning" }],
      output: null,
    },
  ],
});
