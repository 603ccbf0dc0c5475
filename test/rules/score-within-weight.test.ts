import { scoreWithinWeight } from "../../src/engine/rules/project/score-within-weight";
import { testRule } from "../helpers/ruleTester";
import { nationalSpec, projectForm } from "../helpers/projectBuilder";
import { sheetOf, workbookOf } from "../helpers/sheetBuilder";

testRule(scoreWithinWeight, {
  valid: [{ name: "scores within their weights", form: projectForm(nationalSpec) }],
  invalid: [
    {
      name: "a score above its weight",
      form: projectForm(nationalSpec, (s) => (s.indicators![0] = { ...s.indicators![0], score: 25 })),
      errors: [{ messageId: "over", cell: "H12", data: { name: "巡查道路条数", score: 25, weight: 20 } }],
      output: null,
    },
    {
      name: "on an evaluation table too",
      form: workbookOf(
        sheetOf([
          ["部门整体支出绩效评价表"],
          ["一级指标", "二级指标", "三级指标", "指标分值", "评分标准", "自评得分"],
          ["投入", "预算编制", "目标制定", 10, "要素完整得10分", 12],
          ["产出", "完成情况", "目标实现", 90, "按完成比例计分", 80],
        ]),
      ),
      errors: [{ messageId: "over", cell: "F3", data: { score: 12, weight: 10 } }],
      output: null,
    },
  ],
});
