import * as path from "path";
import { Analysis, LayoutFamily, WorkbookSnapshot, analyze, foundForm, hasErrors } from "../engine";
import { analysisJson } from "./json";
import { SummaryRow, countFindings, humanReport } from "./report";
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, ExitCode } from "./exitCodes";

export interface ReportOptions {
  json?: boolean;
  sheet?: string;
  /** Several files: a blank line after each report, and a row for the summary table. */
  several?: boolean;
  /** Layout families declared by the user (--layout). */
  layouts?: LayoutFamily[];
  /** Rule ids beside each finding. */
  verbose?: boolean;
}

/** What `ziping check` prints for one file, as plain data. */
export interface FileReport {
  out: string[];
  err: string[];
  /** The file's line in the summary table of a folder. */
  summary: SummaryRow;
  code: ExitCode;
  /** The engine's pass over the file (absent when it could not be read). */
  analysis?: Analysis;
  /** Why the file could not be read, when it could not. */
  reason?: string;
}

export function reportFile(file: string, snapshot: WorkbookSnapshot, o: ReportOptions): FileReport {
  const analysis = analyze(snapshot, { sheet: o.sheet, layouts: o.layouts });
  const name = path.basename(file);
  if (!foundForm(analysis)) {
    return {
      out: o.json ? [JSON.stringify(analysisJson(file, analysis))] : [],
      err: o.json ? [] : [`${file}：${analysis.recognition.reason}`],
      summary: { file: name, who: "—", year: "—", errors: "—", warnings: "—", result: "未找到自评表" },
      code: EXIT_UNUSABLE,
      analysis,
    };
  }
  const form = analysis.form;
  const c = countFindings(analysis);
  const who = form ? form.header.department?.text ?? "" : analysis.projects.map((p) => p.form.header.name?.text ?? "").join("、");
  return {
    out: o.json ? [JSON.stringify(analysisJson(file, analysis))] : [humanReport(file, analysis, o.verbose), ...(o.several ? [""] : [])],
    err: [],
    summary: { file: name, who, year: form?.header.year?.text ?? "", errors: String(c.errors), warnings: String(c.warnings), result: c.errors ? "需修改" : "通过" },
    code: hasErrors(analysis) ? EXIT_FINDINGS : EXIT_OK,
    analysis,
  };
}

/** The summary line of a file that could not be read. */
export function unreadableRow(file: string): SummaryRow {
  return { file, who: "—", year: "—", errors: "—", warnings: "—", result: "无法读取" };
}
