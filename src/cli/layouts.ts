import * as fs from "fs";
import { BUILT_IN_FAMILIES, LayoutError, LayoutFamily, parseLayoutText, withUserLayouts } from "../engine";
import { UserError } from "../hosts/xlsx/errors";
import { Io } from "./io";
import { EXIT_OK } from "./exitCodes";

/** Reads the layout declarations given with --layout; a bad one is told in Chinese, naming its field. */
export function loadLayouts(files: string[] | string | undefined): LayoutFamily[] | undefined {
  const list = Array.isArray(files) ? files : files ? [files] : [];
  if (list.length === 0) return undefined;
  const out: LayoutFamily[] = [];
  for (const file of list) {
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UserError(code === "ENOENT" ? `找不到表格式样文件「${file}」。请检查 --layout 给出的路径。` : `无法读取表格式样文件「${file}」（${code ?? "未知错误"}）。`);
    }
    try {
      for (const f of parseLayoutText(text, file)) out.push({ ...f, source: f.source || file });
    } catch (e) {
      if (e instanceof LayoutError) throw new UserError(`表格式样有误，${e.message}。请对照 docs/layouts.md 修改后重试。`);
      throw e;
    }
  }
  return out;
}

const KIND_NAMES: Record<LayoutFamily["kind"], string> = { project: "项目支出", department: "部门整体", evaluation: "评价表", goals: "绩效目标" };

/** ziping layouts: every family ZiPing reads, with its id and where it comes from. */
export function runLayouts(opts: { layout?: string[] | string; json?: boolean }, io: Io): number {
  const user = loadLayouts(opts.layout) ?? [];
  const families = withUserLayouts(user);
  const builtIn = new Set(BUILT_IN_FAMILIES);
  if (opts.json) {
    io.out(JSON.stringify({ layouts: families.map((f) => ({ id: f.id, name: f.name, kind: f.kind, reader: f.reader, builtIn: builtIn.has(f), source: f.source })) }));
    return EXIT_OK;
  }
  io.out(`ZiPing 能读的表格式样（${families.length} 种，先列出的优先）：`);
  for (const f of families) {
    io.out("");
    io.out(`  ${f.id}  ${builtIn.has(f) ? "内置" : "自定"} · ${KIND_NAMES[f.kind]}`);
    io.out(`    ${f.name}`);
    io.out(`    来源：${f.source}`);
  }
  io.out("");
  io.out("本地式样可写成 JSON 文件，用 --layout 文件.json 加入（说明见 docs/layouts.md）。");
  return EXIT_OK;
}
