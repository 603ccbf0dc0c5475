import { indicatorValueEmpty } from "../../src/engine/rules/indicator-value-empty";
import { testRule } from "../helpers/ruleTester";
import { withSpec } from "../helpers/formBuilder";
import { task } from "../helpers/taskSpecs";

testRule(indicatorValueEmpty, {
  valid: [{ name: "all values", form: withSpec({}) }],
  invalid: [
    { name: "an indicator without its value", form: withSpec({ tasks: [task(1, [["新建公厕数", "10"], ["改造公厕数", null]])] }), errors: [{ messageId: "empty", cell: "F12", data: { name: "改造公厕数", task: "任务1" } }], output: null },
    { name: "a value without an indicator", form: withSpec({ tasks: [task(1, [["新建公厕数", "10"], ["", "11"]])] }), errors: [{ messageId: "noName", cell: "E12", severity: "warning" }], output: null },
  ],
});
