import { projectGrade } from "../../src/engine/rules/project/project-grade";
import { testRule } from "../helpers/ruleTester";
import { nationalSpec, projectForm, sichuanSpec } from "../helpers/projectBuilder";

/** The national form with a labelled 评价等级 row under 总分 (A18 label, B18 the grade). */
function withGradeRow(grade: string | null) {
  const wb = projectForm(nationalSpec, (s) => (s.grade = undefined));
  wb.sheets[0].cells[17] = [{ v: "评价等级" }, { v: grade }];
  return wb;
}

// National: 总分 H17 (90.28), grade I17. Sichuan: 合计 J15, 评价结论 B16.
testRule(projectGrade, {
  valid: [
    { name: "优 for 90.28", form: projectForm(nationalSpec) },
    { name: "优秀 is 优", form: projectForm(nationalSpec, (s) => (s.grade = "优秀")) },
    { name: "the Sichuan 评价结论", form: projectForm(sichuanSpec) },
    { name: "no grade cell at all", form: projectForm(nationalSpec, (s) => (s.grade = undefined)) },
    { name: "a labelled grade", form: withGradeRow("优") },
  ],
  invalid: [
    { name: "良 for 90.28", form: projectForm(nationalSpec, (s) => (s.grade = "良")), errors: [{ messageId: "wrong", cell: "I17", data: { total: "90.28", grade: "优", written: "良" }, section: "projectScore" }], output: { I17: "优" } },
    {
      name: "a total of 81.90 written as 优",
      form: projectForm(sichuanSpec, (s) => {
        s.indicators![0] = { ...s.indicators![0], actual: 390, score: 23.4 };
        s.indicators![2] = { ...s.indicators![2], score: 24 };
        s.total = 81.9;
      }),
      errors: [{ messageId: "wrong", cell: "B16", data: { total: "81.90", grade: "良", written: "优" } }],
      output: { B16: "良" },
    },
    { name: "a labelled grade left empty", form: withGradeRow(null), errors: [{ messageId: "empty", cell: "B18", data: { grade: "优" } }], output: { B18: "优" } },
  ],
});
