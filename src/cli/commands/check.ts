import * as path from "path";
import { WorkbookSnapshot } from "../../engine";
import { UserError } from "../../hosts/xlsx/errors";
import { readWorkbookFile, snapshotWorkbook } from "../../hosts/xlsx/xlsxHost";
import { SummaryRow, summaryTable } from "../report";
import { FileReport, ReportOptions, reportFile, unreadableRow } from "../fileReport";
import { CheckOutcome, CheckThread } from "../checkThread";
import { EXIT_OK, EXIT_UNUSABLE, ExitCode, worse } from "../exitCodes";
import { Io, consoleIo } from "../io";
import { expandInputs } from "../inputs";

export interface CheckOptions {
  json?: boolean;
  sheet?: string;
  /**
   * Where the engine runs: on a thread of its own for a folder when the machine has the cores
   * ("auto", the default), always there, or never (the tests and the bench compare the two).
   */
  thread?: "auto" | "always" | "never";
}

export async function runCheck(inputs: string[], opts: CheckOptions, io: Io = consoleIo): Promise<number> {
  const files = expandInputs(inputs);
  if (files.length === 0) {
    io.err("没有找到要检查的 .xlsx 文件。请给出文件路径，或包含 .xlsx 文件的文件夹。");
    return EXIT_UNUSABLE;
  }
  let code: ExitCode = EXIT_OK;
  const rows: SummaryRow[] = [];
  const emit = (r: FileReport) => {
    for (const l of r.out) io.out(l);
    for (const l of r.err) io.err(l);
    rows.push(r.summary);
    code = worse(code, r.code);
  };
  const options: ReportOptions = { json: opts.json, sheet: opts.sheet, several: files.length > 1 };
  const wantThread = opts.thread === "always" || (opts.thread !== "never" && files.length >= MIN_FILES_FOR_THREAD);
  const thread = wantThread ? CheckThread.get(opts.thread === "always" ? "always" : "auto") : undefined;
  if (thread) await checkOnThread(files, options, thread, emit);
  else await checkHere(files, options, emit);
  if (!opts.json && files.length > 1) {
    io.out(summaryTable(rows));
    const failed = rows.filter((r) => r.result !== "通过").length;
    io.out(`\n共 ${files.length} 个文件：${files.length - failed} 个通过，${failed} 个需处理。`);
  }
  return code;
}

/** Files read ahead of checking them (their snapshots are small; the workbooks are not kept). */
const READ_AHEAD = 32;
/**
 * Below this many files, a second engine warming up on a new thread costs more than the overlap
 * saves (a fresh `ziping check`: 16 files about 5% slower on a thread, 32 files 8% faster, 200 files 22%).
 */
const MIN_FILES_FOR_THREAD = 24;

/** Reads and checks on this thread. */
async function checkHere(files: string[], options: ReportOptions, emit: (r: FileReport) => void): Promise<void> {
  // A few files are read back to back, then checked: ExcelJS's loads ran about a quarter slower with
  // the engine's work between them, and over a folder this is about a tenth faster (npm run bench).
  for (let i = 0; i < files.length; i += READ_AHEAD) {
    const read: { file: string; snapshot?: WorkbookSnapshot; report?: FileReport }[] = [];
    for (const file of files.slice(i, i + READ_AHEAD)) {
      try {
        read.push({ file, snapshot: snapshotWorkbook(await readWorkbookFile(file), path.basename(file)) });
      } catch (e) {
        read.push({ file, report: unreadable(file, e, options) });
      }
    }
    for (const r of read) emit(r.report ?? reportFile(r.file, r.snapshot!, options));
  }
}

/**
 * Reads files on this thread while the check thread checks those already read; reports come out in
 * the files' order, each as soon as it and those before it are done. At most READ_AHEAD snapshots
 * wait for the thread, so memory stays bounded when reading is the faster of the two.
 */
async function checkOnThread(files: string[], options: ReportOptions, thread: CheckThread, emit: (r: FileReport) => void): Promise<void> {
  const outcomes: Promise<CheckOutcome>[] = [];
  const done: (CheckOutcome | undefined)[] = [];
  let emitted = 0;
  const emitOne = (outcome: CheckOutcome) => {
    emitted++;
    if ("error" in outcome) throw outcome.error;
    emit(outcome.report);
  };
  const emitDone = () => {
    while (emitted < outcomes.length && done[emitted]) emitOne(done[emitted]!);
  };
  const add = (outcome: Promise<CheckOutcome>) => {
    const i = outcomes.length;
    outcomes.push(outcome.then((o) => (done[i] = o)));
  };
  for (const file of files) {
    let snapshot: WorkbookSnapshot | undefined;
    try {
      snapshot = snapshotWorkbook(await readWorkbookFile(file), path.basename(file));
    } catch (e) {
      add(Promise.resolve({ report: unreadable(file, e, options) }));
    }
    if (snapshot) add(thread.check(file, snapshot, options));
    emitDone();
    while (outcomes.length - emitted > READ_AHEAD) emitOne(await outcomes[emitted]);
  }
  while (emitted < outcomes.length) emitOne(await outcomes[emitted]);
}

/** A file that could not be read, reported in its place; anything but a UserError is a bug, and goes on up. */
function unreadable(file: string, e: unknown, o: ReportOptions): FileReport {
  if (!(e instanceof UserError)) throw e;
  return { out: o.json ? [JSON.stringify({ file, error: e.message })] : [], err: o.json ? [] : [e.message], summary: unreadableRow(path.basename(file)), code: EXIT_UNUSABLE };
}

