import { departmentRule } from "./rule";
import { proseBlocks } from "../narrative/sections";
import { toHalfWidth } from "../text/normalize";
import { halfWidthCode, isAsciiDigit } from "../text/chars";

/** Words around a year that make it a comparison, a plan or a span, not the year reported on. */
const NOT_THE_YEAR = /(以来|至今|起|开始|截至|同比|相比|比|较|规划|计划|方案|纲要|远景|目标|前|后|到|至|－|-|~|～)/;

/**
 * A year in the prose other than 被评价年度 that reads as the year reported on: "2020年度…自评报告"
 * in a 2021 form, or "2019年完成…" copied from an older form. The year before and after are normal
 * in comparisons and plans, so only "…年度" phrases flag them.
 */
export const yearMismatch = departmentRule({
  meta: {
    id: "year-mismatch",
    severity: "warning",
    section: "goals",
    description: "文字中作为本年度出现的年份应为被评价年度",
    fixable: false,
    messages: {
      year: "「{{name}}」写的是「{{passage}}」，而被评价年度是 {{year}} 年，是否沿用了往年的文字？",
    },
  },
  check({ form }, report) {
    const year = form.header.yearNumber;
    if (!year) return;
    for (const block of proseBlocks(form)) {
      // Read as written; only the few characters around a year are made half-width.
      const text = block.ref.text;
      const re = /((?:[1１][9９]|[2２][0０])[0-9０-９]{2})\s*年(度)?/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text))) {
        // Not the tail of a longer number or of a span ("2019-2021年"): checked here, not by a lookbehind tried at every character.
        const before1 = halfWidthCode(text.charCodeAt(m.index - 1));
        if (isAsciiDigit(before1) || before1 === 0x2d) {
          re.lastIndex = m.index + 1;
          continue;
        }
        const y = Number(toHalfWidth(m[1]));
        if (y === year) continue;
        const found = toHalfWidth(m[0]);
        const before = toHalfWidth(text.slice(Math.max(0, m.index - 6), m.index));
        const after = toHalfWidth(text.slice(m.index + m[0].length, m.index + m[0].length + 8));
        if (/[-~～至到]\s*$/.test(before) || /^\s*[-~～至到]/.test(after.replace(/^年/, ""))) continue;
        const annualPhrase = !!m[2] && /^(部门|项目|预算|决算|绩效|自评|整体|工作|重点)/.test(after);
        const far = Math.abs(y - year) >= 2 && !NOT_THE_YEAR.test(before + after.slice(0, 4));
        if (!annualPhrase && !far) continue;
        report({ messageId: "year", data: { name: block.name, passage: (found + after).slice(0, 16), year }, section: block.section, cell: block.ref.cell, quote: found + after });
      }
    }
  },
});
