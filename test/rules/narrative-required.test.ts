import { keyProjectRequired, problemsAndMeasuresRequired } from "../../src/engine/rules/narrative-required";
import { testRule } from "../helpers/ruleTester";
import { withSpec } from "../helpers/formBuilder";

testRule(problemsAndMeasuresRequired, {
  valid: [{ name: "both written", form: withSpec({}) }],
  invalid: [
    { name: "存在问题 empty", form: withSpec({ problems: "" }), errors: [{ cell: "B18", contains: "「存在问题」未填写" }] },
    { name: "改进措施 only a dash", form: withSpec({ measures: "——" }), errors: [{ cell: "B19", contains: "「改进措施或下一步计划」未填写" }] },
    { name: "改进措施 only markup", form: withSpec({ measures: "<p>&nbsp;</p>" }), errors: [{ cell: "B19" }] },
    { name: "the 存在问题 row missing", form: withSpec({ problems: null }), errors: [{ contains: "没有找到「存在问题」" }] },
  ],
});

testRule(keyProjectRequired, {
  valid: [{ name: "a report", form: withSpec({}) }],
  invalid: [
    { name: "empty", form: withSpec({ keyProject: "无" }), errors: [{ cell: "B16", contains: "500 万元以上" }] },
    { name: "missing", form: withSpec({ keyProject: null }), errors: [{ contains: "没有找到「重点项目绩效情况」" }] },
  ],
});
