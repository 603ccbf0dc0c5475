import { markupInText } from "../../src/engine/rules/markup-in-text";
import { testRule } from "../helpers/ruleTester";
import { withSpec } from "../helpers/formBuilder";

testRule(markupInText, {
  valid: [
    { name: "plain lines", form: withSpec({ achievedGoal: "(一) 第一段。\n(二) 第二段。" }) },
    { name: "a ≤ sign is not markup", form: withSpec({ achievedGoal: "投诉≤2次，A<B且C>D" }) },
  ],
  invalid: [
    { name: "<p> paragraphs", form: withSpec({ problems: "<p>(一) 问题一。</p> <p>(二) 问题二。</p>" }), errors: [{ messageId: "markup", cell: "B18", data: { count: 4, sample: "<p>" }, section: "problems" }], output: { B18: "(一) 问题一。\n(二) 问题二。" } },
    { name: "&nbsp; and <br>", form: withSpec({ measures: "(一) 措施一。&nbsp;<br/>(二) 措施二。" }), errors: [{ messageId: "markup", cell: "B19", section: "measures" }], output: { B19: "(一) 措施一。\n(二) 措施二。" } },
  ],
});
