import { rateIndicatorValue } from "../../src/engine/rules/rate-indicator-value";
import { testRule } from "../helpers/ruleTester";
import { one } from "../helpers/taskSpecs";

testRule(rateIndicatorValue, {
  valid: [
    { name: "a percentage", form: one("疫苗接种率", "99%") },
    { name: "a target is another rule's finding, not this one's", form: one("使用人员满意率", "≥90%") },
    { name: "growth may pass 100%", form: one("收入增长率", "120%") },
    { name: "a completion rate may pass 100%", form: one("违建治理任务完成率", "100.87%") },
    { name: "not a rate", form: one("拆违面积", "393.41m ²") },
    { name: "a percent number cell", form: one("12319结案率", { v: 1, fmt: "0%" }) },
  ],
  invalid: [
    { name: "a qualitative value", form: one("政府采购合规率", "合规"), errors: [{ messageId: "notPercent", cell: "F11", severity: "warning" }], output: null },
    { name: "a bare number", form: one("垃圾分类知晓率", "98"), errors: [{ messageId: "notPercent", cell: "F11", data: { value: "98" } }], output: null },
    { name: "a share over 100%", form: one("采购设施使用率", "105%"), errors: [{ messageId: "over100", cell: "F11", severity: "error" }], output: null },
    { name: "a share over 100% in ‰", form: one("投诉率", "1200‰"), errors: [{ messageId: "over100", cell: "F11", severity: "error" }], output: null },
  ],
});
