import { projectQualitative } from "../../src/engine/rules/project/project-qualitative-band";
import { testRule } from "../helpers/ruleTester";
import { nationalSpec, projectForm, sichuanSpec } from "../helpers/projectBuilder";

// National: the 定性 indicator 市容环境卫生提升 is row 15 (分值 G15 = 30, 得分 H15); Sichuan: 道路整洁度 row 13 (得分 J13).
testRule(projectQualitative, {
  valid: [
    { name: "部分达成 at 70% (21 of 30)", form: projectForm(nationalSpec) },
    { name: "达成 at 90% (27 of 30)", form: projectForm(sichuanSpec) },
    { name: "达成 at full marks", form: projectForm(sichuanSpec, (s) => (s.indicators![2] = { ...s.indicators![2], score: 30 })) },
    { name: "部分达成 at the band's floor (18 of 30)", form: projectForm(nationalSpec, (s) => (s.indicators![3] = { ...s.indicators![3], score: 18 })) },
  ],
  invalid: [
    {
      name: "部分达成 scored 27 of 30",
      form: projectForm(nationalSpec, (s) => (s.indicators![3] = { ...s.indicators![3], score: 27 })),
      errors: [{ messageId: "band", cell: "H15", data: { band: "部分达成", min: "18", max: "24", w: 30, score: 27 }, severity: "error" }],
      output: null,
    },
    {
      name: "部分达成 scored at the band's ceiling belongs to 达成",
      form: projectForm(nationalSpec, (s) => (s.indicators![3] = { ...s.indicators![3], score: 24 })),
      errors: [{ messageId: "band", cell: "H15", data: { band: "部分达成", score: 24 } }],
      output: null,
    },
    {
      name: "达成 scored under 80%",
      form: projectForm(sichuanSpec, (s) => (s.indicators![2] = { ...s.indicators![2], score: 20 })),
      errors: [{ messageId: "band", cell: "J13", data: { band: "达成", min: "24", max: "30" } }],
      output: null,
    },
  ],
});
