import { indicatorProseMismatch } from "../../src/engine/rules/indicator-prose-mismatch";
import { testRule } from "../helpers/ruleTester";
import { withIndicators } from "../helpers/taskSpecs";

testRule(indicatorProseMismatch, {
  valid: [
    { name: "the same figure", form: withIndicators([["立案处罚宗数", "2577"]], "今年累计立案处罚2577宗。") },
    { name: "a synonym, same figure", form: withIndicators([["拆违面积", "393.41万平方米"]], "拆除面积393.41万平方米。") },
    { name: "one agreeing statement among several of the same measure", form: withIndicators([["立案处罚宗数", "2577"]], "立案处罚298宗；立案处罚2577宗；立案处罚3宗。") },
    { name: "a hedged figure within its hedge", form: withIndicators([["参与人次", "36500"]], "参与超过3.6万人次。") },
    { name: "a count and a rate are never compared", form: withIndicators([["安全隐患整改率", "100%"]], "发现安全隐患91宗，按期完成整改91宗。") },
    { name: "unrelated measures", form: withIndicators([["新建公厕数", "10"]], "更新招牌92块，面积约2050平方米。") },
    { name: "a target is not a result", form: withIndicators([["违法建设面积下降率", "≥5%"]], "违法建设面积下降3%。") },
    { name: "the count comes before the thing counted", form: withIndicators([["社区培育容貌品质社区个数", "5"]], "选定5个社区培育容貌品质社区。") },
  ],
  invalid: [
    {
      name: "the seed's 拆违面积 in m² against 万平方米",
      form: withIndicators([["拆违面积", "393.41m ²"]], "天河区共拆除违法建设2600宗，拆除面积393.41万平方米。"),
      errors: [{ messageId: "mismatch", cell: "F11", data: { name: "拆违面积", value: "393.41m ²", passage: "拆除面积393.41万平方米" } }],
      output: null,
    },
    { name: "a different count", form: withIndicators([["新建公厕数", "12"]], "新建公厕10座，改造公厕11座。"), errors: [{ messageId: "mismatch", cell: "F11", data: { passage: "新建公厕10座" } }], output: null },
    { name: "a different rate", form: withIndicators([["疫苗接种率", "95%"]], "全区环卫工人疫苗接种率99%。"), errors: [{ messageId: "mismatch", cell: "F11", data: { passage: "卫工人疫苗接种率99%" } }], output: null },
  ],
});
