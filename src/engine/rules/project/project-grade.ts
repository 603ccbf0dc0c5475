import { projectRule } from "../rule";

/** The grade follows the total: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below (财预〔2020〕10号). */
export const projectGrade = projectRule({
  meta: {
    id: "project-grade",
    severity: "error",
    section: "projectScore",
    description: "评价等级须与总分相符：90 分及以上为优，80–90 为良，60–80 为中，60 以下为差",
    fixable: true,
    messages: {
      wrong: "总分 {{total}} 分对应的等级是「{{grade}}」，表中写的是「{{written}}」",
      empty: "总分 {{total}} 分对应的等级是「{{grade}}」，等级一栏未填写",
    },
  },
  check({ form, scoring }, report) {
    const g = form.grade;
    if (!g || scoring.total === undefined || !scoring.grade) return;
    const written = g.text.trim();
    const normalized = written.replace(/^优秀$/, "优").replace(/^良好$/, "良");
    if (normalized === scoring.grade) return;
    const data: Record<string, string> = { total: scoring.total.toFixed(2), grade: scoring.grade };
    if (written) data.written = written;
    report({
      messageId: written ? "wrong" : "empty",
      data,
      cell: g.cell,
      fix: [{ cell: g.cell, expected: { value: g.source?.v ?? null, formula: g.source?.f }, value: scoring.grade, source: "project-grade" }],
    });
  },
});
