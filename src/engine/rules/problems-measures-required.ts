import { TextRef } from "../form/model";
import { SECTION_NAMES } from "../form/sections";
import { isBlankText } from "../text/blank";
import { departmentRule } from "./rule";

/** 存在问题 and 改进措施 must be written: the 财政局 returns a form without them. */
export const problemsAndMeasuresRequired = departmentRule({
  meta: {
    id: "problems-measures-required",
    severity: "error",
    section: "problems",
    description: "存在问题、改进措施或下一步计划须填写",
    fixable: false,
    messages: {
      empty: "「{{name}}」未填写，请写明{{what}}",
      missing: "表中没有找到「{{name}}」一栏，请按模板补上",
    },
  },
  check({ form }, report) {
    const items: [TextRef | undefined, "problems" | "measures", string][] = [
      [form.problems, "problems", "本年度绩效目标未完成、资金使用和管理中存在的问题"],
      [form.measures, "measures", "针对存在问题的改进措施"],
    ];
    for (const [t, section, what] of items) {
      const name = SECTION_NAMES[section];
      if (!t) report({ messageId: "missing", data: { name }, section, cell: form.title ?? { sheet: form.sheet, row: 0, col: 0 } });
      else if (isBlankText(t.text)) report({ messageId: "empty", data: { name, what }, section, cell: t.cell });
    }
  },
});
