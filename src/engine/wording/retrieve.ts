import { DepartmentForm } from "../form/model";
import { toHalfWidth } from "../text/normalize";
import { LibraryItem, WordingSection } from "./library";
import { adaptText, nextItemNumber } from "./adapt";
import { Bm25Index } from "./bm25";

/**
 * Chinese has no spaces between words, so the index works on character bigrams (and Latin words and
 * numbers whole): no dictionary, no model, nothing to download. BM25 ranks them.
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

const MAX_QUERY_TERMS = 128;

/** How a prior item stands to this year's form: the same department's earlier year is what a finance officer wants first. */
export type SuggestionSource = "prior" | "otherDepartment" | "laterYear" | "unknownYear";

export interface Suggestion {
  item: LibraryItem;
  /** Relevance to this year's form (for ordering and --json; not shown to users). */
  score: number;
  source: SuggestionSource;
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
  private readonly index = new Bm25Index();
  private readonly items: LibraryItem[] = [];
  private readonly byId = new Map<string, LibraryItem>();

  constructor(items: LibraryItem[]) {
    for (const i of items) {
      // The item's text counts twice: it is what is inserted; the task names only hint.
      this.index.add([...tokenize(i.text), ...tokenize(i.text), ...tokenize(i.tasks.join(" "))]);
      this.items.push(i);
      this.byId.set(i.id, i);
    }
  }

  /**
   * A query is a whole form's worth of names: hundreds of bigrams. Only the most telling are scored:
   * those the form repeats (垃圾分类 in many indicators) and few items share, weighted qf × idf.
   */
  private queryTerms(query: string): [string, number][] {
    const n = this.index.size;
    const qf = new Map<string, number>();
    for (const t of tokenize(query)) if (this.index.df(t) > 0) qf.set(t, (qf.get(t) ?? 0) + 1);
    return [...qf.entries()]
      .map(([t, f]) => [t, f * Math.log(1 + n / this.index.df(t))] as [string, number])
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_QUERY_TERMS)
      .map(([t, w]) => [t, Math.log(1 + w)]);
  }

  /** Ranks prior items of one section by how well they fit a query. */
  search(query: string, section: WordingSection, options: { exceptYear?: number; limit?: number } = {}): { item: LibraryItem; score: number }[] {
    const scores = this.index.score(this.queryTerms(query));
    const hits: { item: LibraryItem; score: number }[] = [];
    this.items.forEach((item, i) => {
      if (scores[i] <= 0 || item.section !== section || (options.exceptYear !== undefined && item.year === options.exceptYear)) return;
      hits.push({ item, score: Math.round(scores[i] * 1000) / 1000 });
    });
    return hits.sort((a, b) => b.score - a.score).slice(0, options.limit ?? 10);
  }

  /**
   * Suggestions for a section of this year's form, adapted to this year. The department's own earlier
   * years come first, the latest first, each year's items whole and in their order when they are few
   * (last year's six problems are all offered); then other departments' and other years' items by
   * relevance, each marked as such.
   */
  suggest(form: DepartmentForm, section: WordingSection, limit = 10): Suggestion[] {
    const toYear = form.header.yearNumber;
    const current = section === "achieved" ? form.goals.achieved : form[section];
    const next = nextItemNumber(current?.text ?? "");
    const pairedSection: WordingSection | undefined = section === "problems" ? "measures" : section === "measures" ? "problems" : undefined;
    const nextPair = pairedSection ? nextItemNumber((form[pairedSection] as { text: string } | undefined)?.text ?? "") : undefined;
    const dept = departmentKey(form.header.department?.text);
    const sourceOf = (item: LibraryItem): SuggestionSource => {
      if (item.year === undefined || toYear === undefined) return "unknownYear";
      if (item.year > toYear) return "laterYear";
      return dept && departmentKey(item.department) !== dept ? "otherDepartment" : "prior";
    };
    const rank: Record<SuggestionSource, number> = { prior: 0, otherDepartment: 1, unknownYear: 2, laterYear: 3 };
    const ranked = this.search(queryFor(form, section), section, { exceptYear: toYear, limit: Math.max(limit * 4, 40) });
    // The department's latest earlier year, offered whole when it is a short list.
    const own = this.items.filter((i) => i.section === section && sourceOf(i) === "prior");
    const latest = own.reduce<number | undefined>((y, i) => (y === undefined || (i.year ?? 0) > y ? i.year : y), undefined);
    const lastYear = own.filter((i) => i.year === latest);
    const whole = lastYear.length > 0 && lastYear.length <= 12 ? lastYear : [];
    const scoreOf = new Map(ranked.map((r) => [r.item.id, r.score]));
    // The most fitting first; every one of them offered.
    const chosen: { item: LibraryItem; score: number }[] = whole.map((item) => ({ item, score: scoreOf.get(item.id) ?? 0 })).sort((a, b) => b.score - a.score);
    const rest = ranked
      .filter((r) => !whole.includes(r.item))
      .sort((a, b) => rank[sourceOf(a.item)] - rank[sourceOf(b.item)] || (b.item.year ?? 0) - (a.item.year ?? 0) || b.score - a.score);
    for (const r of rest) if (chosen.length < Math.max(limit, whole.length)) chosen.push(r);
    return chosen.map(({ item, score }) => {
      const s: Suggestion = { item, score, source: sourceOf(item), adapted: adaptText(item.text, item.year, toYear, item.marker ? next : undefined) };
      const pair = item.pair ? this.byId.get(item.pair) : undefined;
      if (pair) s.pair = { item: pair, adapted: adaptText(pair.text, pair.year, toYear, pair.marker ? nextPair : undefined) };
      return s;
    });
  }
}

/** A department's name as compared: without 「（本级）」「（汇总）」 and spaces. */
export function departmentKey(name: string | undefined): string {
  return (name ?? "").replace(/[（(][^）)]*[）)]/g, "").replace(/\s+/g, "").trim();
}

/** What a suggestion's source is, said to the user (nothing for the department's own earlier years). */
export const SOURCE_NOTES: Record<SuggestionSource, string> = {
  prior: "",
  otherDepartment: "其他单位",
  laterYear: "较新年份",
  unknownYear: "年份不明",
};
