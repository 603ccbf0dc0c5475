import { projectComputed } from "../../src/engine/rules/project/project-computed";
import { testRule } from "../helpers/ruleTester";
import { nationalSpec, projectForm, sichuanSpec } from "../helpers/projectBuilder";

// National layout: funds in rows 5–8 (C 年初, D 全年, E 执行, F 分值, G 执行率, H 得分); indicators in
// rows 12–16 (E 年度指标值, F 实际完成值, G 分值, H 得分); 总分 in H17. Sichuan: 合计 in J16.
testRule(projectComputed, {
  valid: [
    { name: "a correct national form", form: projectForm(nationalSpec) },
    { name: "a correct Sichuan form", form: projectForm(sichuanSpec) },
    { name: "figures typed as text", form: projectForm(nationalSpec, (s) => (s.funds![0] = ["年度资金总额", "100.00", "120.00", "114.00", "10", "95.00%", "9.50"])) },
  ],
  invalid: [
    {
      name: "a totals row left at zero",
      form: projectForm(nationalSpec, (s) => (s.funds![0] = ["年度资金总额", 0, 0, 0, 10, { v: 0.95, fmt: "0.00%" }, 9.5])),
      errors: [
        { messageId: "mismatch", cell: "C5", data: { expected: "100.00", actual: "0" }, section: "projectFunds" },
        { messageId: "mismatch", cell: "D5", data: { expected: "120.00" } },
        { messageId: "mismatch", cell: "E5", data: { expected: "114.00" } },
      ],
      output: { C5: 100, D5: 120, E5: 114 },
    },
    {
      name: "a missed target scored full",
      form: projectForm(nationalSpec, (s) => (s.indicators![0] = { ...s.indicators![0], actual: "40条", score: 20, reason: "道路施工占用" })),
      errors: [
        { messageId: "mismatch", cell: "H12", data: { name: "「巡查道路条数」的得分", expected: "16.00" }, section: "projectIndicators", severity: "error" },
        { messageId: "mismatch", cell: "H17", data: { expected: "86.28" }, section: "projectScore" },
      ],
      output: { H12: 16, H17: 86.28 },
    },
    {
      name: "an empty score is filled (提示), and the total follows",
      form: projectForm(nationalSpec, (s) => (s.indicators![1] = { ...s.indicators![1], score: null })),
      errors: [{ messageId: "empty", cell: "H13", severity: "warning", section: "projectIndicators" }],
      output: { H13: 20 },
    },
    {
      name: "a 合计 formula that leaves out a score",
      form: projectForm(sichuanSpec, (s) => (s.total = { v: 64.5, f: "H5+J11+J12+J13" })),
      errors: [{ messageId: "formula", cell: "J15", data: { formula: "H5+J11+J12+J13", expected: "91.50" }, section: "projectScore" }],
      output: { J15: "=H5+J11+J12+J13+J14" },
    },
  ],
});
