import { projectWeights } from "../../src/engine/rules/project/project-weights";
import { testRule } from "../helpers/ruleTester";
import { nationalSpec, projectForm, sichuanSpec } from "../helpers/projectBuilder";

testRule(projectWeights, {
  valid: [
    { name: "10 + 50 + 30 + 10", form: projectForm(nationalSpec) },
    { name: "Sichuan: 10 + 90", form: projectForm(sichuanSpec) },
  ],
  invalid: [
    {
      name: "weights adding to 90 and no 满意度 indicator",
      form: projectForm(nationalSpec, (s) => {
        s.indicators = s.indicators!.slice(0, 4);
        s.total = 80.5;
      }),
      errors: [
        { messageId: "missing", cell: "E12", data: { kind: "满意度" }, severity: "warning", section: "projectIndicators" },
        { messageId: "sum", cell: "H16", data: { sum: 90 }, severity: "error", section: "projectScore" },
      ],
      output: null,
    },
    {
      name: "no 效益 indicator, weights moved to 产出",
      form: projectForm(nationalSpec, (s) => (s.indicators = s.indicators!.filter((i) => i.level1 !== "效益指标").map((i) => (i.level3 === "巡查道路条数" ? { ...i, weight: 50, score: 50 } : i)))),
      errors: [{ messageId: "missing", cell: "E12", data: { kind: "效益" } }],
      output: null,
    },
  ],
});
