import { problemsMeasuresPairing } from "../../src/engine/rules/problems-measures-pairing";
import { testRule } from "../helpers/ruleTester";
import { withSpec } from "../helpers/formBuilder";

testRule(problemsMeasuresPairing, {
  valid: [
    { name: "each problem answered", form: withSpec({ problems: "(一) 需持续深入推进垃圾分类。\n(二) 需全力抓好燃气安全监管。", measures: "(一) 持续深入推进垃圾分类。抓好投放点保洁。\n(二) 全力抓好燃气安全监管。定期开展整治。" }) },
    { name: "answered under another heading", form: withSpec({ problems: "(一) 需推进垃圾分类。\n(二) 需进一步提升精细化管理水平和机械化作业率。优化环卫设施布局和管养。", measures: "(一) 推进垃圾分类工作。\n(二) 不断提升环境卫生保洁水平。进一步提升精细化管理水平和机械化作业率，优化环卫设施布局和管养。" }) },
    { name: "one item each is not a list", form: withSpec({ problems: "预算精准率不够。", measures: "加强沟通协调。" }) },
  ],
  invalid: [
    {
      name: "a problem left unanswered",
      form: withSpec({ problems: "(一) 需推进垃圾分类。\n(二) 需加强违建治理。\n(三) 需提高公厕管养水平。", measures: "(一) 推进垃圾分类。\n(二) 加强违建治理，严厉打击新增违法建设。" }),
      errors: [{ messageId: "noMeasure", cell: "B18", data: { n: "(三)", text: "需提高公厕管养水平。" }, section: "problems" }],
      output: null,
    },
    {
      name: "a measure with no problem",
      form: withSpec({ problems: "(一) 需推进垃圾分类。\n(二) 需加强违建治理。", measures: "(一) 推进垃圾分类。\n(二) 加强违建治理。\n(三) 建设智慧城管平台。" }),
      errors: [{ messageId: "noProblem", cell: "B19", data: { n: "(三)", text: "建设智慧城管平台。" }, section: "measures" }],
      output: null,
    },
  ],
});
