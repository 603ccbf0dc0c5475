import { WorkbookSnapshot } from "../../grid/snapshot";
import { ProjectForm } from "../../form/projectModel";
import { ProjectScoring } from "../../derive/projectScoring";
import { Finding, Severity } from "../types";

export interface ProjectRuleContext {
  form: ProjectForm;
  scoring: ProjectScoring;
  snapshot: WorkbookSnapshot;
}

/** A rule of the 项目支出绩效自评表: the same shape as the department form's rules. */
export interface ProjectRule {
  id: string;
  severity: Severity;
  description: string;
  fixable: boolean;
  messages: Record<string, string>;
  check(ctx: ProjectRuleContext): Finding[];
}

export function projectLabel(form: ProjectForm): string {
  const name = form.header.name?.text.trim();
  return `项目支出绩效自评表${name ? `「${name}」` : ""}（工作表「${form.sheetName}」）`;
}
