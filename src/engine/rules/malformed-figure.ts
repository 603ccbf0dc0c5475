import { extractFigures } from "../narrative/figures";
import { proseBlocks } from "../narrative/sections";
import { comparable } from "../narrative/text";
import { cached, departmentRule } from "./rule";

/**
 * Figures written so that they read as something else:
 *   74,892万辆   a thousands separator inside a 万 figure reads as 7.49亿 (the other report has 74.892万辆)
 *   61.76余万元  余 belongs after 万: 61.76万余元
 *   １2.5%       full-width and half-width digits mixed in one figure
 */
export const malformedFigure = departmentRule({
  meta: {
    id: "malformed-figure",
    severity: "warning",
    section: "goals",
    description: "数字写法有误：万位数字中的千位分隔符、错位的「余」、全角半角数字混用",
    fixable: true,
    messages: {
      separatorInWan: "「{{raw}}」在「万」前用了千位分隔符，会被读作 {{reading}}；{{hint}}",
      misplacedYu: "「{{raw}}」中「余」的位置不对，应写作「{{fixed}}」",
      mixedWidth: "「{{raw}}」混用了全角和半角数字，应统一写作「{{fixed}}」",
      badGrouping: "「{{raw}}」的千位分隔符位置不对（应每三位一个），请核对这个数",
    },
  },
  check(ctx, report) {
    const blocks = proseBlocks(ctx.form);
    // Every figure of the prose as compared, built only when a figure needs its twin looked up.
    const allFigures = () => cached(ctx, "prose-figure-keys", () => new Set(blocks.flatMap((b) => extractFigures(b.ref.text).map((f) => comparable(f.raw)))));
    for (const block of blocks) {
      const seen = new Set<string>();
      const replace = (find: string, by: string) => (block.ref.raw.includes(find) ? { cell: block.ref.cell, raw: block.ref.raw, replace: [{ find, with: by }] } : undefined);
      for (const f of extractFigures(block.ref.text)) {
        const irr = f.irregular ?? [];
        if (irr.length === 0) continue;
        const key = `${f.raw}@${f.index}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const at = { section: block.section, cell: block.ref.cell, quote: f.clause };
        if (irr.includes("separator-in-wan")) {
          const decimal = f.raw.replace(/[,，]/, ".");
          const twin = allFigures().has(comparable(decimal));
          const reading = `${(f.value / 1e8).toFixed(2).replace(/\.?0+$/, "")}亿${f.unit}`;
          report({
            ...at,
            messageId: "separatorInWan",
            data: { raw: f.raw, reading, hint: twin ? `同一报告的另一处写作「${decimal}」，应改为「${decimal}」` : "请核对是否应为小数点" },
            edit: twin ? replace(f.raw, decimal) : undefined,
          });
        } else if (irr.includes("bad-grouping")) {
          report({ ...at, messageId: "badGrouping", data: { raw: f.raw } });
        }
        if (irr.includes("misplaced-yu")) {
          const fixed = f.raw.replace(/(余|多)\s*(万|亿)/, "$2$1");
          report({ ...at, messageId: "misplacedYu", data: { raw: f.raw, fixed }, edit: replace(f.raw, fixed) });
        }
        if (irr.includes("mixed-width-digits")) {
          const fixed = f.raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
          report({ ...at, messageId: "mixedWidth", data: { raw: f.raw, fixed }, edit: replace(f.raw, fixed) });
        }
      }
    }
  },
});
