import * as path from "path";
import { analyze, foundForm, hasErrors } from "../../engine";
import { UserError } from "../../hosts/xlsx/errors";
import { applyPatchToWorkbook, readWorkbookFile, snapshotWorkbook, writeWorkbookAtomic, backupPathFor } from "../../hosts/xlsx/xlsxHost";
import { describeChange, countFindings } from "../report";
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE } from "../exitCodes";
import { Io, consoleIo } from "../io";

export interface FixOptions {
  output?: string;
  sheet?: string;
}

export async function runFix(file: string, opts: FixOptions, io: Io = consoleIo): Promise<number> {
  try {
    const wb = await readWorkbookFile(file);
    const analysis = analyze(snapshotWorkbook(wb, path.basename(file)), { sheet: opts.sheet });
    if (!foundForm(analysis)) {
      io.err(`${file}：${analysis.recognition.reason}`);
      return EXIT_UNUSABLE;
    }
    const target = opts.output ?? file;
    if (opts.output && path.resolve(opts.output) === path.resolve(file)) {
      io.err("-o 指定的输出文件就是输入文件。要在原文件上修正，请去掉 -o（会自动保留备份）。");
      return EXIT_UNUSABLE;
    }
    if (analysis.patch.changes.length === 0) {
      io.out(`${file}：没有可自动修正的单元格，文件未改动。`);
      return hasErrors(analysis) ? EXIT_FINDINGS : EXIT_OK;
    }
    const outcome = applyPatchToWorkbook(wb, analysis.patch);
    if (outcome.applied.length === 0) {
      for (const s of outcome.skipped) io.err(`  未修改 ${describeChange(s.change)}：${s.reason}`);
      io.err(`${file}：没有单元格被修改，文件未改动。`);
      return EXIT_UNUSABLE;
    }
    await writeWorkbookAtomic(wb, target, opts.output ? undefined : file);
    io.out(`修正：${file}${opts.output ? ` → ${opts.output}` : ""}`);
    for (const a of outcome.applied) io.out(`  ${describeChange({ ...a.change, expected: a.before })}  [${a.change.source}]`);
    for (const s of outcome.skipped) io.out(`  未修改 ${describeChange(s.change)}：${s.reason}`);
    if (!opts.output) io.out(`  原文件已备份为 ${backupPathFor(file)}`);
    const after = analyze(snapshotWorkbook(wb, path.basename(target)), { sheet: opts.sheet });
    const c = countFindings(after);
    io.out(`  已修改 ${outcome.applied.length} 处；修正后还有强制 ${c.errors} 项、提示 ${c.warnings} 项需人工处理（ziping check 查看）。`);
    return c.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    io.err(e.message);
    return EXIT_UNUSABLE;
  }
}

