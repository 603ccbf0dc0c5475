import { indicatorValueIsTarget } from "../../src/engine/rules/indicator-value-is-target";
import { testRule } from "../helpers/ruleTester";
import { withSpec } from "../helpers/formBuilder";
import { one, task } from "../helpers/taskSpecs";

testRule(indicatorValueIsTarget, {
  valid: [
    { name: "results", form: withSpec({}) },
    { name: "a hedged result is still a result", form: one("参与人次", "超过3.6万人次") },
    { name: "a qualitative result", form: one("除臭工作完成及时性", "按时") },
  ],
  invalid: [
    { name: "≥5%", form: one("违法建设面积下降率", "≥5%"), errors: [{ messageId: "target", cell: "F11", data: { value: "≥5%" }, severity: "warning" }], output: null },
    { name: "不低于85%", form: one("市容环境卫生满意度", "不低于85%"), errors: [{ messageId: "target", cell: "F11" }], output: null },
    { name: "90%以上", form: one("查处违章工地率", "90%以上"), errors: [{ messageId: "target", cell: "F11" }], output: null },
    { name: "平均每座公厕≤2次", form: one("有效投诉次数", "平均每座公厕≤2次"), errors: [{ messageId: "target", cell: "F11" }], output: null },
    { name: "one line of a shared cell", form: withSpec({ tasks: [task(1, [{ multi: [["a率", "100%"], ["b率", "≥10%"]] }])] }), errors: [{ messageId: "target", cell: "F11", data: { name: "b率" } }], output: null },
  ],
});
