import { indicatorLineMismatch } from "../../src/engine/rules/indicator-line-mismatch";
import { testRule } from "../helpers/ruleTester";
import { withSpec } from "../helpers/formBuilder";
import { task } from "../helpers/taskSpecs";

testRule(indicatorLineMismatch, {
  valid: [
    { name: "six and six", form: withSpec({ tasks: [task(1, [{ multi: [["a", "1"], ["b", "2"], ["c", "3"], ["d", "4"], ["e", "5"], ["f", "6"]] }])] }) },
    { name: "markup line breaks count as lines", form: withSpec({ tasks: [task(1, [{ multi: [["a", "1"], ["b", "2"]], values: "<p>1</p><p>2</p>" }])] }) },
  ],
  invalid: [
    { name: "three names, two values", form: withSpec({ tasks: [task(1, [{ multi: [["采购设施使用率", ""], ["b", ""], ["c", ""]], values: "100%\n51" }])] }), errors: [{ messageId: "mismatch", cell: "F11", data: { names: 3, values: 2 } }], output: null },
    { name: "two names, values on one line", form: withSpec({ tasks: [task(1, [{ multi: [["a", ""], ["b", ""]], values: "100% 51" }])] }), errors: [{ messageId: "mismatch", cell: "F11", data: { names: 2, values: 1 } }], output: null },
    { name: "one name, two values", form: withSpec({ tasks: [task(1, [["a", "1\n2"]])] }), errors: [{ messageId: "mismatch", cell: "F11", data: { names: 1, values: 2 } }], output: null },
  ],
});
