import * as path from "path";
import { WorkbookSnapshot, analyze, foundForm, hasErrors } from "../engine";
import { analysisJson } from "./json";
import { countFindings, humanReport } from "./report";

export interface ReportOptions {
  json?: boolean;
  sheet?: string;
  /** Several files: a blank line after each report, and a row for the summary table. */
  several?: boolean;
}

/** What `ziping check` prints for one file, as plain data. */
export interface FileReport {
  out: string[];
  err: string[];
  row: string[];
  code: 0 | 1 | 2;
}

export function reportFile(file: string, snapshot: WorkbookSnapshot, o: ReportOptions): FileReport {
  const analysis = analyze(snapshot, { sheet: o.sheet });
  const name = path.basename(file);
  if (!foundForm(analysis)) {
    return {
      out: o.json ? [JSON.stringify(analysisJson(file, analysis))] : [],
      err: o.json ? [] : [`${file}：${analysis.recognition.reason}`],
      row: [name, "—", "—", "—", "—", "未找到自评表"],
      code: 2,
    };
  }
  const form = analysis.form;
  const c = countFindings(analysis);
  const who = form ? form.header.department?.text ?? "" : analysis.projects.map((p) => p.form.header.name?.text ?? "").join("、");
  return {
    out: o.json ? [JSON.stringify(analysisJson(file, analysis))] : [humanReport(file, analysis), ...(o.several ? [""] : [])],
    err: [],
    row: [name, who, form?.header.year?.text ?? "", String(c.errors), String(c.warnings), c.errors ? "需修改" : "通过"],
    code: hasErrors(analysis) ? 1 : 0,
  };
}
