import { ProseBlock, proseBlocks } from "../narrative/sections";
import { reportDrift, shareReport } from "../narrative/drift";
import { departmentRule, quote } from "./rule";

/** Two blocks carry the same report when most of the sentences of one stand in the other. */
const SAME_REPORT = 0.6;

/**
 * When two sections carry the same report (the seed's 目标完成情况 and 部门整体绩效), every sentence
 * that differs between them is listed side by side, figures first: one of the two is out of date.
 */
export const reportDriftRule = departmentRule({
  meta: {
    id: "report-drift",
    severity: "warning",
    section: "overall",
    description: "同一份报告出现在两个栏目时，两处的句子和数字应一致",
    fixable: false,
    messages: {
      drift: "「{{b}}」与「{{a}}」是同一份报告，但有 {{count}} 句不一致（其中 {{figures}} 句数字不同），例如：「{{first}}」与「{{second}}」；请以核实后的一份为准统一两处",
    },
  },
  check({ form }, report) {
    const blocks = proseBlocks(form).filter((b) => ["achieved", "overall", "keyProject"].includes(b.key));
    for (let i = 0; i < blocks.length; i++)
      for (let j = i + 1; j < blocks.length; j++) {
        const [a, b]: ProseBlock[] = [blocks[i], blocks[j]];
        if (!shareReport(a.ref.text, b.ref.text, SAME_REPORT)) continue;
        const pairs = reportDrift(a.ref.text, b.ref.text).sort((x, y) => Number(y.figures) - Number(x.figures));
        if (pairs.length === 0) continue;
        const first = pairs[0];
        report({
          messageId: "drift",
          data: { a: a.name, b: b.name, count: pairs.length, figures: pairs.filter((p) => p.figures).length, first: quote(first.a || "（无）", 36), second: quote(first.b || "（无）", 36) },
          section: b.section,
          cell: b.ref.cell,
          related: [a.ref.cell],
          quote: first.b || first.a,
          details: pairs,
          detailNames: [a.name, b.name],
        });
      }
  },
});
