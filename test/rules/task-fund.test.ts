import { taskFund } from "../../src/engine/rules/task-fund";
import { testRule } from "../helpers/ruleTester";
import { withSpec } from "../helpers/formBuilder";
import { task } from "../helpers/taskSpecs";

testRule(taskFund, {
  valid: [
    { name: "funds filled", form: withSpec({}) },
    { name: "funds as text", form: withSpec({ tasks: [task(1, [["a", "1"]], "1,452.11")] }) },
  ],
  invalid: [
    { name: "an empty fund", form: withSpec({ tasks: [task(1, [["a", "1"], ["b", "2"]], null)] }), errors: [{ messageId: "empty", cell: "G11", data: { task: "任务1" } }], output: null },
    { name: "words for a fund", form: withSpec({ tasks: [task(1, [["a", "1"]], "见附表")] }), errors: [{ messageId: "notNumber", cell: "G11", data: { value: "见附表" } }], output: null },
    {
      name: "a task of three rows with no fund, before a task that has one",
      form: withSpec({ tasks: [task(1, [["a", "1"], ["b", "2"], ["c", "3"]], null), task(2, [["d", "1"]], 100)] }),
      errors: [{ messageId: "empty", cell: "G11", data: { task: "任务1" } }],
      output: null,
    },
    {
      name: "the last task, over a page break, with no fund",
      form: withSpec({ tasks: [task(1, [["a", "1"]], 100), { ...task(2, [["b", "1"], ["c", "2"], ["d", "3"]], null), pageBreakBefore: 1 }] }),
      errors: [{ messageId: "empty", cell: "G12", data: { task: "任务2" } }],
      output: null,
    },
  ],
});
