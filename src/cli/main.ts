import * as fs from "fs";
import * as path from "path";
import { Command, CommanderError } from "commander";
import { WorkbookSnapshot, analyze, foundForm, hasErrors, WORDING_SECTIONS, WordingSection, emptyLibrary, parseLibrary, addToLibrary, itemsOfForm, Retriever, priorForms } from "../engine";
import { UserError } from "../hosts/xlsx/errors";
import { applyPatchToWorkbook, readWorkbookFile, snapshotWorkbook, writeWorkbookAtomic, writeFileAtomic, backupPathFor } from "../hosts/xlsx/xlsxHost";
import { describeChange, summaryTable, countFindings } from "./report";
import { FileReport, ReportOptions, reportFile } from "./fileReport";
import { CheckOutcome, CheckThread } from "./checkThread";

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNUSABLE = 2;

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

const consoleIo: Io = { out: (l) => process.stdout.write(l + "\n"), err: (l) => process.stderr.write(l + "\n") };

/** Folders stand for the .xlsx files inside them (Excel's ~$ lock files and ZiPing's backups left out). */
function expandInputs(inputs: string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(input);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
          const p = path.join(dir, entry.name);
          if (entry.isDirectory()) walk(p);
          else if (/\.xlsx$/i.test(entry.name) && !entry.name.startsWith("~$") && !/\.bak\.xlsx$/i.test(entry.name)) files.push(p);
        }
      };
      walk(input);
    } else files.push(input);
  }
  return files;
}

interface CheckOptions {
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
  let code = EXIT_OK;
  const rows: string[][] = [];
  const emit = (r: FileReport) => {
    for (const l of r.out) io.out(l);
    for (const l of r.err) io.err(l);
    rows.push(r.row);
    if (r.code === EXIT_UNUSABLE) code = EXIT_UNUSABLE;
    else if (r.code === EXIT_FINDINGS && code === EXIT_OK) code = EXIT_FINDINGS;
  };
  const options: ReportOptions = { json: opts.json, sheet: opts.sheet, several: files.length > 1 };
  const wantThread = opts.thread === "always" || (opts.thread !== "never" && files.length >= MIN_FILES_FOR_THREAD);
  const thread = wantThread ? CheckThread.get(opts.thread === "always" ? "always" : "auto") : undefined;
  if (thread) await checkOnThread(files, options, thread, emit);
  else await checkHere(files, options, emit);
  if (!opts.json && files.length > 1) {
    io.out(summaryTable(rows));
    const failed = rows.filter((r) => r[5] !== "通过").length;
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
  return { out: o.json ? [JSON.stringify({ file, error: e.message })] : [], err: o.json ? [] : [e.message], row: [path.basename(file), "—", "—", "—", "—", "无法读取"], code: EXIT_UNUSABLE };
}

interface FixOptions {
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

interface SuggestOptions {
  from?: string[] | string;
  section?: string;
  json?: boolean;
  library?: string;
  sheet?: string;
  limit?: string;
}

const SECTION_BY_NAME: Record<string, WordingSection> = Object.fromEntries(
  Object.entries(WORDING_SECTIONS).flatMap(([key, name]) => [[key, key], [name, key], [name.replace(/或下一步计划$/, ""), key]]),
) as Record<string, WordingSection>;

/** ziping suggest: last years' wording for this year's sections, from prior forms and a library file. */
export async function runSuggest(file: string, opts: SuggestOptions, io: Io = consoleIo): Promise<number> {
  try {
    const section = opts.section ? SECTION_BY_NAME[opts.section] : undefined;
    if (opts.section && !section) {
      io.err(`不认识的栏目「${opts.section}」。可选：${Object.values(WORDING_SECTIONS).join("、")}。`);
      return EXIT_UNUSABLE;
    }
    let library = emptyLibrary();
    if (opts.library && fs.existsSync(opts.library)) {
      try {
        library = parseLibrary(fs.readFileSync(opts.library, "utf8"));
      } catch (e) {
        io.err(`措辞库「${opts.library}」无法读取：${(e as Error).message}。`);
        return EXIT_UNUSABLE;
      }
    }
    for (const prior of Array.isArray(opts.from) ? opts.from : opts.from ? [opts.from] : []) {
      const wb = await readWorkbookFile(prior);
      const snap = snapshotWorkbook(wb, path.basename(prior));
      const found = priorForms(snap);
      if (found.length === 0) {
        io.err(`${prior}：没有找到往年的部门整体支出绩效自评表，跳过。`);
        continue;
      }
      for (const f of found) library = addToLibrary(library, itemsOfForm(f, { file: path.basename(prior) }));
    }
    if (opts.library) writeFileAtomic(opts.library, JSON.stringify(library, null, 1));
    const wb = await readWorkbookFile(file);
    const analysis = analyze(snapshotWorkbook(wb, path.basename(file)), { sheet: opts.sheet });
    if (!analysis.form) {
      io.err(`${file}：${analysis.recognition.reason}`);
      return EXIT_UNUSABLE;
    }
    if (library.items.length === 0) {
      io.err("措辞库是空的：请用 --from 给出往年的自评表（.xlsx），或用 --library 指定已有的措辞库文件。");
      return EXIT_UNUSABLE;
    }
    const retriever = new Retriever(library.items);
    const sections = section ? [section] : (Object.keys(WORDING_SECTIONS) as WordingSection[]);
    const limit = Math.max(1, Number(opts.limit ?? 5) || 5);
    const suggestions = sections.flatMap((sec) => retriever.suggest(analysis.form!, sec, limit).map((s) => ({ sec, s })));
    if (opts.json) {
      io.out(
        JSON.stringify({
          suggestions: suggestions.map(({ sec, s }) => ({
            section: WORDING_SECTIONS[sec],
            text: s.adapted,
            source: { file: s.item.file ?? null, year: s.item.year ?? null, cell: s.item.cell },
            score: s.score,
            ...(s.pair ? { pair: { section: WORDING_SECTIONS[s.pair.item.section], text: s.pair.adapted } } : {}),
          })),
        }),
      );
      return EXIT_OK;
    }
    io.out(`建议：${file}（${analysis.form.header.department?.text ?? ""} ${analysis.form.header.year?.text ?? ""}），措辞库 ${library.items.length} 条`);
    for (const sec of sections) {
      const list = suggestions.filter((x) => x.sec === sec);
      io.out("");
      io.out(`【${WORDING_SECTIONS[sec]}】${list.length ? "" : "（没有合适的往年条目）"}`);
      list.forEach(({ s }, i) => {
        io.out(`  ${i + 1}. ${s.adapted.replace(/\n/g, "\n     ")}`);
        io.out(`     来源：${s.item.year ?? "?"}年 ${s.item.file ?? ""} ${s.item.cell} · 相关度 ${s.score.toFixed(1)}`);
        if (s.pair) io.out(`     对应的${WORDING_SECTIONS[s.pair.item.section]}：${s.pair.adapted.replace(/\n/g, " ")}`);
      });
    }
    return EXIT_OK;
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    io.err(e.message);
    return EXIT_UNUSABLE;
  }
}

export function buildProgram(io: Io, setCode: (n: number) => void): Command {
  const program = new Command();
  program
    .name("ziping")
    .description("ZiPing 自评助手：检查和修正预算绩效自评表（.xlsx）")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()), outputError: () => undefined })
    .helpOption("-h, --help", "显示帮助")
    .addHelpCommand("help [命令]", "显示某个命令的帮助");
  program
    .command("check")
    .description("检查自评表：识别表格、核对运算项、逐项校验；文件夹会检查其中所有 .xlsx")
    .argument("<文件...>", ".xlsx 文件或文件夹")
    .option("--json", "每个文件输出一行 JSON")
    .option("--sheet <名称>", "只在这个工作表中找自评表")
    .action(async (files: string[], opts: CheckOptions) => setCode(await runCheck(files, opts, io)));
  program
    .command("fix")
    .description("自动修正：填写运算项并应用所有确定的修正；不加 -o 时在原文件上修改并保留备份")
    .argument("<文件>", ".xlsx 文件")
    .option("-o, --output <输出文件>", "写到另一个文件，原文件不动")
    .option("--sheet <名称>", "只在这个工作表中找自评表")
    .action(async (file: string, opts: FixOptions) => setCode(await runFix(file, opts, io)));
  program
    .command("suggest")
    .description("从往年的自评表中找出适合今年各栏目的措辞（年份前移，数字改为待填）")
    .argument("<文件>", "今年的 .xlsx 文件")
    .option("--from <prior.xlsx...>", "往年的自评表（.xlsx），可给多个")
    .option("--section <栏目>", "只看一个栏目：存在问题、改进措施、重点项目绩效情况、部门整体支出的目标完成情况")
    .option("--library <措辞库.json>", "措辞库文件：先读入，再把 --from 的条目加进去并保存")
    .option("--limit <条数>", "每个栏目最多几条（默认 5）")
    .option("--sheet <名称>", "只在这个工作表中找今年的自评表")
    .option("--json", "输出 JSON")
    .action(async (file: string, opts: SuggestOptions) => setCode(await runSuggest(file, opts, io)));
  return program;
}

/** The CLI's entry: never shows a stack trace; exit 0 clean, 1 error-level findings, 2 unusable input. */
export async function main(argv: string[], io: Io = consoleIo): Promise<number> {
  let code = EXIT_OK;
  const program = buildProgram(io, (n) => (code = n));
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return finish(EXIT_UNUSABLE, io);
    }
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.help" || e.code === "commander.version") return finish(EXIT_OK, io);
      io.err(commanderMessage(e));
      return finish(EXIT_UNUSABLE, io);
    }
    if (e instanceof UserError) {
      io.err(e.message);
      return finish(EXIT_UNUSABLE, io);
    }
    io.err(`ziping 内部错误：${(e as Error)?.message ?? String(e)}。文件未改动。请把这条信息反馈给开发者${process.env.ZIPING_DEBUG ? "" : "（设置 ZIPING_DEBUG=1 可看到详细信息）"}。`);
    if (process.env.ZIPING_DEBUG) io.err(String((e as Error)?.stack));
    return finish(EXIT_UNUSABLE, io);
  }
  return finish(code, io);
}

/** Commander's own errors, said in Chinese. */
function commanderMessage(e: CommanderError): string {
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? "";
  switch (e.code) {
    case "commander.missingArgument":
      return "缺少要检查的文件。用法：ziping check 文件.xlsx [更多文件或文件夹]，或 ziping fix 文件.xlsx [-o 输出.xlsx]";
    case "commander.unknownOption":
      return `不认识的选项 ${quoted}。运行 ziping --help 查看可用选项。`;
    case "commander.unknownCommand":
      return `不认识的命令 ${quoted}。可用命令：check（检查）、fix（修正）、suggest（往年措辞）。`;
    case "commander.optionMissingArgument":
      return `选项缺少取值：${e.message.replace(/^error:\s*/, "")}`;
    case "commander.excessArguments":
      return "参数太多：ziping fix 一次只修正一个文件。";
    default:
      return `命令行参数有误：${e.message.replace(/^error:\s*/, "")}。运行 ziping --help 查看用法。`;
  }
}

function finish(code: number, io: Io): number {
  if (io === consoleIo) process.exitCode = code;
  return code;
}
