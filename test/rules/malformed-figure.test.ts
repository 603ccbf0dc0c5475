import { malformedFigure } from "../../src/engine/rules/malformed-figure";
import { testRule } from "../helpers/ruleTester";
import { withSpec } from "../helpers/formBuilder";

// validSpec: 年度目标完成情况 at E9, 部门整体绩效 at B17.
testRule(malformedFigure, {
  valid: [
    { name: "figures written right", form: withSpec({ achievedGoal: "罚款6.85万余元，单车74.892万辆，检查2,345家，投资1,234.5万元以内" }) },
    { name: "dates and codes", form: withSpec({ achievedGoal: "截至12月28日，12319结案率高，“6·13”事故" }) },
  ],
  invalid: [
    { name: "余 before 万", form: withSpec({ achievedGoal: "罚款6.85余万元。" }), errors: [{ messageId: "misplacedYu", cell: "E9", data: { raw: "6.85余万元", fixed: "6.85万余元" } }], output: { E9: "罚款6.85万余元。" } },
    {
      name: "a separator in a 万 figure, corrected by its twin",
      form: withSpec({ achievedGoal: "共享单车74,892万辆。", overall: "共享单车74.892万辆。" }),
      errors: [{ messageId: "separatorInWan", cell: "E9", data: { reading: "7.49亿辆", hint: "同一报告的另一处写作「74.892万辆」，应改为「74.892万辆」" } }],
      output: { E9: "共享单车74.892万辆。" },
    },
    { name: "a separator in a 万 figure without a twin has no fix", form: withSpec({ achievedGoal: "共享单车74,892万辆。" }), errors: [{ messageId: "separatorInWan", cell: "E9", data: { hint: "请核对是否应为小数点" } }], output: null },
    { name: "digits of both widths", form: withSpec({ achievedGoal: "完成１2个项目。" }), errors: [{ messageId: "mixedWidth", cell: "E9", data: { fixed: "12个" } }], output: { E9: "完成12个项目。" } },
    { name: "bad grouping", form: withSpec({ achievedGoal: "检查12,34家餐馆。" }), errors: [{ messageId: "badGrouping", cell: "E9", data: { raw: "12,34家" } }], output: null },
  ],
});
