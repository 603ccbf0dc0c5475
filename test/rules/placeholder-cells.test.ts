import { placeholderCells } from "../../src/engine/rules/project/placeholder-cells";
import { testRule } from "../helpers/ruleTester";
import { nationalSpec, projectForm, sichuanSpec } from "../helpers/projectBuilder";

testRule(placeholderCells, {
  valid: [
    { name: "a finished national form", form: projectForm(nationalSpec) },
    { name: "a finished Sichuan form", form: projectForm(sichuanSpec) },
  ],
  invalid: [
    {
      name: "the Sichuan form's printed prompt left in 评价结论 (青神县 2023)",
      form: (() => {
        const wb = projectForm(sichuanSpec);
        wb.sheets[0].cells[15][1] = { v: "结合自评情况，说明项目自评总分，说明项目实施取得的成效或成果。（200字以内）" };
        return wb;
      })(),
      errors: [{ messageId: "text", cell: "B16", data: { name: "评价结论", sample: "（200字以内）" }, section: "projectScore" }],
      output: null,
    },
    {
      name: "a result left as 【待填】",
      form: projectForm(nationalSpec, (s) => (s.indicators![0] = { ...s.indicators![0], actual: "【待填：52条】" })),
      errors: [{ messageId: "cell", cell: "F12", data: { what: "完成值" } }],
      output: null,
    },
  ],
});
