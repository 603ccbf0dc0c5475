import { evaluationYear } from "../../src/engine/rules/evaluation-year";
import { testRule } from "../helpers/ruleTester";
import { withSpec } from "../helpers/formBuilder";

testRule(evaluationYear, {
  valid: [
    { name: "2022年", form: withSpec({}) },
    { name: "a number", form: withSpec({ year: 2022 }) },
    { name: "2022年度", form: withSpec({ year: "2022年度" }) },
  ],
  invalid: [{ name: "words", form: withSpec({ year: "上一年度" }), errors: [{ messageId: "unreadable", cell: "G3", data: { value: "上一年度" }, severity: "warning" }], output: null }],
});
