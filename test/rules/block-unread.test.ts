import { blockUnread } from "../../src/engine/rules/project/block-unread";
import { testRule } from "../helpers/ruleTester";
import { nationalSpec, projectForm } from "../helpers/projectBuilder";
import { sheetOf, workbookOf } from "../helpers/sheetBuilder";

testRule(blockUnread, {
  valid: [{ name: "a form read whole", form: projectForm(nationalSpec) }],
  invalid: [
    {
      name: "an indicator header with nothing under it",
      form: projectForm(nationalSpec, (s) => {
        s.indicators = [];
        s.total = null;
      }),
      errors: [{ messageId: "indicators", cell: "D11", severity: "warning" }],
      output: null,
    },
    {
      name: "a budget block without a figure (amounts written as words)",
      form: workbookOf(
        sheetOf([
          ["项目支出绩效自评表"],
          ["项目名称", "某项目"],
          ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
          [null, "年度资金总额", "见附表", "见附表", "见附表", 10, null, null],
          ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
          [null, "产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 90, 90],
        ]),
      ),
      errors: [{ messageId: "budget", cell: "C3", section: "projectFunds" }],
      output: null,
    },
  ],
});
