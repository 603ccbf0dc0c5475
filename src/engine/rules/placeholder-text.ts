import { findPlaceholder, countPlaceholders } from "../narrative/placeholders";
import { proseBlocks } from "../narrative/sections";
import { departmentRule, quote } from "./rule";

/**
 * Nothing half-written is sent up: a template's 「……」 and 「XX」, a suggestion's 【待填：…】, a form's
 * printed prompt left in a cell are 强制 before the form is saved and sent, with their cells.
 */
export const placeholderText = departmentRule({
  meta: {
    id: "placeholder-text",
    severity: "error",
    section: "goals",
    description: "表中不得留有待填的占位文字（【待填：…】、……、XX、模板提示语）",
    fixable: false,
    messages: {
      prose: "「{{name}}」中还有 {{count}} 处待填的占位文字（如「{{sample}}」），请填写实际内容后再报送",
      value: "关键指标「{{name}}」的完成情况「{{value}}」是待填的占位文字，请填写实际完成值",
    },
  },
  check({ form }, report) {
    for (const block of proseBlocks(form)) {
      const p = findPlaceholder(block.ref.text);
      if (!p) continue;
      report({ messageId: "prose", data: { name: block.name, count: countPlaceholders(block.ref.text), sample: quote(p.text, 20) }, section: block.section, cell: block.ref.cell, quote: p.text });
    }
    for (const ind of form.indicators) {
      if (!findPlaceholder(ind.valueText)) continue;
      report({ messageId: "value", data: { name: ind.name, value: ind.valueText }, section: "tasks", cell: ind.valueCell, quote: ind.valueText });
    }
  },
});
