import { indicatorCoefficient } from "../../src/engine/rules/project/indicator-coefficient";
import { testRule } from "../helpers/ruleTester";
import { sheetOf, workbookOf } from "../helpers/sheetBuilder";

/** A 重庆-style form: 得分系数 × 指标权重, one indicator row to vary. */
function chongqing(actual: string, coefficient: string, name = "政府采购执行率") {
  return workbookOf(
    sheetOf(
      [
        ["部门整体绩效自评表"],
        ["主管部门", "某局", null, "自评总分（分）", 100],
        ["部门预算执行情况", "年初预算数", "全年（调整）预算数", "全年执行数", "执行率（%）", "执行率权重", "执行率得分（分）"],
        [null, 100, 100, 100, "100%", 10, 10],
        ["绩效指标", "指标名称", "计量单位", "指标性质", "年初指标值", "全年完成值", "得分系数（%）", "指标权重（分）", "指标得分（分）"],
        [null, name, "%", "定量指标", "100%", actual, coefficient, 90, coefficient === "100%" ? 90 : 72],
      ],
      ["A3:A4"],
    ),
  );
}

testRule(indicatorCoefficient, {
  valid: [
    { name: "a target met, coefficient 100%", form: chongqing("100%", "100%") },
    { name: "a target missed, coefficient its share", form: chongqing("80%", "80%") },
    { name: "a rate where less is better (控制率)", form: chongqing("92%", "100%", "公用经费控制率") },
  ],
  invalid: [
    {
      name: "72.74% of a 100% target with coefficient 100% (西部科学城 2021)",
      form: chongqing("72.74%", "100%"),
      errors: [{ messageId: "high", cell: "G6", data: { name: "政府采购执行率", share: "72.74%", coefficient: "100%" }, severity: "warning" }],
      output: null,
    },
  ],
});
