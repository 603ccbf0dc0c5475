import { WorkbookSnapshot } from "../../src/engine";
import { sheetOf, workbookOf } from "./sheetBuilder";

/**
 * A county's own form, as docs/layouts.md's worked example has it: its indicator columns are
 * 年度计划值 and 年度实际完成, which no built-in layout prints, so it is read well only with its
 * declaration (COUNTY_LAYOUT). `mileage` is the 养护里程 result (80公里 misses the ≥100公里 target).
 */
export function countyRows(mileage = "80公里"): (string | number | null)[][] {
  return [
    ["某县专项资金绩效自评表"],
    ["项目名称", "农村公路养护"],
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 100, 100, 90, 10, "90.00%", 9],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度计划值", "年度实际完成", "分值", "得分"],
    [null, "产出指标", "数量指标", "养护里程", "≥100公里", mileage, 50, 50],
    [null, "效益指标", "社会效益指标", "通行条件改善", "明显改善", "达成", 30, 27],
    [null, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", 10, 10],
    ["总分", null, null, null, null, null, 100, 96],
  ];
}

export function countyForm(mileage?: string): WorkbookSnapshot {
  return workbookOf(sheetOf(countyRows(mileage)));
}

export const COUNTY_LAYOUT = {
  id: "xx-county-special",
  name: "某县专项资金绩效自评表",
  source: "某县财政局 2023 年通知附件",
  kind: "project",
  match: { title: ["专项资金绩效自评表"] },
  words: { indicatorColumns: { target: ["年度计划值"], actual: ["年度实际完成"] } },
  scoring: { budget: { points: 10 }, indicators: "ratio", qualitativeBands: true, weightTotal: 100, grades: [{ min: 90, grade: "优" }, { min: 80, grade: "良" }, { min: 60, grade: "中" }, { min: 0, grade: "差" }] },
};
