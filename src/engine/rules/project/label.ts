import { ProjectForm } from "../../form/projectModel";

/** What each kind of table form is called. */
export const FORM_KIND_NAMES: Record<ProjectForm["kind"], string> = {
  project: "项目支出绩效自评表",
  department: "部门整体支出绩效自评表",
  evaluation: "绩效评价自评表",
  goals: "绩效目标自评表",
};

/** Whose form it is: the project's name, or the department's, or the unit's. */
export function formSubject(form: ProjectForm): string {
  const h = form.header;
  return (h.name ?? h.department ?? h.organization ?? h.unit)?.text.trim() ?? "";
}

/** How a table form is named in findings: its kind, its subject and its sheet, so several on one workbook are told apart. */
export function projectLabel(form: ProjectForm): string {
  const who = formSubject(form);
  const where = form.region.top > 0 && form.title ? `工作表「${form.sheetName}」第 ${form.region.top + 1} 行起` : `工作表「${form.sheetName}」`;
  return `${FORM_KIND_NAMES[form.kind]}${who ? `「${who}」` : ""}（${where}）`;
}
