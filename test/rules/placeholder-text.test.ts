import { placeholderText } from "../../src/engine/rules/placeholder-text";
import { testRule } from "../helpers/ruleTester";
import { withSpec } from "../helpers/formBuilder";
import { one } from "../helpers/taskSpecs";

testRule(placeholderText, {
  valid: [
    { name: "a finished form", form: withSpec({}) },
    { name: "an ellipsis inside a sentence is prose", form: withSpec({ problems: "(一) 资金拨付、项目验收……等环节衔接不够。" }) },
    { name: "XXL in a word is not a placeholder", form: withSpec({ measures: "(一) 采购 XXL 规格垃圾桶。" }) },
  ],
  invalid: [
    {
      name: "a suggestion's figure left to fill",
      form: withSpec({ problems: "(一) 全年立案处罚【待填：2577宗】，执法力度仍需加强。" }),
      errors: [{ messageId: "prose", cell: "B18", data: { name: "存在问题", count: 1, sample: "【待填：2577宗】" }, section: "problems", severity: "error" }],
      output: null,
    },
    {
      name: "a template's skeleton",
      form: withSpec({ achievedGoal: "（一）做好环卫保洁工作。完成情况：……；关键指标完成情况：……\n（二）XX 工作。完成情况：……" }),
      errors: [{ messageId: "prose", cell: "E9", data: { name: "部门整体支出的目标完成情况" } }],
      output: null,
    },
    { name: "an indicator value left as XX", form: one("新建公厕数", "XX座"), errors: [{ messageId: "value", cell: "F11", data: { name: "新建公厕数", value: "XX座" } }], output: null },
  ],
});
