import MiniSearch from "minisearch";
import { DepartmentForm } from "../form/model";
import { toHalfWidth } from "../text/normalize";
import { LibraryItem, WordingSection } from "./library";
import { adaptText, nextItemNumber } from "./adapt";

/**
 * Chinese has no spaces between words, so the index works on character bigrams (and Latin words and
 * numbers whole): no dictionary, no model, nothing to download. MiniSearch ranks them with BM25.
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const t = toHalfWidth(text).toLowerCase();
  for (const run of t.match(/[\u4e00-\u9fff]+|[a-z0-9]+/g) ?? []) {
    if (/^[a-z0-9]+$/.test(run)) {
      if (!/^\d+$/.test(run)) out.push(run);
      continue;
    }
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

export interface Suggestion {
  item: LibraryItem;
  score: number;
  /** The item as this year's draft: years moved, figures as placeholders, numbering continued. */
  adapted: string;
  /** For a problem: the measure that answered it, adapted the same way. */
  pair?: { item: LibraryItem; adapted: string };
}

/** What this year's form says that a prior item should fit: its tasks, indicators and what is written. */
export function queryFor(form: DepartmentForm, section: WordingSection): string {
  // The form's own subjects: its tasks and indicators. Long report text would drown them out.
  const parts = [...form.tasks.map((t) => t.name), ...form.indicators.map((i) => i.name)];
  if (section === "problems" || section === "measures") parts.push(form.problems?.text ?? "", form.measures?.text ?? "");
  if (section === "keyProject") parts.push(form.keyProject?.text ?? "");
  if (section === "achieved") parts.push(form.goals.expected?.text ?? "", form.goals.achieved?.text ?? "");
  return parts.join(" ");
}

export class Retriever {
  private readonly index: MiniSearch<LibraryItem>;
  private readonly byId = new Map<string, LibraryItem>();

  constructor(items: LibraryItem[]) {
    this.index = new MiniSearch<LibraryItem>({
      fields: ["text", "tasksText"],
      storeFields: [],
      tokenize,
      processTerm: (t) => t,
      extractField: (doc, field) => (field === "tasksText" ? doc.tasks.join(" ") : (doc as unknown as Record<string, string>)[field]),
      searchOptions: { boost: { text: 2 }, combineWith: "OR", prefix: false, fuzzy: false },
    });
    this.index.addAll(items);
    for (const i of items) this.byId.set(i.id, i);
  }

  /** Ranks prior items of one section by how well they fit a query. */
  search(query: string, section: WordingSection, options: { exceptYear?: number; limit?: number } = {}): { item: LibraryItem; score: number }[] {
    const hits = this.index.search(query, { filter: (r) => {
      const item = this.byId.get(r.id as string);
      return !!item && item.section === section && (options.exceptYear === undefined || item.year !== options.exceptYear);
    } });
    return hits.slice(0, options.limit ?? 10).map((h) => ({ item: this.byId.get(h.id as string)!, score: Math.round(h.score * 1000) / 1000 }));
  }

  /** Suggestions for a section of this year's form, best first, adapted to this year. */
  suggest(form: DepartmentForm, section: WordingSection, limit = 10): Suggestion[] {
    const toYear = form.header.yearNumber;
    const current = section === "achieved" ? form.goals.achieved : form[section];
    const next = nextItemNumber(current?.text ?? "");
    const pairedSection: WordingSection | undefined = section === "problems" ? "measures" : section === "measures" ? "problems" : undefined;
    const nextPair = pairedSection ? nextItemNumber((form[pairedSection] as { text: string } | undefined)?.text ?? "") : undefined;
    return this.search(queryFor(form, section), section, { exceptYear: toYear, limit }).map(({ item, score }) => {
      const s: Suggestion = { item, score, adapted: adaptText(item.text, item.year, toYear, item.marker ? next : undefined) };
      const pair = item.pair ? this.byId.get(item.pair) : undefined;
      if (pair) s.pair = { item: pair, adapted: adaptText(pair.text, pair.year, toYear, pair.marker ? nextPair : undefined) };
      return s;
    });
  }
}
