import { Finding, Rule, formatMessage, quote } from "./types";
import { ProseBlock, proseBlocks } from "../narrative/sections";
import { comparable, splitSentences } from "../narrative/text";
import { bigrams, overlap } from "../narrative/similarity";
import { extractFigures } from "../narrative/figures";

/** Two blocks carry the same report when most of the sentences of one stand in the other. */
const SAME_REPORT = 0.6;
/** A sentence of one block and its counterpart in the other. */
const SAME_SENTENCE = 0.5;

/**
 * How much of one text the other repeats word for word: the share of its sentences found in the
 * other. Cheap (string search), and it is what "the same report pasted twice" means.
 */
export function sharedSentences(a: string, b: string): number {
  const sa = splitSentences(a).map((s) => comparable(s.text)).filter((c) => c.length >= 4);
  const sb = splitSentences(b).map((s) => comparable(s.text)).filter((c) => c.length >= 4);
  if (sa.length === 0 || sb.length === 0) return 0;
  const ta = comparable(a);
  const tb = comparable(b);
  const inB = sa.filter((c) => tb.includes(c)).length / sa.length;
  const inA = sb.filter((c) => ta.includes(c)).length / sb.length;
  return Math.max(inA, inB);
}

export interface DriftPair {
  a: string;
  b: string;
  figures: boolean;
}

/** Every sentence of `a` missing from `b` word for word, paired with its counterpart, and the other way round. */
export function reportDrift(a: string, b: string): DriftPair[] {
  const aText = comparable(a);
  const bText = comparable(b);
  // Only sentences missing from the other text word for word can differ; they pair among themselves.
  const onlyA = splitSentences(a).filter((s) => {
    const c = comparable(s.text);
    return c.length >= 4 && !bText.includes(c);
  });
  const onlyB = splitSentences(b).filter((s) => {
    const c = comparable(s.text);
    return c.length >= 4 && !aText.includes(c);
  });
  const bGrams = onlyB.map((s) => bigrams(comparable(s.text)));
  const pairs: DriftPair[] = [];
  const usedB = new Set<number>();
  for (const s of onlyA) {
    const g = bigrams(comparable(s.text));
    let best = -1;
    let bestSim = 0;
    bGrams.forEach((bg, i) => {
      const sim = overlap(g, bg);
      if (sim > bestSim) {
        bestSim = sim;
        best = i;
      }
    });
    const paired = best >= 0 && bestSim >= SAME_SENTENCE;
    if (paired) usedB.add(best);
    const counterpart = paired ? onlyB[best].text : "";
    pairs.push({ a: s.text, b: counterpart, figures: figuresDiffer(s.text, counterpart) });
  }
  onlyB.forEach((s, i) => {
    if (!usedB.has(i)) pairs.push({ a: "", b: s.text, figures: figuresDiffer("", s.text) });
  });
  return pairs;
}

/** A figure on one side that the other lacks, both ways: a sentence cut differently is not a changed figure. */
function figuresDiffer(a: string, b: string): boolean {
  const fa = new Set(extractFigures(a).map((f) => comparable(f.raw)));
  const fb = new Set(extractFigures(b).map((f) => comparable(f.raw)));
  if (fa.size === 0 || fb.size === 0) return fa.size + fb.size > 0;
  return [...fa].some((x) => !fb.has(x)) && [...fb].some((x) => !fa.has(x));
}

/**
 * When two sections carry the same report (the seed's 目标完成情况 and 部门整体绩效), every sentence
 * that differs between them is listed side by side, figures first: one of the two is out of date.
 */
export const reportDriftRule: Rule = {
  id: "report-drift",
  severity: "warning",
  description: "同一份报告出现在两个栏目时，两处的句子和数字应一致",
  fixable: false,
  messages: {
    drift: "「{{b}}」与「{{a}}」是同一份报告，但有 {{count}} 句不一致（其中 {{figures}} 句数字不同），例如：「{{first}}」与「{{second}}」；请以核实后的一份为准统一两处",
  },
  check({ form }) {
    const blocks = proseBlocks(form).filter((b) => ["achieved", "overall", "keyProject"].includes(b.key));
    const out: Finding[] = [];
    for (let i = 0; i < blocks.length; i++)
      for (let j = i + 1; j < blocks.length; j++) {
        const [a, b]: ProseBlock[] = [blocks[i], blocks[j]];
        if (sharedSentences(a.ref.text, b.ref.text) < SAME_REPORT) continue;
        const pairs = reportDrift(a.ref.text, b.ref.text).sort((x, y) => Number(y.figures) - Number(x.figures));
        if (pairs.length === 0) continue;
        const first = pairs[0];
        out.push({
          rule: this.id,
          severity: this.severity,
          section: b.section,
          message: formatMessage(this.messages.drift, { a: a.name, b: b.name, count: pairs.length, figures: pairs.filter((p) => p.figures).length, first: quote(first.a || "（无）", 36), second: quote(first.b || "（无）", 36) }),
          cell: b.ref.cell,
          related: [a.ref.cell],
          quote: first.b || first.a,
          details: pairs,
          detailNames: [a.name, b.name],
        });
      }
    return out;
  },
};
