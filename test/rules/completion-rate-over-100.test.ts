import { completionRateOver100 } from "../../src/engine/rules/completion-rate-over-100";
import { testRule } from "../helpers/ruleTester";
import { withSpec } from "../helpers/formBuilder";

testRule(completionRateOver100, {
  valid: [
    { name: "95%", form: withSpec({}) },
    { name: "exactly 100%", form: withSpec({ actual: 1000, completionRate: { v: 1, fmt: "0.00%" } }) },
  ],
  invalid: [
    {
      name: "spending above the adjusted budget",
      form: withSpec({ actual: 1100, general: 900, completionRate: { v: 1.1, fmt: "0.00%" } }),
      errors: [{ messageId: "over", cell: "D7", data: { rate: "110.00%" }, severity: "error" }],
      output: null,
    },
  ],
});
