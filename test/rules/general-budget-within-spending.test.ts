import { generalBudgetWithinSpending } from "../../src/engine/rules/general-budget-within-spending";
import { testRule } from "../helpers/ruleTester";
import { withSpec } from "../helpers/formBuilder";

testRule(generalBudgetWithinSpending, {
  valid: [
    { name: "below", form: withSpec({}) },
    { name: "equal", form: withSpec({ general: 950 }) },
  ],
  invalid: [{ name: "above 实际支出数", form: withSpec({ general: 960 }), errors: [{ messageId: "over", cell: "D6", data: { general: "960.00", actual: "950.00" } }], output: null }],
});
