import { ProjectForm } from "../../form/projectModel";

/** How a project form is named in findings: its name and sheet, so several on one workbook are told apart. */
export function projectLabel(form: ProjectForm): string {
  const name = form.header.name?.text.trim();
  return `项目支出绩效自评表${name ? `「${name}」` : ""}（工作表「${form.sheetName}」）`;
}
