import { Command, CommanderError, Help } from "commander";
import { UserError } from "../hosts/xlsx/errors";
import { EXIT_OK, EXIT_UNUSABLE } from "./exitCodes";
import { Io, consoleIo, quietOnClosedPipe } from "./io";
import { CheckOptions, runCheck } from "./commands/check";
import { FixOptions, runFix } from "./commands/fix";
import { SuggestOptions, runSuggest } from "./commands/suggest";
import { MergeOptions, runMerge } from "./commands/merge";
import { loadLayouts, runLayouts } from "./layouts";

export { EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE } from "./exitCodes";
export type { Io } from "./io";
export { runCheck, runFix, runSuggest, runMerge };

export function buildProgram(io: Io, setCode: (n: number) => void): Command {
  const program = new Command();
  program
    .name("ziping")
    .description("ZiPing 自评助手：检查和修正预算绩效自评表（.xlsx）")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()), outputError: () => undefined })
    .helpOption("-h, --help", "显示帮助")
    .addHelpCommand("help [命令]", "显示某个命令的帮助")
    .configureHelp(CHINESE_HELP);
  program
    .command("check")
    .description("检查自评表：识别表格、核对运算项、逐项校验；文件夹会检查其中所有 .xlsx")
    .argument("<文件...>", ".xlsx 文件或文件夹")
    .option("--json", "每个文件输出一行 JSON")
    .option("--sheet <名称>", "只在这个工作表中找自评表")
    .option("--layout <式样.json...>", "本地表格式样的说明文件（见 docs/layouts.md），可给多个")
    .option("--verbose", "在每条问题后注明规则标识")
    .option("--units <单位.xlsx...>", "汇总核对：把汇总表与这些单位的自评表（文件或文件夹）逐项核对；写在汇总表之后")
    .option("--report <审核结果.xlsx>", "另写一份审核结果工作簿：「汇总」每个文件一行，「问题清单」每个问题一行")
    .action(async (files: string[], opts: CheckOptions & { layout?: string[] }) => setCode(await runCheck(files, { ...opts, units: listOf(opts.units), layouts: loadLayouts(opts.layout) }, io)));
  program
    .command("fix")
    .description("自动修正：填写运算项并应用所有确定的修正；不加 -o 时在原文件上修改并保留备份")
    .argument("<文件>", ".xlsx 文件")
    .option("-o, --output <输出文件>", "写到另一个文件，原文件不动")
    .option("--verbose", "注明每处修改出自哪条规则")
    .option("--sheet <名称>", "只在这个工作表中找自评表")
    .option("--layout <式样.json...>", "本地表格式样的说明文件（见 docs/layouts.md），可给多个")
    .option("--units <单位.xlsx...>", "汇总表：按这些单位的自评表（文件或文件夹）写入各项合计")
    .action(async (file: string, opts: FixOptions & { layout?: string[] }) => setCode(await runFix(file, { ...opts, units: listOf(opts.units), layouts: loadLayouts(opts.layout) }, io)));
  program
    .command("merge")
    .description("汇总：把各单位的自评表合成一份汇总表草稿（资金相加、运算项为公式、任务指标和文字按单位列出）")
    .argument("<单位文件...>", "各单位的 .xlsx 文件或文件夹；草稿采用第一个单位的表格式样")
    .option("-o, --output <汇总.xlsx>", "汇总草稿的文件名（不能是要汇总的文件之一）")
    .option("--layout <式样.json...>", "本地表格式样的说明文件（见 docs/layouts.md），可给多个")
    .action(async (files: string[], opts: MergeOptions & { layout?: string[] }) => setCode(await runMerge(files, { ...opts, layouts: loadLayouts(opts.layout) }, io)));
  program
    .command("suggest")
    .description("从往年的自评表中找出适合今年各栏目的措辞（年份前移，数字改为待填）")
    .argument("<文件>", "今年的 .xlsx 文件")
    .option("--from <prior.xlsx...>", "往年的自评表（.xlsx），可给多个")
    .option("--section <栏目>", "只看一个栏目：存在问题、改进措施、重点项目绩效情况、部门整体支出的目标完成情况")
    .option("--library <措辞库.json>", "措辞库文件：先读入，再把 --from 的条目加进去并保存")
    .option("--limit <条数>", "每个栏目最多几条（默认 8；本单位上一年度的条目不多时全部列出）")
    .option("--sheet <名称>", "只在这个工作表中找今年的自评表")
    .option("--json", "输出 JSON")
    .option("--layout <式样.json...>", "本地表格式样的说明文件（见 docs/layouts.md），可给多个")
    .action(async (file: string, opts: SuggestOptions & { layout?: string[] }) => setCode(await runSuggest(file, { ...opts, layouts: loadLayouts(opts.layout) }, io)));
  program
    .command("layouts")
    .description("列出能读的表格式样（内置的和 --layout 给出的），及其标识和来源")
    .option("--layout <式样.json...>", "也列出这些文件中的本地式样（并检查它们写得对不对）")
    .option("--json", "输出 JSON")
    .action((opts: { layout?: string[]; json?: boolean }) => setCode(runLayouts(opts, io)));
  return program;
}

/** An option that takes several values, as a list (commander gives a lone value as a string). */
function listOf(v: string[] | string | undefined): string[] | undefined {
  return v === undefined ? undefined : Array.isArray(v) ? v : [v];
}

/** Commander's help, with its headings and placeholders in Chinese (every command's help uses it). */
const CHINESE_HELP = {
  formatHelp(cmd: Command, helper: Help): string {
    const text = Help.prototype.formatHelp
      .call(helper, cmd, helper)
      .replace(/^Usage:/m, "用法：")
      .replace(/^Arguments:/m, "参数：")
      .replace(/^Options:/m, "选项：")
      .replace(/^Commands:/m, "命令：")
      .replace(/\[options\]/g, "[选项]")
      .replace(/\[command\]/g, "[命令]")
      .replace(/\(default: ([^)]*)\)/g, "（默认 $1）");
    return alignColumns(text);
  },
};

/** Terminal columns a string takes: CJK characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

/** Commander pads its term column by characters; a Chinese term takes two columns a character. */
function alignColumns(text: string): string {
  const lines = text.split("\n");
  const rows = lines.map((l) => /^( {2})(\S.*?)( {2,})(\S.*)$/.exec(l));
  const width = Math.max(0, ...rows.map((m) => (m ? displayWidth(m[2]) : 0)));
  return lines.map((l, i) => (rows[i] ? `  ${rows[i]![2]}${" ".repeat(width - displayWidth(rows[i]![2]) + 2)}${rows[i]![4]}` : l)).join("\n");
}

/** The CLI's entry: never shows a stack trace; exit 0 clean, 1 error-level findings, 2 unusable input. */
export async function main(argv: string[], io: Io = consoleIo): Promise<number> {
  if (io === consoleIo) quietOnClosedPipe();
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
      return "缺少要检查的文件。用法：ziping check 文件.xlsx [更多文件或文件夹]，ziping fix 文件.xlsx [-o 输出.xlsx]，或 ziping merge 单位文件夹 -o 汇总.xlsx";
    case "commander.unknownOption":
      return `不认识的选项 ${quoted}。运行 ziping --help 查看可用选项。`;
    case "commander.unknownCommand":
      return `不认识的命令 ${quoted}。可用命令：check（检查）、fix（修正）、merge（汇总）、suggest（往年措辞）、layouts（表格式样）。`;
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
