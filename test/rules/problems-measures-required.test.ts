import { problemsAndMeasuresRequired } from "../../src/engine/rules/problems-measures-required";
import { testRule } from "../helpers/ruleTester";
import { withSpec } from "../helpers/formBuilder";

testRule(problemsAndMeasuresRequired, {
  valid: [{ name: "both written", form: withSpec({}) }],
  invalid: [
    { name: "存在问题 empty", form: withSpec({ problems: "" }), errors: [{ messageId: "empty", cell: "B18", data: { name: "存在问题" }, section: "problems" }], output: null },
    { name: "改进措施 only a dash", form: withSpec({ measures: "——" }), errors: [{ messageId: "empty", cell: "B19", data: { name: "改进措施或下一步计划" }, section: "measures" }], output: null },
    { name: "改进措施 only markup", form: withSpec({ measures: "<p>&nbsp;</p>" }), errors: [{ messageId: "empty", cell: "B19" }], output: null },
    { name: "the 存在问题 row missing", form: withSpec({ problems: null }), errors: [{ messageId: "missing", cell: "A1", data: { name: "存在问题" } }], output: null },
  ],
});
