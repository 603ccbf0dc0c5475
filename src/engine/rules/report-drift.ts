import { Finding, Rule, formatMessage, quote } from "./types";
import { ProseBlock, proseBlocks } from "../narrative/sections";
import { comparable, splitSentences } from "../narrative/text";
import { bigrams, jaccard, overlap } from "../narrative/similarity";
import { extractFigures } from "../narrative/figures";

/** Two blocks carry the same report when most of their text is shared. */
const SAME_REPORT = 0.6;
/** A sentence of one block and its counterpart in the other. */
const SAME_SENTENCE = 0.5;

export interface DriftPair {
  a: string;
  b: string;
  figures: boolean;
}

/** Every sentence of `a` missing from `b` word for word, paired with its counterpart, and the other way round. */
export function reportDrift(a: string, b: string): DriftPair[] {
  const bText = comparable(b);
  const aText = comparable(a);
  const aSentences = splitSentences(a);
  const bSentences = splitSentences(b);
  const bGrams = bSentences.map((s) => bigrams(comparable(s.text)));
  const pairs: DriftPair[] = [];
  const usedB = new Set<number>();
  for (const s of aSentences) {
    const c = comparable(s.text);
    if (c.length < 4 || bText.includes(c)) continue;
    const g = bigrams(c);
    let best = -1;
    let bestSim = 0;
    bGrams.forEach((bg, i) => {
      const sim = overlap(g, bg);
      if (sim > bestSim) {
        bestSim = sim;
        best = i;
      }
    });
    const counterpart = best >= 0 && bestSim >= SAME_SENTENCE ? bSentences[best].text : "";
    if (best >= 0 && bestSim >= SAME_SENTENCE) usedB.add(best);
    pairs.push({ a: s.text, b: counterpart, figures: figuresDiffer(s.text, counterpart) });
  }
  bSentences.forEach((s, i) => {
    const c = comparable(s.text);
    if (usedB.has(i) || c.length < 4 || aText.includes(c)) return;
    pairs.push({ a: "", b: s.text, figures: figuresDiffer("", s.text) });
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
        if (jaccard(bigrams(comparable(a.ref.text)), bigrams(comparable(b.ref.text))) < SAME_REPORT) continue;
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
