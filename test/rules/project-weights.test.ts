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
      name: "a printed weights total that is not the sum",
      form: (() => {
        const wb = projectForm(sichuanSpec);
        wb.sheets[0].cells[14][8] = { v: 95 };
        return wb;
      })(),
      errors: [{ messageId: "printed", cell: "I15", data: { printed: 95, sum: 100 } }],
      output: null,
    },
    {
      name: "a 一级指标 whose points are not its indicators' weights",
      form: projectForm(nationalSpec, (s) => (s.indicators![0] = { ...s.indicators![0], level1: "产出指标（60分）" })),
      errors: [{ messageId: "group", cell: "B12", data: { points: 60, sum: 50 }, severity: "warning" }],
      output: null,
    },
    {
      name: "一级指标 points that do not add up to the block's",
      form: projectForm(sichuanSpec, (s) => {
        s.indicators![0] = { ...s.indicators![0], level1: "产出指标（50分）" };
        s.indicators![2] = { ...s.indicators![2], level1: "效益指标（30分）" };
        s.indicators![3] = { ...s.indicators![3], level1: "满意度指标（20分）" };
      }),
      errors: [
        { messageId: "block", cell: "A10", data: { points: 90, sum: 100 }, severity: "warning" },
        { messageId: "group", cell: "B14", data: { points: 20, sum: 10 } },
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
