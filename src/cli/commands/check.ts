import * as path from "path";
import { Finding, LayoutFamily, checkConsolidation } from "../../engine";
import { UserError } from "../../hosts/xlsx/errors";
import { openXlsxFile, writeFileSafely } from "../../hosts/xlsx/files";
import { SummaryRow, summaryTable } from "../report";
import { FileReport, ReportOptions, reportFile, unreadableRow } from "../fileReport";
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, ExitCode, worse } from "../exitCodes";
import { Io, consoleIo } from "../io";
import { expandInputs } from "../inputs";
import { ReviewEntry, reviewEntry, reviewWorkbookBytes, unreadableEntry } from "../reviewWorkbook";
import { consolidationJson, consolidationLines, loadUnits, realPathOf } from "../units";

export interface CheckOptions {
  json?: boolean;
  sheet?: string;
  /** Layout families declared by the user (--layout). */
  layouts?: LayoutFamily[];
  /** Rule ids beside each finding. */
  verbose?: boolean;
  /** --units: the unit files (or folders) the one input, a 汇总 form, is checked against. */
  units?: string[];
  /** --report: the reviewer's workbook to write beside the usual output. */
  report?: string;
}

/**
 * ziping check: each file read by the package reader and checked, one after the other; reports come
 * out in the files' order as each is done. (A check thread overlapping reading and checking was tried
 * and removed: with the package reader, reading is a fifth of the work and the thread saved a tenth of
 * the time of a folder — docs/performance.md.)
 */
export async function runCheck(inputs: string[], opts: CheckOptions, io: Io = consoleIo): Promise<number> {
  const { files, skipped } = expandInputs(inputs);
  if (files.length === 0) {
    io.err("没有找到要检查的 .xlsx 文件。请给出文件路径，或包含 .xlsx 文件的文件夹。");
    for (const s of skipped) io.err(`  跳过 ${s.file}：${s.why}`);
    return EXIT_UNUSABLE;
  }
  if (opts.units && files.length !== 1) {
    io.err(`--units 要与一个汇总表一起使用（现在给出了 ${files.length} 个文件）。用法：ziping check 汇总.xlsx --units 单位文件夹或文件…`);
    return EXIT_UNUSABLE;
  }
  if (opts.report !== undefined) {
    const problem = reportTargetProblem(opts.report, [...files, ...(opts.units ? expandInputs(opts.units).files : [])]);
    if (problem) {
      io.err(problem);
      return EXIT_UNUSABLE;
    }
  }
  let code: ExitCode = EXIT_OK;
  const rows: SummaryRow[] = [];
  const entries: ReviewEntry[] = [];
  const options: ReportOptions = { json: opts.json, sheet: opts.sheet, several: files.length > 1, layouts: opts.layouts, verbose: opts.verbose };
  for (const file of files) {
    let report: FileReport;
    try {
      report = reportFile(file, openXlsxFile(file).snapshot, options);
    } catch (e) {
      report = unreadable(file, e, options);
    }
    for (const l of report.out) io.out(l);
    for (const l of report.err) io.err(l);
    rows.push(report.summary);
    code = worse(code, report.code);
    let extra: Finding[] = [];
    if (opts.units && report.analysis) {
      const done = checkUnits(file, report, opts, io);
      extra = done.findings;
      code = worse(code, done.code);
    }
    if (opts.report !== undefined) entries.push(report.analysis ? reviewEntry(file, report.analysis, extra) : unreadableEntry(file, report.reason ?? "无法读取"));
  }
  if (!opts.json && files.length > 1) {
    io.out(summaryTable(rows));
    const failed = rows.filter((r) => r.result !== "通过").length;
    io.out(`\n共 ${files.length} 个文件：${files.length - failed} 个通过，${failed} 个需处理。`);
  }
  // Files of the folders that were not checked, and why: a reviewer must know what was left out.
  if (skipped.length) {
    const say = opts.json ? io.err : io.out;
    say(`${opts.json ? "" : "\n"}跳过 ${skipped.length} 个文件：`);
    for (const s of skipped) say(`  ${s.file}：${s.why}`);
  }
  if (opts.report !== undefined) {
    // A workbook in another format is a form the reviewer received and could not read: it is listed.
    for (const s of skipped) if (!/已忽略$/.test(s.why)) entries.push(unreadableEntry(s.file, s.why));
    try {
      writeFileSafely(opts.report, await reviewWorkbookBytes(entries));
      (opts.json ? io.err : io.out)(`${opts.json ? "" : "\n"}审核结果已写入 ${opts.report}（汇总 ${entries.length} 行，问题清单 ${entries.reduce((n, e) => n + e.rows.length, 0)} 行）。`);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      io.err(e.message);
      code = EXIT_UNUSABLE;
    }
  }
  return code;
}

/** Why the report cannot be written where asked: it would replace an input, or it is not an .xlsx name. */
function reportTargetProblem(target: string, inputs: string[]): string | undefined {
  if (!/\.xlsx$/i.test(target)) return `审核结果要写成 .xlsx 文件（--report ${target}）。请给出以 .xlsx 结尾的文件名。`;
  const real = realPathOf(target);
  if (inputs.some((f) => realPathOf(f) === real)) return `「${target}」是要检查的文件之一，审核结果不能覆盖它。请换一个文件名。`;
  return undefined;
}

/** The 汇总 checked against its units: printed after its own report; its findings go into the review workbook too. */
function checkUnits(file: string, report: FileReport, opts: CheckOptions, io: Io): { code: ExitCode; findings: Finding[] } {
  const options = { layouts: opts.layouts };
  const { units, skipped } = loadUnits(opts.units!, options, [{ path: file, why: "汇总表本身，不计入" }]);
  const result = checkConsolidation(report.analysis!, units, { ...options, sheet: opts.sheet });
  if (opts.json) io.out(JSON.stringify(consolidationJson(file, result)));
  else {
    for (const l of consolidationLines(file, result, report.analysis!.snapshot, opts.verbose)) io.out(l);
    if (units.length === 0) io.out("  没有读到任何单位文件：请检查 --units 给出的文件或文件夹。");
  }
  if (skipped.length) {
    const say = opts.json ? io.err : io.out;
    say(`  --units 中跳过 ${skipped.length} 个文件：`);
    for (const s of skipped) say(`    ${s.file}：${s.why}`);
  }
  let code: ExitCode = EXIT_OK;
  if (!result.total || units.length === 0 || result.unitProblems.some((p) => p.excluded)) code = EXIT_UNUSABLE;
  if (result.findings.some((f) => f.severity === "error")) code = worse(code, EXIT_FINDINGS);
  return { code, findings: result.findings };
}

/** A file that could not be read, reported in its place; anything but a UserError is a bug, and goes on up. */
function unreadable(file: string, e: unknown, o: ReportOptions): FileReport {
  if (!(e instanceof UserError)) throw e;
  return { out: o.json ? [JSON.stringify({ file, error: e.message })] : [], err: o.json ? [] : [e.message], summary: unreadableRow(path.basename(file)), code: EXIT_UNUSABLE, reason: e.message };
}
