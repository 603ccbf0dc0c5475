import * as path from "path";
import { Patch, analyze, applyPatchToSnapshot, buildPatch, checkConsolidation, foundForm, hasErrors, sameCell } from "../../engine";
import { UserError } from "../../hosts/xlsx/errors";
import { commitFix, openXlsxFile } from "../../hosts/xlsx/files";
import { PackageHost } from "../../hosts/xlsx/packageHost";
import { countFindings } from "../report";
import { describeChangeShown } from "../../engine";
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE } from "../exitCodes";
import { Io, consoleIo } from "../io";
import { LayoutFamily } from "../../engine";
import { consolidationLines, loadUnits } from "../units";

export interface FixOptions {
  output?: string;
  sheet?: string;
  /** Layout families declared by the user (--layout). */
  layouts?: LayoutFamily[];
  /** What each change comes from (a rule id or derivation). */
  verbose?: boolean;
  /** --units: the file is a 汇总 form; its sums are written from these units' forms where certain. */
  units?: string[];
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
    let patch: Patch = analysis.patch;
    if (opts.units) {
      // The sums first: a derived cell is then written as it follows from them, not from the old figures.
      const { units } = loadUnits(opts.units, { layouts: opts.layouts }, [{ path: file, why: "汇总表本身" }]);
      const result = checkConsolidation(analysis, units, options);
      const left = result.unitProblems.filter((p) => p.excluded);
      if (units.length === 0 || left.length > 0) {
        for (const l of consolidationLines(file, result, input.snapshot)) io.err(l);
        io.err(units.length === 0 ? "没有读到任何单位文件，文件未改动。" : `有 ${left.length} 个单位文件未能计入，合计不全，汇总数未写入，文件未改动；请先处理上面列出的文件。`);
        return EXIT_UNUSABLE;
      } else {
        // The form's own fixes as they are once the sums are in (a derived cell from the right figures).
        const again = analyze(applyPatchToSnapshot(input.snapshot, result.patch).snapshot, options);
        const own = again.patch.changes.filter((c) => !result.patch.changes.some((r) => sameCell(r.cell, c.cell)));
        patch = buildPatch([...result.patch.changes, ...own]).patch;
      }
    }
    if (patch.changes.length === 0) {
      io.out(`${file}：没有可自动修正的单元格，文件未改动。`);
      return hasErrors(analysis) ? EXIT_FINDINGS : EXIT_OK;
    }
    const host = new PackageHost(input.pkg, undefined, "xlsx", path.basename(file));
    const outcome = await host.applyPatch(patch);
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

