import { toHalfWidth } from "../text/normalize";
import { canonicalUnit } from "./units";

export type Comparison = ">=" | "<=" | ">" | "<" | "=";

/** How a figure is hedged: 约/左右 (about), …余 (more than), 超过/逾 (over), 近/将近 (nearly). */
export type Approximation = "about" | "more" | "over" | "nearly";

export interface Quantity {
  /** number: a figure was read; text: a qualitative value (A档, 按时); empty: nothing written. */
  kind: "number" | "text" | "empty";
  raw: string;
  /** The figure in its unit, multipliers applied: "393.41万平方米" → 3934100 (平方米). */
  value?: number;
  /** The figure as written, before 万/亿: 393.41. */
  written?: number;
  /** 1e4 for 万, 1e8 for 亿, 1e3 for 千; 1 otherwise. */
  multiplier?: number;
  /** Canonical unit ("%", "平方米", "次", "元"); "" when none is written. */
  unit?: string;
  /** The unit as written. */
  unitWritten?: string;
  comparison?: Comparison;
  approx?: Approximation;
  /** For "10-20次": the bounds, multipliers applied. */
  range?: { min: number; max: number };
  /** True when the text states a target (≥90%, 不低于85%, 90%以上) rather than an achieved value. */
  isTarget: boolean;
  /** Words before the figure: "平均每座公厕" in "平均每座公厕≤2次". */
  subject?: string;
  /** Words after the unit that are not part of it. */
  trailing?: string;
  /** Digits written after the decimal point. */
  decimals?: number;
  /** The text of a qualitative value. */
  text?: string;
  /** Irregularities in how the figure is written, for the rules that report them. */
  irregular?: QuantityIrregularity[];
}

export type QuantityIrregularity =
  /** A thousands separator inside a 万/亿 figure: "74,892万辆". */
  | "separator-in-wan"
  /** Separators not in groups of three: "27,1817". */
  | "bad-grouping"
  /** 余 between the figure and 万: "61.76余万元". */
  | "misplaced-yu"
  /** Full-width and half-width digits mixed in one figure. */
  | "mixed-width-digits";

const PREFIX_COMPARISONS: [RegExp, Comparison][] = [
  [/^(不低于|不少于|不小于|大于等于|大于或等于|至少|≥|>=|≧)/, ">="],
  [/^(不高于|不超过|不多于|不大于|小于等于|小于或等于|至多|最多|≤|<=|≦|控制在)/, "<="],
  [/^(大于|高于|多于|>)/, ">"],
  [/^(小于|低于|少于|<)/, "<"],
  [/^(等于|=)/, "="],
];

const PREFIX_APPROX: [RegExp, Approximation][] = [
  [/^(超过|逾)/, "over"],
  [/^(约|大约|大概|近似)/, "about"],
  [/^(将近|接近|近)/, "nearly"],
];

const MULTIPLIERS: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3 };

/** Rounds away floating-point noise from scaling (2.6 × 10000). */
function clean(n: number): number {
  return Number.parseFloat(n.toPrecision(12));
}

const NUMBER = /[-+]?\d[\d,]*(?:\.\d+)?/;

/**
 * Reads what a 自评表 cell writes for a figure: money, rates, counts with units, targets with their
 * comparisons, hedged figures. Qualitative grades (A档, 按时, 较为明显) come back as text.
 */
export function parseQuantity(input: string | number | null | undefined): Quantity {
  if (input === null || input === undefined) return { kind: "empty", raw: "", isTarget: false };
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return { kind: "text", raw: String(input), text: String(input), isTarget: false };
    return { kind: "number", raw: String(input), value: input, written: input, multiplier: 1, unit: "", unitWritten: "", isTarget: false, decimals: decimalsOf(String(input)) };
  }
  const raw = input;
  const irregular: QuantityIrregularity[] = [];
  if (/[０-９]/.test(raw) && /[0-9]/.test(raw)) irregular.push("mixed-width-digits");
  let s = toHalfWidth(raw)
    .replace(/[\u2212\u2013\uFE63]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
  if (s === "") return { kind: "empty", raw, isTarget: false };

  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren && /^\s*[\d,.]+\s*$/.test(paren[1])) {
    negative = true;
    s = paren[1].trim();
  }

  const numMatch = NUMBER.exec(s);
  if (!numMatch) return { kind: "text", raw, text: s, isTarget: false };

  let before = s.slice(0, numMatch.index).trim();
  let after = s.slice(numMatch.index + numMatch[0].length);
  let comparison: Comparison | undefined;
  let approx: Approximation | undefined;
  let isTarget = false;

  // The words before the figure: a comparison or hedge at their end, a subject before that.
  const takePrefix = () => {
    for (const [re, cmp] of PREFIX_COMPARISONS) {
      const m = matchSuffixOf(before, re);
      if (m !== undefined) {
        comparison = cmp;
        isTarget = true;
        before = m;
        return true;
      }
    }
    for (const [re, ap] of PREFIX_APPROX) {
      const m = matchSuffixOf(before, re);
      if (m !== undefined) {
        approx = ap;
        before = m;
        return true;
      }
    }
    return false;
  };
  takePrefix();
  takePrefix();
  const subject = before.replace(/[:：,，]$/, "").trim();

  let numText = numMatch[0];
  if (numText.includes(",")) {
    const intPart = numText.replace(/^[-+]/, "").split(".")[0];
    if (!/^\d{1,3}(,\d{3})+$/.test(intPart)) irregular.push("bad-grouping");
  }
  let value = Number(numText.replace(/,/g, ""));
  const decimals = decimalsOf(numText);
  if (negative) value = -value;

  // A range: "10-20次", "10～20", "10至20".
  let range: { min: number; max: number } | undefined;
  const rangeMatch = /^\s*(?:-|~|～|〜|至|到)\s*(\d[\d,]*(?:\.\d+)?)/.exec(after);
  if (rangeMatch && !numText.startsWith("-")) {
    const hi = Number(rangeMatch[1].replace(/,/g, ""));
    if (hi >= value) {
      range = { min: value, max: hi };
      after = after.slice(rangeMatch[0].length);
    }
  }

  // 余 and 万/亿 in either order; "61.76余万元" is read but marked.
  let multiplier = 1;
  let rest = after.trimStart();
  const m1 = /^(余|多)?(万|亿|千)(余|多)?/.exec(rest);
  if (m1 && (m1[2] !== "千" || /^千(米|克|瓦)/.test(rest) === false)) {
    multiplier = MULTIPLIERS[m1[2]];
    if (m1[1]) {
      approx = approx ?? "more";
      irregular.push("misplaced-yu");
    }
    if (m1[3]) approx = approx ?? "more";
    rest = rest.slice(m1[0].length);
    // "1,234.5万" groups on purpose; "74,892万" may be a mistyped decimal point.
    if (numText.includes(",") && !numText.includes(".") && multiplier >= 1e4) irregular.push("separator-in-wan");
  } else if (/^(余|多)/.test(rest)) {
    approx = approx ?? "more";
    rest = rest.slice(1);
  }

  // The unit: up to the first character that cannot belong to one.
  const unitMatch = /^(%|‰|个百分点|百分比|百分点|[a-zA-Z]+\s?[²³23]?|㎡|[\u4e00-\u9fa5]{1,3}(?=$|[^\u4e00-\u9fa5])|[\u4e00-\u9fa5]{1,2})?/.exec(rest);
  let unitWritten = unitMatch && unitMatch[1] ? unitMatch[1] : "";
  // Long trailing words are not a unit: "51次以上" keeps 次, "1480余处" keeps 处.
  const suffixCmp = /(以上|以下|以内|及以上|及以下|左右)$/.exec(unitWritten);
  if (suffixCmp) unitWritten = unitWritten.slice(0, unitWritten.length - suffixCmp[1].length);
  rest = rest.slice(unitWritten.length).trim();
  if (/^余/.test(rest)) {
    approx = approx ?? "more";
    rest = rest.slice(1);
  }
  const tail = /^(及以上|以上|及以下|以下|以内|左右)/.exec(rest);
  if (tail) {
    if (tail[1] === "左右") approx = approx ?? "about";
    else {
      comparison = comparison ?? (tail[1].includes("上") ? ">=" : "<=");
      isTarget = true;
    }
    rest = rest.slice(tail[1].length).trim();
  }

  const q: Quantity = {
    kind: "number",
    raw,
    value: clean(value * multiplier),
    written: value,
    multiplier,
    unit: canonicalUnit(unitWritten),
    unitWritten,
    isTarget,
    decimals,
  };
  if (comparison) q.comparison = comparison;
  if (approx) q.approx = approx;
  if (range) q.range = { min: clean(range.min * multiplier), max: clean(range.max * multiplier) };
  if (subject) q.subject = subject;
  if (rest) q.trailing = rest;
  if (irregular.length) q.irregular = irregular;
  return q;
}

function decimalsOf(numText: string): number {
  const i = numText.indexOf(".");
  return i < 0 ? 0 : numText.length - i - 1;
}

/** If `s` ends with a match of `re` (anchored at ^), returns what comes before it. */
function matchSuffixOf(s: string, re: RegExp): string | undefined {
  const t = s.trimEnd();
  for (let i = Math.max(0, t.length - 8); i < t.length; i++) {
    const m = re.exec(t.slice(i));
    if (m && i + m[0].length === t.length) return t.slice(0, i).trimEnd();
  }
  return undefined;
}

/** The value as a fraction when the quantity is a percentage (99% → 0.99). */
export function asFraction(q: Quantity): number | undefined {
  if (q.kind !== "number" || q.value === undefined) return undefined;
  if (q.unit === "%") return q.value / 100;
  if (q.unit === "‰") return q.value / 1000;
  return undefined;
}

export function isPercent(q: Quantity): boolean {
  return q.kind === "number" && (q.unit === "%" || q.unit === "‰");
}
