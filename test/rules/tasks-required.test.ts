import { tasksRequired } from "../../src/engine/rules/tasks-required";
import { testRule } from "../helpers/ruleTester";
import { withSpec } from "../helpers/formBuilder";

testRule(tasksRequired, {
  valid: [{ name: "two tasks", form: withSpec({}) }],
  invalid: [
    { name: "an empty table", form: withSpec({ tasks: [] }), errors: [{ messageId: "noTasks", cell: "A11" }], output: null },
    { name: "no table", form: withSpec({ noTable: true }), errors: [{ messageId: "noTable", cell: "A1" }], output: null },
  ],
});
