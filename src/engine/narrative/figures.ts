import { toHalfWidth } from "../text/normalize";
import { memoByText } from "../text/memo";
import { Approximation, QuantityIrregularity, parseQuantity } from "../quantity/parse";

/** A figure stated in prose: what it counts, its value and unit, and where it stands in the text. */
export interface Figure {
  /** The figure as written, unit included: "393.41万平方米", "6.85余万元". */
  raw: string;
  /** Offset of `raw` in the text it was read from. */
  index: number;
  value: number;
  /** As written, before 万/亿. */
  written: number;
  unit: string;
  unitWritten: string;
  multiplier: number;
  approx?: Approximation;
  range?: { min: number; max: number };
  /** What the figure counts: the words before it in its clause ("立案处罚"), and those right after its unit. */
  subject: string;
  after: string;
  /** The whole clause, for messages. */
  clause: string;
  irregular?: QuantityIrregularity[];
}

/** Words that introduce a figure without saying what it counts. */
const FILLER = /^(今年|全年|本年|年内|全区|全市|全局|我局|我区|其中|累计|共计|共|合计|总计|已经|已|先后)+/;
/** "为" ends a subject only after a measure ("完成率为102%"), never in a word ("行为"). */
const TRAILING_FILLER = /(共计|共|累计|达到|达|约|超过|近|逾|合计|总计|已|(?<=[率数量额度比值])为)+$/;

/** Clause boundaries: a figure's subject never crosses them. */
const BOUNDARY = /[，,。；;：:！!？?\n（）()、“”"]/;

/**
 * A figure in prose: digits (half- or full-width) with separators and decimals, an optional range,
 * 余/多 and 万/亿 in either order, and a unit of up to three characters or %/‰/m².
 */
const FIGURE = /(?<![\d.,０-９])([-+]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?)(?:\s*(?:-|~|～|至|到)\s*([0-9０-９][0-9０-９,]*(?:[.．][0-9０-９]+)?))?\s*(余|多)?\s*(万|亿)?\s*(余|多)?\s*(%|％|‰|个百分点|百分点|m\s?²|m2|㎡|平方米|平方公里|立方米|公里|千米|米|吨|人次|台次|家次|场次|篇次|车次|架次|户次|[宗件个次座辆人名家处块台篇份场所条项户元亩株棵只批期天周起例间艘部套张本册课年月日号时点分秒])?/g;

/** Measure words that do not name a unit: "2021年5月" is a date, not 2021 of something. */
const NOT_A_UNIT = /^(年|月|日|号|时|点|分|秒)$/;

function clauseAround(text: string, start: number, end: number): { before: string; after: string; clause: string } {
  let s = start;
  while (s > 0 && !BOUNDARY.test(text[s - 1]) && start - s < 40) s--;
  let e = end;
  while (e < text.length && !BOUNDARY.test(text[e]) && e - end < 40) e++;
  return { before: text.slice(s, start), after: text.slice(end, e), clause: text.slice(s, e) };
}

/**
 * Reads every figure of a text, with what it counts. Dates, years and list numbers are left out.
 * Several rules read the same prose in one pass: the result is remembered (and must not be changed).
 */
export const extractFigures: (text: string) => readonly Figure[] = memoByText((text) => readFigures(text), 1000);

function readFigures(text: string): Figure[] {
  const out: Figure[] = [];
  FIGURE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FIGURE.exec(text))) {
    const raw = m[0].replace(/\s+$/, "");
    if (!raw) {
      FIGURE.lastIndex++;
      continue;
    }
    const index = m.index;
    const unitWritten = m[6] ?? "";
    const next = text[index + raw.length] ?? "";
    // A year, month or day ("2021年5月", "12月28日"), a list marker ("1.", "2、"), a code ("12319结案率").
    if (NOT_A_UNIT.test(unitWritten)) continue;
    if (!unitWritten && !m[4] && /^\d{1,2}$/.test(m[1]) && /^[、.．)）]/.test(next)) continue;
    // A number glued to words that are not a measure ("12319结案率", "元岗·智汇Park") names something.
    if (!unitWritten && !m[4] && /^\d{4,}$/.test(m[1]) && /^[\u4e00-\u9fa5A-Za-z]/.test(next)) continue;
    if (/^\d{1,2}$/.test(m[1]) && /^[·.]\d/.test(text.slice(index + raw.length))) continue; // "6·13"
    if (/\d[·.．:：]$/.test(text.slice(Math.max(0, index - 2), index))) continue;
    const q = parseQuantity(raw.replace(/，/g, ","));
    if (q.kind !== "number" || q.value === undefined) continue;
    const ctx = clauseAround(text, index, index + raw.length);
    let subject = toHalfWidth(ctx.before).replace(/\s+/g, "");
    subject = subject.replace(FILLER, "").replace(TRAILING_FILLER, "");
    let approx = q.approx;
    if (/(超过|逾)$/.test(ctx.before.trim())) approx = approx ?? "over";
    else if (/(约|大约)$/.test(ctx.before.trim())) approx = approx ?? "about";
    else if (/(近|将近|接近)$/.test(ctx.before.trim())) approx = approx ?? "nearly";
    out.push({
      raw,
      index,
      value: q.value,
      written: q.written ?? q.value,
      unit: q.unit ?? "",
      unitWritten: q.unitWritten ?? "",
      multiplier: q.multiplier ?? 1,
      approx,
      range: q.range,
      subject: subject.slice(-16),
      after: toHalfWidth(ctx.after).replace(/\s+/g, "").slice(0, 16),
      clause: ctx.clause.trim(),
      irregular: q.irregular,
    });
  }
  return out;
}
