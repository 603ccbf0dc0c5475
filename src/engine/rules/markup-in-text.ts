import { proseBlocks } from "../narrative/sections";
import { departmentRule } from "./rule";

const TAGS = /<\s*\/?\s*([a-z][a-z0-9]*)(\s[^<>]*)?\/?>|&(nbsp|lt|gt|amp|quot|#\d+);/gi;

/** HTML left in a cell by the system it was copied from (<p>, &nbsp;); the fix turns it into line breaks. */
export const markupInText = departmentRule({
  meta: {
    id: "markup-in-text",
    severity: "warning",
    section: "goals",
    description: "单元格中残留网页标记（<p>、&nbsp; 等），应换成换行",
    fixable: true,
    messages: {
      markup: "「{{name}}」中残留 {{count}} 处网页标记（如「{{sample}}」），是从其他系统复制时带入的；修正会把它们换成换行",
    },
  },
  check({ form }, report) {
    for (const block of proseBlocks(form)) {
      const tags = block.ref.raw.match(TAGS);
      if (!tags || tags.length === 0) continue;
      report({
        messageId: "markup",
        data: { name: block.name, count: tags.length, sample: tags[0] },
        section: block.section,
        cell: block.ref.cell,
        quote: tags[0],
        edit: { cell: block.ref.cell, raw: block.ref.raw, stripMarkup: true },
      });
    }
  },
});
