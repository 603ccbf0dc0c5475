import { reportDriftRule } from "../../src/engine/rules/report-drift";
import { testRule } from "../helpers/ruleTester";
import { withSpec } from "../helpers/formBuilder";

const report = "(一) 垃圾分类工作深入推进。今年累计立案处罚2577宗，行政罚款53万余元。持续开展垃圾分类宣传，开展主题宣传活动达3061场次。\n(二) 行政执法工作有序开展。天河区共拆除违法建设2600宗，拆除面积393.41万平方米。";

testRule(reportDriftRule, {
  valid: [
    { name: "the same report twice", form: withSpec({ achievedGoal: report, overall: report }) },
    { name: "differing only in full-width brackets and spaces", form: withSpec({ achievedGoal: report + "（按市下达任务计算）", overall: report + " (按市下达任务计算)" }) },
    { name: "two different texts", form: withSpec({ achievedGoal: report, overall: "(一) 以社区容貌品质全域提升行动为牵引，注重整治提升。(二) 以燃气安全管理为重点，强化隐患排查。" }) },
  ],
  invalid: [
    {
      name: "a figure and a word changed",
      form: withSpec({ achievedGoal: report, overall: report.replace("2577宗", "2578宗").replace("深入推进", "稳步推进") }),
      errors: [{ messageId: "drift", cell: "B17", data: { count: 2, figures: 1, a: "部门整体支出的目标完成情况", b: "部门整体绩效" }, section: "overall" }],
      output: null,
    },
  ],
});
