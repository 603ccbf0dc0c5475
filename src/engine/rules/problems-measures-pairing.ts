import { departmentRule, quote } from "./rule";
import { splitItems } from "../narrative/numbering";
import { Bigrams, bigrams, overlap } from "../narrative/similarity";
import { comparable } from "../narrative/text";

/** A problem and a measure are on one topic when their texts share this much. */
const SAME_TOPIC = 0.3;
/** …or when their whole texts share this much. */
const SAME_BODY = 0.4;

/** The topic of an item: its first sentence, where the heading is. */
function topic(text: string): Bigrams {
  const head = text.replace(/^\s*(\(\S+?\)|\S+?、|\S+?是|\d+[.、])\s*/, "").split(/[。；;\n]/)[0];
  return bigrams(comparable(head).replace(/^(需|需要|要|应|进一步|持续|不断|全力|加强|继续)+/, ""));
}

/**
 * Each numbered problem of 存在问题 should be answered by a measure of 改进措施, by number and by topic;
 * a problem left unanswered, or a measure with no problem, is reported.
 */
export const problemsMeasuresPairing = departmentRule({
  meta: {
    id: "problems-measures-pairing",
    severity: "warning",
    section: "problems",
    description: "存在问题与改进措施应逐条对应（按序号和内容）",
    fixable: false,
    messages: {
      noMeasure: "存在问题第 {{n}} 条「{{text}}」没有对应的改进措施",
      noProblem: "改进措施第 {{n}} 条「{{text}}」没有对应的存在问题",
    },
  },
  check({ form }, report) {
    if (!form.problems || !form.measures) return;
    const problems = splitItems(form.problems.text);
    const measures = splitItems(form.measures.text);
    if (problems.length < 2 && measures.length < 2) return;
    const pTopics = problems.map((p) => topic(p.text));
    const mTopics = measures.map((m) => topic(m.text));
    const mBodies = measures.map((m) => bigrams(comparable(m.text)));
    const pBodies = problems.map((p) => bigrams(comparable(p.text)));
    // Same number: the heading of one found in the other, or the two bodies largely shared.
    const paired = (i: number, j: number) => overlap(pTopics[i], mBodies[j], 2) >= SAME_TOPIC || overlap(mTopics[j], pBodies[i], 2) >= SAME_TOPIC || overlap(pBodies[i], mBodies[j], 4) >= SAME_BODY;
    // Another number: only a close match counts, so a swapped order is not reported as missing.
    const close = (i: number, j: number) => overlap(pTopics[i], mBodies[j], 3) >= 0.6 || overlap(mTopics[j], pBodies[i], 3) >= 0.6;
    const answered = (i: number) => (i < measures.length && paired(i, i)) || measures.some((_m, j) => close(i, j));
    const asked = (j: number) => (j < problems.length && paired(j, j)) || problems.some((_p, i) => close(i, j));
    problems.forEach((p, i) => {
      if (!answered(i)) report({ messageId: "noMeasure", data: { n: p.marker?.raw ?? i + 1, text: quote(p.text.replace(/^\S*?[)、是.]\s*/, ""), 24) }, cell: form.problems!.cell, related: [form.measures!.cell], quote: p.text });
    });
    measures.forEach((m, j) => {
      if (!asked(j)) report({ messageId: "noProblem", data: { n: m.marker?.raw ?? j + 1, text: quote(m.text.replace(/^\S*?[)、是.]\s*/, ""), 24) }, section: "measures", cell: form.measures!.cell, related: [form.problems!.cell], quote: m.text });
    });
  },
});
