import { yearMismatch } from "../../src/engine/rules/year-mismatch";
import { testRule } from "../helpers/ruleTester";
import { withSpec } from "../helpers/formBuilder";

testRule(yearMismatch, {
  valid: [
    { name: "the evaluated year", form: withSpec({ achievedGoal: "2022年依法办理审批180件。" }) },
    { name: "a plan span", form: withSpec({ achievedGoal: "编制《实施方案（2021-2025年）》。" }) },
    { name: "the next year's plan", form: withSpec({ measures: "(一) 2023年继续推进垃圾分类。" }) },
    { name: "a comparison with a past year", form: withSpec({ achievedGoal: "较2020年增长5%，自2018年以来持续下降。" }) },
    { name: "a full-width span", form: withSpec({ achievedGoal: "编制《实施方案（２０２１－２０２５年）》。" }) },
    { name: "the evaluated year in full-width digits", form: withSpec({ achievedGoal: "２０２２年依法办理审批180件。" }) },
  ],
  invalid: [
    { name: "last year's report title", form: withSpec({ keyProject: "“质量监测中心运行经费”项目2021年度绩效自评报告" }), errors: [{ messageId: "year", cell: "B16", data: { passage: "2021年度绩效自评报告", year: 2022 }, section: "keyProject" }], output: null },
    { name: "a result two years old", form: withSpec({ achievedGoal: "2020年依法办理行政许可审批180件。" }), errors: [{ messageId: "year", cell: "E9", data: { passage: "2020年依法办理行政许可" } }], output: null },
    { name: "a result two years old, in full-width digits (quoted half-width)", form: withSpec({ achievedGoal: "２０２０年依法办理行政许可审批180件。" }), errors: [{ messageId: "year", cell: "E9", data: { passage: "2020年依法办理行政许可" } }], output: null },
  ],
});
