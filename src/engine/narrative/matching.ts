import { DepartmentForm, Indicator } from "../form/model";
import { Figure, extractFigures } from "./figures";
import { ProseBlock, reportBlocks } from "./sections";
import { Bigrams, MeasureKind, bigrams, canonicalName, kindOfName, kindOfUnit, measureCore } from "./similarity";

export interface ProseFigure {
  block: ProseBlock;
  figure: Figure;
}

export interface IndicatorMatch {
  indicator: Indicator;
  /** Prose figures that state the same measure, best first. */
  candidates: { at: ProseFigure; similarity: number; agrees: boolean }[];
}

/** A name must share at least this much of its meaning with a figure's clause to be the same measure. */
const MIN_SIMILARITY = 0.6;

/** Every figure of the report prose, read once. */
export function proseFigures(form: DepartmentForm): ProseFigure[] {
  return reportBlocks(form).flatMap((block) => extractFigures(block.ref.text).map((figure) => ({ block, figure })));
}

function kindsCompatible(a: MeasureKind | undefined, b: MeasureKind): boolean {
  return a === undefined || a === b;
}

/** Whether two statements of one measure agree: exactly, or within the hedge the prose gives (约, 超过). */
export function valuesAgree(indicatorValue: number, figure: Figure): boolean {
  const v = figure.value;
  if (figure.range) return indicatorValue >= figure.range.min - 1e-9 && indicatorValue <= figure.range.max + 1e-9;
  const tolerance = figure.approx ? 0.15 * Math.abs(v) : Math.max(0.005 * Math.abs(v), 0.005);
  if (figure.approx === "over" || figure.approx === "more") return indicatorValue >= v - 1e-9 && indicatorValue <= v * 1.15 + 1e-9;
  return Math.abs(indicatorValue - v) <= tolerance;
}

/**
 * Pairs each indicator that states an achieved figure with the prose figures that state the same
 * measure: names matched by meaning (拆违面积 ~ 拆除面积), units of the same kind (an area with an area).
 */
export function matchIndicators(form: DepartmentForm, figures: ProseFigure[]): IndicatorMatch[] {
  // The indicators that state an achieved figure, with the bigrams of what they measure.
  const wanted: { indicator: Indicator; value: number; nameKind?: MeasureKind; kind?: MeasureKind; grams: Bigrams }[] = [];
  for (const indicator of form.indicators) {
    const q = indicator.quantity;
    if (q.kind !== "number" || q.isTarget || q.value === undefined || !indicator.name) continue;
    const nameKind = kindOfName(indicator.name);
    const valueKind = q.unit ? kindOfUnit(q.unit) : undefined;
    if (nameKind === "rate" && valueKind !== "rate") continue;
    wanted.push({ indicator, value: q.value, nameKind, kind: valueKind ?? nameKind, grams: bigrams(measureCore(indicator.name)) });
  }
  if (wanted.length === 0) return [];
  // An index from bigram to the indicators whose names hold it: each figure meets only those it shares words with.
  const postings = new Map<number, number[]>();
  wanted.forEach((w, k) => {
    for (const g of w.grams) {
      const list = postings.get(g);
      if (list) list.push(k);
      else postings.set(g, [k]);
    }
  });
  const shared = new Int32Array(wanted.length);
  const touched: number[] = [];
  const candidates: IndicatorMatch["candidates"][] = wanted.map(() => []);
  // A report pasted twice states most figures twice, in the same words: each wording is read once.
  const gramsOfWords = new Map<string, Bigrams>();
  for (const p of figures) {
    const words = p.figure.subject + p.figure.after;
    let g = gramsOfWords.get(words);
    if (!g) gramsOfWords.set(words, (g = bigrams(canonicalName(words))));
    for (const b of g) {
      const list = postings.get(b);
      if (list) for (const k of list) if (shared[k]++ === 0) touched.push(k);
    }
    for (const k of touched) {
      const n = shared[k];
      shared[k] = 0;
      if (n < 2) continue;
      const w = wanted[k];
      const unitKind = kindOfUnit(p.figure.unit);
      if (!kindsCompatible(w.kind, unitKind) || (w.nameKind && w.nameKind !== unitKind)) continue;
      const similarity = n / Math.min(w.grams.size, g.size);
      if (similarity < MIN_SIMILARITY) continue;
      candidates[k].push({ at: p, similarity, agrees: valuesAgree(w.value, p.figure) });
    }
    touched.length = 0;
  }
  const out: IndicatorMatch[] = [];
  wanted.forEach((w, k) => {
    if (candidates[k].length) out.push({ indicator: w.indicator, candidates: candidates[k].sort((a, b) => b.similarity - a.similarity || a.at.figure.index - b.at.figure.index) });
  });
  return out;
}

/** The matches where no prose statement of the measure agrees with the indicator. */
export function disagreements(matches: IndicatorMatch[]): IndicatorMatch[] {
  return matches.filter((m) => !m.candidates.some((c) => c.agrees) && m.candidates[0].similarity >= MIN_SIMILARITY);
}
