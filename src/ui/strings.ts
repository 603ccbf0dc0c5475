/**
 * The pane's own words. Chinese is the default; Office's display language picks English for the
 * controls. Findings stay in Chinese: they quote a Chinese form.
 */
export const STRINGS = {
  zh: {
    title: "ZiPing 自评助手",
    check: "一键校验",
    applyAll: "全部应用",
    fillDerived: "填充计算项",
    undo: "撤销",
    apply: "应用",
    mark: "在表格中标出问题单元格",
    idle: "点击「一键校验」检查当前工作簿中的自评表。",
    checking: "正在校验…",
    applying: "正在写入…",
    none: "没有发现问题。",
    toolbar: "操作",
    skipped: "未修改的单元格",
    help: "使用说明",
  },
  en: {
    title: "ZiPing Self-Evaluation Assistant",
    check: "Check form",
    applyAll: "Apply all",
    fillDerived: "Fill derived cells",
    undo: "Undo",
    apply: "Apply",
    mark: "Highlight cells with findings",
    idle: "Choose Check form to check the form in this workbook.",
    checking: "Checking…",
    applying: "Writing…",
    none: "No findings.",
    toolbar: "Actions",
    skipped: "Cells not changed",
    help: "Help (Chinese)",
  },
};

export type Strings = typeof STRINGS.zh;

export function stringsFor(displayLanguage: string | undefined): Strings {
  return displayLanguage && /^en/i.test(displayLanguage) ? STRINGS.en : STRINGS.zh;
}
