import * as path from "path";
import { LayoutFamily } from "../../engine";
import { UserError } from "../../hosts/xlsx/errors";
import { openXlsxFile } from "../../hosts/xlsx/files";
import { SummaryRow, summaryTable } from "../report";
import { FileReport, ReportOptions, reportFile, unreadableRow } from "../fileReport";
import { EXIT_OK, EXIT_UNUSABLE, ExitCode, worse } from "../exitCodes";
import { Io, consoleIo } from "../io";
import { expandInputs } from "../inputs";

export interface CheckOptions {
  json?: boolean;
  sheet?: string;
  /** Layout families declared by the user (--layout). */
  layouts?: LayoutFamily[];
  /** Rule ids beside each finding. */
  verbose?: boolean;
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
  let code: ExitCode = EXIT_OK;
  const rows: SummaryRow[] = [];
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
  return code;
}

/** A file that could not be read, reported in its place; anything but a UserError is a bug, and goes on up. */
function unreadable(file: string, e: unknown, o: ReportOptions): FileReport {
  if (!(e instanceof UserError)) throw e;
  return { out: o.json ? [JSON.stringify({ file, error: e.message })] : [], err: o.json ? [] : [e.message], summary: unreadableRow(path.basename(file)), code: EXIT_UNUSABLE };
}
