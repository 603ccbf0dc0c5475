import { projectExplanations } from "../../src/engine/rules/project/project-explanations";
import { testRule } from "../helpers/ruleTester";
import { nationalSpec, projectForm, sichuanSpec } from "../helpers/projectBuilder";

// Sichuan: 原因 of the totals row I5; indicator 原因 in column K (投诉处理时限 in row 12).
testRule(projectExplanations, {
  valid: [
    { name: "every missed target explained", form: projectForm(sichuanSpec) },
    { name: "national form, 95% executed", form: projectForm(nationalSpec) },
    {
      name: "a low rate explained in 原因",
      form: projectForm(sichuanSpec, (s) => {
        s.funds![0] = ["总额", 200, 250, 190, 10, "76.00%", 7.6, "项目延期，部分资金结转下年"];
        s.funds![1] = ["财政资金", 200, 250, 190];
      }),
    },
  ],
  invalid: [
    {
      name: "a low rate, a mid-year change and a missed target, none explained",
      form: projectForm(sichuanSpec, (s) => {
        s.funds![0] = ["总额", 200, 250, 190, 10, "76.00%", 7.6, ""];
        s.funds![1] = ["财政资金", 200, 250, 190];
        s.indicators![1] = { ...s.indicators![1], reason: "" };
      }),
      errors: [
        { messageId: "lowRate", cell: "I5", data: { rate: "76.00%" }, section: "projectFunds" },
        { messageId: "adjusted", cell: "I5", data: { initial: "200.00", annual: "250.00" } },
        { messageId: "missed", cell: "K12", data: { name: "投诉处理时限", target: "24", actual: "30" }, section: "projectIndicators" },
      ],
      output: null,
    },
  ],
});
