import { TextRef } from "../form/model";
import { Finding, Rule, Section, formatMessage } from "./types";

/** Nothing but white space, dashes, slashes and 无: a search for any other character, not a copy of the prose without them. */
function isBlank(t: TextRef | undefined): boolean {
  return !t || !/[^\s\-—_*/\\无]/.test(t.text);
}

/** 存在问题 and 改进措施 must be written: the 财政局 returns a form without them. */
export const problemsAndMeasuresRequired: Rule = {
  id: "problems-measures-required",
  severity: "error",
  description: "存在问题、改进措施或下一步计划须填写",
  fixable: false,
  messages: {
    empty: "「{{name}}」未填写，请写明{{what}}",
    missing: "表中没有找到「{{name}}」一栏，请按模板补上",
  },
  check({ form }) {
    const out: Finding[] = [];
    const items: [TextRef | undefined, string, string, Section][] = [
      [form.problems, "存在问题", "本年度绩效目标未完成、资金使用和管理中存在的问题", "problems"],
      [form.measures, "改进措施或下一步计划", "针对存在问题的改进措施", "measures"],
    ];
    for (const [t, name, what, section] of items) {
      if (!t) out.push({ rule: this.id, severity: this.severity, section, message: formatMessage(this.messages.missing, { name }), cell: form.title ?? { sheet: form.sheet, row: 0, col: 0 } });
      else if (isBlank(t)) out.push({ rule: this.id, severity: this.severity, section, message: formatMessage(this.messages.empty, { name, what }), cell: t.cell });
    }
    return out;
  },
};

/** Note 1 of the form: every department evaluates at least one key project (500万元 or more where it has one). */
export const keyProjectRequired: Rule = {
  id: "key-project-required",
  severity: "error",
  description: "每个部门至少开展一个重点项目绩效评价（表注 1）",
  fixable: false,
  messages: {
    empty: "重点项目绩效情况未填写：每个部门至少开展一个重点项目绩效评价，重点项目指预算金额 500 万元以上的项目；没有的，根据部门职能自选一个",
    missing: "表中没有找到「重点项目绩效情况」一栏：每个部门至少开展一个重点项目绩效评价",
  },
  check({ form }) {
    if (!form.keyProject) return [{ rule: this.id, severity: this.severity, section: "keyProject", message: this.messages.missing, cell: form.title ?? { sheet: form.sheet, row: 0, col: 0 } }];
    if (isBlank(form.keyProject)) return [{ rule: this.id, severity: this.severity, section: "keyProject", message: this.messages.empty, cell: form.keyProject.cell }];
    return [];
  },
};
