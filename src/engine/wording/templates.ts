import { DepartmentForm } from "../form/model";
import { toChineseNumber } from "../narrative/text";
import { WordingSection } from "./library";

/** A standard outline a user inserts into a section, written for this project. */
export interface SectionTemplate {
  id: string;
  name: string;
  section: WordingSection;
  /** The text, or a function of the form (the outline by task). */
  text: string | ((form: DepartmentForm) => string);
  builtIn: boolean;
}

export const BUILT_IN_TEMPLATES: SectionTemplate[] = [
  {
    id: "key-project-report",
    name: "重点项目绩效自评报告",
    section: "keyProject",
    builtIn: true,
    text: [
      "“【项目名称】”项目绩效自评报告",
      "一、基本情况",
      "（一）项目实施情况",
      "项目立项依据、实施内容、实施主体和进度：……",
      "（二）财政支出情况",
      "年初预算【待填】万元，调整后预算【待填】万元，全年执行【待填】万元，执行率【待填】%。主要支出内容：……",
      "（三）项目管理情况",
      "资金管理、政府采购、合同和验收管理等制度执行情况：……",
      "（四）项目绩效管理情况",
      "绩效目标设定、绩效运行监控和自评开展情况：……",
      "二、综合评价分析",
      "（一）自评结论综述",
      "自评得分【待填】分，等级【待填】。……",
      "（二）项目效益分析",
      "经济效益、社会效益、生态效益、可持续影响和服务对象满意度：……",
      "（三）支出效益分析",
      "……",
      "三、存在的主要问题",
      "……",
      "四、下一步改进措施",
      "……",
    ].join("\n"),
  },
  {
    id: "problems-skeleton",
    name: "存在问题（按预算、目标、管理分述）",
    section: "problems",
    builtIn: true,
    text: ["（一）预算编制和执行方面：……", "（二）绩效目标设定和完成方面：……", "（三）项目管理和资金使用方面：……"].join("\n"),
  },
  {
    id: "measures-skeleton",
    name: "改进措施（与存在问题逐条对应）",
    section: "measures",
    builtIn: true,
    text: ["（一）提高预算编制和执行的精准度：……", "（二）科学设定绩效目标，加强运行监控：……", "（三）规范项目管理和资金使用：……"].join("\n"),
  },
  {
    id: "achieved-by-task",
    name: "年度目标完成情况（按主要任务）",
    section: "achieved",
    builtIn: true,
    text: (form) =>
      (form.tasks.length ? form.tasks : [{ name: "【主要任务】" }])
        .map((t, i) => `（${toChineseNumber(i + 1)}）${t.name || "【主要任务】"}。完成情况：……；关键指标完成情况：……`)
        .join("\n"),
  },
];

export type InsertMode = "append" | "replace" | "prepend";

/** The section's new text after inserting: at the end, in place of what is there, or at the start. */
export function insertInto(current: string, text: string, mode: InsertMode): string {
  const c = current.replace(/\s+$/, "");
  if (mode === "replace" || c.trim() === "") return text;
  return mode === "append" ? `${c}\n${text}` : `${text}\n${current.replace(/^\s+/, "")}`;
}

export function templateText(t: SectionTemplate, form: DepartmentForm): string {
  return typeof t.text === "function" ? t.text(form) : t.text;
}

/** The guarded write that inserts text into a section's cell (expects the cell's text as read). */
export function insertionChange(ref: { cell: import("../grid/address").CellAddress; raw: string }, text: string, mode: InsertMode, source: string): import("../patch").CellChange {
  return { cell: ref.cell, expected: { value: ref.raw === "" ? null : ref.raw }, value: insertInto(ref.raw, text, mode), source };
}
