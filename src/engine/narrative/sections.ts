import { DepartmentForm, TextRef } from "../form/model";
import { GOAL_NAMES, SECTION_NAMES, Section } from "../form/sections";

/** A block of prose of the form, with the name a reviewer calls it by. */
export interface ProseBlock {
  key: string;
  name: string;
  section: Section;
  ref: TextRef;
}

/** Every prose cell of the form, in reading order. */
export function proseBlocks(form: DepartmentForm): ProseBlock[] {
  const out: ProseBlock[] = [];
  const add = (key: string, name: string, section: Section, ref: TextRef | undefined) => {
    if (ref && ref.raw.trim()) out.push({ key, name, section, ref });
  };
  add("expected", GOAL_NAMES.expected, "goals", form.goals.expected);
  add("achieved", GOAL_NAMES.achieved, "goals", form.goals.achieved);
  form.tasks.forEach((t, i) => {
    add(`task${i}.goal`, `主要任务「${t.name || t.numberText}」的预期目标`, "tasks", t.goal);
    add(`task${i}.completion`, `主要任务「${t.name || t.numberText}」的目标完成情况`, "tasks", t.completion);
  });
  add("keyProject", SECTION_NAMES.keyProject, "keyProject", form.keyProject);
  add("overall", SECTION_NAMES.overall, "overall", form.overall);
  add("problems", SECTION_NAMES.problems, "problems", form.problems);
  add("measures", SECTION_NAMES.measures, "measures", form.measures);
  return out;
}

/** The prose that reports what was done (not goals, not plans): where achieved figures are stated. */
export function reportBlocks(form: DepartmentForm): ProseBlock[] {
  return proseBlocks(form).filter((b) => b.key === "achieved" || b.key === "overall" || b.key === "keyProject" || b.key.endsWith(".completion"));
}
