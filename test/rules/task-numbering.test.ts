import { taskNumbering } from "../../src/engine/rules/task-numbering";
import { testRule } from "../helpers/ruleTester";
import { withSpec } from "../helpers/formBuilder";
import { task } from "../helpers/taskSpecs";

testRule(taskNumbering, {
  valid: [
    { name: "1, 2", form: withSpec({}) },
    { name: "unnumbered tasks", form: withSpec({ tasks: [task(undefined, [["a", "1"]]), task(undefined, [["b", "2"]])] }) },
    { name: "one task", form: withSpec({ tasks: [task(1, [["a", "1"]])] }) },
  ],
  invalid: [
    { name: "1 then 3 (the seed)", form: withSpec({ tasks: [task(1, [["a", "1"]]), task(3, [["b", "1"]])] }), errors: [{ messageId: "gap", cell: "A12", data: { prev: 1, next: 3, missing: "2" } }], output: null },
    { name: "a repeat", form: withSpec({ tasks: [task(1, [["a", "1"]]), task(1, [["b", "1"]])] }), errors: [{ messageId: "repeat", cell: "A12", data: { number: 1 } }], output: null },
    { name: "starting at 2", form: withSpec({ tasks: [task(2, [["a", "1"]])] }), errors: [{ messageId: "start", cell: "A11", data: { missing: "1" } }], output: null },
    { name: "1, 2, 5", form: withSpec({ tasks: [task(1, [["a", "1"]]), task(2, [["b", "1"]]), task(5, [["c", "1"]])] }), errors: [{ messageId: "gap", cell: "A13", data: { missing: "3、4" } }], output: null },
  ],
});
