import * as path from "path";
import { analyze, foundForm, hasErrors } from "../../engine";
import { UserError } from "../../hosts/xlsx/errors";
import { commitFix, openXlsxFile } from "../../hosts/xlsx/files";
import { PackageHost } from "../../hosts/xlsx/packageHost";
import { countFindings } from "../report";
import { describeChangeShown } from "../../engine";
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE } from "../exitCodes";
import { Io, consoleIo } from "../io";
import { LayoutFamily } from "../../engine";

export interface FixOptions {
  output?: string;
  sheet?: string;
  /** Layout families declared by the user (--layout). */
  layouts?: LayoutFamily[];
  /** What each change comes from (a rule id or derivation). */
  verbose?: boolean;
}

/**
 * ziping fix: applies every certain fix to the original package, cell by cell (every other part of
 * the workbook is kept byte for byte), and commits it safely: in place with a backup, or to -o.
 */
export async function runFix(file: string, opts: FixOptions, io: Io = consoleIo): Promise<number> {
  try {
    const input = openXlsxFile(file);
    const options = { sheet: opts.sheet, layouts: opts.layouts };
    const analysis = analyze(input.snapshot, options);
    if (!foundForm(analysis)) {
      io.err(`${file}：${analysis.recognition.reason}`);
      return EXIT_UNUSABLE;
    }
    if (analysis.patch.changes.length === 0) {
      io.out(`${file}：没有可自动修正的单元格，文件未改动。`);
      return hasErrors(analysis) ? EXIT_FINDINGS : EXIT_OK;
    }
    const host = new PackageHost(input.pkg, undefined, "xlsx", path.basename(file));
    const outcome = await host.applyPatch(analysis.patch);
    if (outcome.applied.length === 0) {
      for (const s of outcome.skipped) io.err(`  未修改 ${describeChangeShown(s.change, input.snapshot)}：${s.reason}。`);
      io.err(`${file}：没有单元格被修改，文件未改动。`);
      return EXIT_UNUSABLE;
    }
    const done = await commitFix(input, host.toBytes(), { output: opts.output });
    io.out(`修正：${file}${done.inPlace ? "" : ` → ${opts.output}`}`);
    for (const a of outcome.applied) io.out(`  ${describeChangeShown({ ...a.change, expected: a.before }, input.snapshot)}${opts.verbose ? `  [${a.change.source}]` : ""}`);
    for (const s of outcome.skipped) io.out(`  未修改 ${describeChangeShown(s.change, input.snapshot)}：${s.reason}。`);
    if (done.backup) io.out(`  原文件已备份为 ${done.backup}`);
    const after = analyze(await host.readSnapshot(), options);
    const c = countFindings(after);
    io.out(`  已修改 ${outcome.applied.length} 处；修正后还有强制 ${c.errors} 项、提示 ${c.warnings} 项需人工处理（ziping check 查看）。`);
    return c.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    io.err(e.message);
    return EXIT_UNUSABLE;
  }
}
