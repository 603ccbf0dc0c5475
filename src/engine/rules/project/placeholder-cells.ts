import { FieldRef, TextRef } from "../../form/model";
import { findPlaceholder, countPlaceholders } from "../../narrative/placeholders";
import { projectRule, quote } from "../rule";

/**
 * The table forms' counterpart of placeholder-text: a goal, a conclusion, an indicator's name, target
 * or result still holding a template's 「……」「XX」, a 【待填：…】 or the form's printed prompt
 * (「结合自评情况，说明……（200字以内）」) is not finished.
 */
export const placeholderCells = projectRule({
  meta: {
    id: "placeholder-cells",
    severity: "error",
    section: "projectIndicators",
    description: "自评表中不得留有待填的占位文字或模板提示语",
    fixable: false,
    messages: {
      text: "「{{name}}」中还有 {{count}} 处待填的占位文字或填写提示（如「{{sample}}」），请填写实际内容后再报送",
      cell: "指标「{{name}}」的{{what}}「{{value}}」是待填的占位文字，请填写实际内容",
    },
  },
  check({ form }, report) {
    const texts: [string, TextRef | undefined, "projectFunds" | "projectScore"][] = [
      ["预期目标", form.goals.expected, "projectFunds"],
      ["全年调整目标", form.goals.adjusted, "projectFunds"],
      ["实际完成情况", form.goals.achieved, "projectFunds"],
      ["评价结论", form.conclusion, "projectScore"],
      ["存在问题", form.problems, "projectScore"],
      ["改进措施", form.measures, "projectScore"],
    ];
    for (const [name, ref, section] of texts) {
      const p = ref && findPlaceholder(ref.text);
      if (!ref || !p) continue;
      report({ messageId: "text", data: { name, count: countPlaceholders(ref.text), sample: quote(p.text, 24) }, section, cell: ref.cell, quote: ref.text.slice(Math.max(0, p.index - 12), p.index + p.text.length + 12) });
    }
    for (const ind of form.indicators) {
      const cells: [string, FieldRef | undefined][] = [["指标值", ind.target], ["完成值", ind.actual]];
      for (const [what, f] of cells) {
        if (!f || !findPlaceholder(f.text)) continue;
        report({ messageId: "cell", data: { name: ind.level3 || "（未写名称）", what, value: f.text }, cell: f.cell, quote: f.text });
      }
    }
  },
});
