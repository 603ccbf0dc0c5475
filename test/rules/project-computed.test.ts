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
      name: "a score cut off rather than rounded is only 提示, without a fix",
      form: projectForm(nationalSpec, (s) => {
        s.indicators![0] = { ...s.indicators![0], actual: "49条", score: 19, reason: "个别路段施工" };
        s.total = 89.28;
      }),
      errors: [{ messageId: "truncated", cell: "H12", data: { expected: "20", actual: "19" }, severity: "warning" }],
      output: null,
    },
    {
      name: "one unit off in the last decimal printed is a rounding slip",
      form: projectForm(nationalSpec, (s) => {
        s.indicators![0] = { ...s.indicators![0], actual: "47条", score: 18.9, reason: "个别路段施工" };
        s.total = 89.18;
      }),
      errors: [{ messageId: "rounding", cell: "H12", data: { expected: "18.8", actual: "18.9" }, severity: "warning" }],
      output: null,
    },
    {
      name: "points taken off a met target are a judgement (提示)",
      form: projectForm(nationalSpec, (s) => {
        s.indicators![1] = { ...s.indicators![1], score: 18 };
        s.total = 88.28;
      }),
      errors: [{ messageId: "judgement", cell: "H13", data: { expected: "20.00", actual: "18" }, severity: "warning" }],
      output: null,
    },
    {
      name: "a sub-row's own points do not count, and are only 提示",
      form: projectForm(nationalSpec, (s) => (s.funds![1] = ["其中：当年财政拨款", 100, 110, 104, 10, { v: 0.9455, fmt: "0.00%" }, 8])),
      errors: [{ messageId: "advisory", cell: "H6", data: { expected: "9.45", actual: "8" }, severity: "warning" }],
      output: null,
    },
    {
      name: "a rate written for a row whose budget is 0",
      form: projectForm(nationalSpec, (s) => {
        s.funds![1] = ["其中：当年财政拨款", 100, 120, 114];
        s.funds![2] = ["上年结转资金", 0, 0, 0, undefined, "100%"];
      }),
      errors: [{ messageId: "zeroBase", cell: "G7", data: { actual: "100%" }, severity: "warning" }],
      output: null,
    },
    {
      name: "a form sent up with no score at all is one finding, with every fill",
      form: projectForm(nationalSpec, (s) => {
        s.funds![0] = ["年度资金总额", 100, 120, 114, 10, { v: 0.95, fmt: "0.00%" }, null];
        s.indicators = s.indicators!.map((i) => ({ ...i, score: null }));
        s.total = null;
      }),
      errors: [{ messageId: "unscored", cell: "H17", data: { count: 7 }, severity: "warning", section: "projectScore" }],
      output: { H5: "=ROUND(MIN(E5/D5,1)*F5,2)", H12: 20, H13: 20, H14: 10, H16: 9.78 },
    },
    {
      name: "a 定性 score left empty is scored by hand, and the total waits for it",
      form: projectForm(nationalSpec, (s) => (s.indicators![3] = { ...s.indicators![3], score: null })),
      errors: [{ messageId: "noScore", cell: "H15", data: { name: "市容环境卫生提升", why: "定性指标" }, severity: "warning" }],
      output: null,
    },
    {
      name: "a 合计 formula that leaves out a score",
      form: projectForm(sichuanSpec, (s) => (s.total = { v: 64.5, f: "H5+J11+J12+J13" })),
      errors: [{ messageId: "formula", cell: "J15", data: { formula: "H5+J11+J12+J13", expected: "91.50" }, section: "projectScore" }],
      output: { J15: "=H5+J11+J12+J13+J14" },
    },
  ],
});
