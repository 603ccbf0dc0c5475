import { GOAL_NAMES, SECTION_NAMES } from "../form/sections";
import { DepartmentForm, TextRef } from "../form/model";
import { WorkbookSnapshot } from "../grid/snapshot";
import { recognize } from "../form/recognize";
import { CellAddress, addressToA1 } from "../grid/address";
import { splitItems } from "../narrative/numbering";
import { bigrams, overlap } from "../narrative/similarity";
import { comparable } from "../narrative/text";

/** The sections whose wording is carried from year to year. */
export type WordingSection = "problems" | "measures" | "keyProject" | "achieved";

export const WORDING_SECTIONS: Record<WordingSection, string> = {
  problems: SECTION_NAMES.problems,
  measures: SECTION_NAMES.measures,
  keyProject: SECTION_NAMES.keyProject,
  achieved: GOAL_NAMES.achieved,
};

/** One numbered item of a prior year's form, with where it came from. */
export interface LibraryItem {
  id: string;
  section: WordingSection;
  /** The item's marker as written: "(二)", "三、". */
  marker?: string;
  text: string;
  year?: number;
  department?: string;
  file?: string;
  sheet?: string;
  cell: string;
  /** The form's task names the item speaks of. */
  tasks: string[];
  /** For a problem: the measure that answered it (and the other way round). */
  pair?: string;
}

export interface Library {
  version: 1;
  items: LibraryItem[];
}

export function emptyLibrary(): Library {
  return { version: 1, items: [] };
}

function blockOf(form: DepartmentForm, section: WordingSection): TextRef | undefined {
  return section === "achieved" ? form.goals.achieved : form[section];
}

/** A short stable id: the same item imported twice is stored once. */
function itemId(year: number | undefined, dept: string | undefined, section: string, text: string): string {
  let h = 2166136261;
  const s = `${year}|${dept}|${section}|${comparable(text)}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return `${section}-${year ?? "x"}-${(h >>> 0).toString(36)}`;
}

/**
 * Splits a form into its sections and each section into its numbered items, kept with the
 * department, year, section and the task names they speak of. Problems and measures are paired as
 * the form paired them: by number first, then by topic.
 */
export function itemsOfForm(form: DepartmentForm, source: { file?: string } = {}): LibraryItem[] {
  const out: LibraryItem[] = [];
  const taskNames = form.tasks.map((t) => t.name).filter(Boolean);
  const taskGrams = taskNames.map((n) => bigrams(comparable(n)));
  for (const section of Object.keys(WORDING_SECTIONS) as WordingSection[]) {
    const ref = blockOf(form, section);
    if (!ref || !ref.text.trim()) continue;
    for (const item of splitItems(ref.text)) {
      const text = item.text.trim();
      if (comparable(text).length < 4) continue;
      const g = bigrams(comparable(text));
      out.push({
        id: itemId(form.header.yearNumber, form.header.department?.text, section, text),
        section,
        marker: item.marker?.raw,
        text,
        year: form.header.yearNumber,
        department: form.header.department?.text,
        file: source.file,
        sheet: form.sheetName,
        cell: addressToA1(ref.cell as CellAddress),
        tasks: taskNames.filter((_n, i) => overlap(taskGrams[i], g, 2) >= 0.5),
      });
    }
  }
  pairProblemsAndMeasures(out.filter((i) => i.section === "problems"), out.filter((i) => i.section === "measures"));
  return out;
}

function pairProblemsAndMeasures(problems: LibraryItem[], measures: LibraryItem[]): void {
  const topic = (t: string) => bigrams(comparable(t.replace(/^\s*(\(\S+?\)|\S+?、|\S+?是|\d+[.、])\s*/, "").split(/[。；;\n]/)[0]).replace(/^(需|需要|要|应|进一步|持续|不断|全力|加强|继续)+/, ""));
  const used = new Set<string>();
  problems.forEach((p, i) => {
    const pt = topic(p.text);
    const score = (m: LibraryItem, j: number) => overlap(pt, bigrams(comparable(m.text)), 2) + (j === i ? 0.3 : 0);
    let best: LibraryItem | undefined;
    let bestScore = 0.45;
    measures.forEach((m, j) => {
      if (used.has(m.id)) return;
      const s = score(m, j);
      if (s > bestScore) {
        bestScore = s;
        best = m;
      }
    });
    if (best) {
      used.add(best.id);
      p.pair = best.id;
      best.pair = p.id;
    }
  });
}

/** Adds items to a library, keeping one copy of each. */
export function addToLibrary(lib: Library, items: LibraryItem[]): Library {
  const seen = new Set(lib.items.map((i) => i.id));
  return { version: 1, items: [...lib.items, ...items.filter((i) => !seen.has(i.id) && (seen.add(i.id), true))] };
}

/** Reads a library from its JSON export; anything else is refused with a Chinese message. */
export function parseLibrary(json: string): Library {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new Error("文件不是 ZiPing 措辞库（JSON 格式无法解析）");
  }
  const lib = data as Library;
  if (!lib || lib.version !== 1 || !Array.isArray(lib.items)) throw new Error("文件不是 ZiPing 措辞库（缺少 version 或 items）");
  return { version: 1, items: lib.items.filter((i) => i && typeof i.text === "string" && typeof i.section === "string" && typeof i.id === "string") };
}

/**
 * The department forms of a workbook's sheets, each read on its own: the prior years' forms a
 * workbook carries beside this year's (one per sheet), or a prior year's file.
 */
export function priorForms(snapshot: WorkbookSnapshot, exceptSheet?: number): DepartmentForm[] {
  const out: DepartmentForm[] = [];
  snapshot.sheets.forEach((sheet, i) => {
    if (i === exceptSheet) return;
    const r = recognize({ sheets: snapshot.sheets }, { sheet: sheet.name });
    if (r.form && r.form.sheet === i) out.push(r.form);
  });
  return out;
}
