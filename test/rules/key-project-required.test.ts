import { keyProjectRequired } from "../../src/engine/rules/key-project-required";
import { testRule } from "../helpers/ruleTester";
import { withSpec } from "../helpers/formBuilder";

testRule(keyProjectRequired, {
  valid: [{ name: "a report", form: withSpec({}) }],
  invalid: [
    { name: "empty", form: withSpec({ keyProject: "无" }), errors: [{ messageId: "empty", cell: "B16" }], output: null },
    { name: "missing", form: withSpec({ keyProject: null }), errors: [{ messageId: "missing", cell: "A1" }], output: null },
  ],
});
