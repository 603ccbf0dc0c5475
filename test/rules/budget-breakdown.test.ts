import { budgetBreakdown } from "../../src/engine/rules/project/budget-breakdown";
import { testRule } from "../helpers/ruleTester";
import { sheetOf, workbookOf } from "../helpers/sheetBuilder";

/** The 湖南 budget block: the two splits written inside the labels, left (by source) and right (by use). */
function hunan(byUse: [string, string]) {
  return workbookOf(
    sheetOf(
      [
        ["2023年度部门整体支出绩效自评表"],
        ["预算部门、单位名称", "某乡人民政府"],
        ["年度预算申请（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "自评得分"],
        [null, "年度资金总额", 861.1, 2030.12, 2030.12, 10, "100%", 10],
        [null, "按收入性质分:2030.12", null, null, "按支出性质分:" + byUse[0]],
        [null, "其中: 一般公共预算:1325.68", null, null, "其中:基本支出:900.47"],
        [null, "政府性基金拨款:118.82", null, null, "项目支出:" + byUse[1]],
        [null, "纳入专户管理的非税收入拨款:"],
        [null, "其他资金:585.62"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        [null, "产出指标", "数量指标", "完成任务数", "≥10项", "10项", 90, 90],
      ],
      ["A3:A9"],
    ),
  );
}

testRule(budgetBreakdown, {
  valid: [
    { name: "both splits add up", form: hunan(["2030.12", "1129.65"]) },
  ],
  invalid: [
    {
      name: "the split by use short of the total (衡山县贯塘乡 2023)",
      form: hunan(["1925.67", "1025.20"]),
      errors: [{ messageId: "subtotal", cell: "E5", data: { label: "按支出性质分", sum: "1,925.67", total: "2,030.12" }, severity: "warning" }],
      output: null,
    },
  ],
});
