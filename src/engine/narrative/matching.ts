import { DepartmentForm, Indicator } from "../form/model";
import { Figure, extractFigures } from "./figures";
import { ProseBlock, reportBlocks } from "./sections";
import { Bigrams, MeasureKind, bigramAt, bigrams, canonicalName, kindOfName, kindOfUnit, measureCore } from "./similarity";

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

/** A figure's words are short: their distinct bigrams go into one reused array rather than a new set each. */
let wordGrams = new Int32Array(256);

/** The distinct bigrams of a short text into wordGrams (sorted); returns how many. */
function distinctBigrams(s: string): number {
  if (wordGrams.length < s.length) wordGrams = new Int32Array(s.length * 2);
  let n = 0;
  for (let i = 1; i < s.length; i++) {
    const g = bigramAt(s, i);
    // Insertion into the sorted prefix, skipping a bigram already there (a few dozen at most).
    let j = n;
    while (j > 0 && wordGrams[j - 1] > g) j--;
    if (j > 0 && wordGrams[j - 1] === g) continue;
    wordGrams.copyWithin(j + 1, j, n);
    wordGrams[j] = g;
    n++;
  }
  return n;
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
  const counts = new Int32Array(wanted.length);
  const touched: number[] = [];
  const candidates: IndicatorMatch["candidates"][] = wanted.map(() => []);
  // What a figure's words share with each indicator, worked out once per wording: a report pasted
  // twice states most figures twice, in the same words.
  const sharedOfWords = new Map<string, { size: number; shared: number[] }>();
  for (const p of figures) {
    const words = p.figure.subject + p.figure.after;
    let m = sharedOfWords.get(words);
    if (!m) {
      const size = distinctBigrams(canonicalName(words));
      for (let i = 0; i < size; i++) {
        const list = postings.get(wordGrams[i]);
        if (list) for (const k of list) if (counts[k]++ === 0) touched.push(k);
      }
      const shared: number[] = [];
      for (const k of touched) {
        if (counts[k] >= 2) shared.push(k, counts[k]);
        counts[k] = 0;
      }
      touched.length = 0;
      sharedOfWords.set(words, (m = { size, shared }));
    }
    for (let j = 0; j < m.shared.length; j += 2) {
      const w = wanted[m.shared[j]];
      const unitKind = kindOfUnit(p.figure.unit);
      if (!kindsCompatible(w.kind, unitKind) || (w.nameKind && w.nameKind !== unitKind)) continue;
      const similarity = m.shared[j + 1] / Math.min(w.grams.length, m.size);
      if (similarity < MIN_SIMILARITY) continue;
      candidates[m.shared[j]].push({ at: p, similarity, agrees: valuesAgree(w.value, p.figure) });
    }
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
