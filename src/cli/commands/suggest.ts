import * as fs from "fs";
import * as path from "path";
import { analyze, SOURCE_NOTES, WORDING_SECTIONS, WordingSection, emptyLibrary, parseLibrary, addToLibrary, itemsOfForm, Retriever, priorForms } from "../../engine";
import { UserError } from "../../hosts/xlsx/errors";
import { openXlsxFile, writeFileSafely } from "../../hosts/xlsx/files";
import { EXIT_OK, EXIT_UNUSABLE } from "../exitCodes";
import { Io, consoleIo } from "../io";

export interface SuggestOptions {
  /** Layout families declared by the user (--layout). */
  layouts?: import("../../engine").LayoutFamily[];
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
      const snap = openXlsxFile(prior).snapshot;
      const found = priorForms(snap);
      if (found.length === 0) {
        io.err(`${prior}：没有找到往年的部门整体支出绩效自评表，跳过。`);
        continue;
      }
      for (const f of found) library = addToLibrary(library, itemsOfForm(f, { file: path.basename(prior) }));
    }
    if (opts.library) writeFileSafely(opts.library, JSON.stringify(library, null, 1));
    const analysis = analyze(openXlsxFile(file).snapshot, { sheet: opts.sheet, layouts: opts.layouts });
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
    const limit = Math.max(1, Number(opts.limit ?? 8) || 8);
    const suggestions = sections.flatMap((sec) => retriever.suggest(analysis.form!, sec, limit).map((s) => ({ sec, s })));
    if (opts.json) {
      io.out(
        JSON.stringify({
          suggestions: suggestions.map(({ sec, s }) => ({
            section: WORDING_SECTIONS[sec],
            text: s.adapted,
            source: { file: s.item.file ?? null, year: s.item.year ?? null, cell: s.item.cell },
            score: s.score,
            from: s.source,
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
        const note = SOURCE_NOTES[s.source];
        const who = s.source === "otherDepartment" && s.item.department ? ` ${s.item.department}` : "";
        io.out(`     来源：${s.item.year ?? "?"}年${who} ${s.item.file ?? ""} ${s.item.cell}${note ? `（${note}）` : ""}`);
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

