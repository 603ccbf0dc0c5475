import { CellSnapshot, isCellError, valueText } from "./snapshot";
import { parseQuantity, Quantity } from "../quantity/parse";

/**
 * Shows a number the way its number format does, for the formats these forms use: fixed decimals,
 * thousands separators, percentages, literal text around them. Date and fraction formats, which the
 * forms do not use, fall back to the plain number.
 */
export function formatNumber(v: number, fmt: string | undefined): string {
  if (!fmt || fmt === "General" || fmt === "@") return String(v);
  // Positive;negative;zero sections: use the one that applies.
  const sections = formatOf(fmt);
  let section = sections[0];
  let value = v;
  if (v < 0 && sections.length > 1) {
    section = sections[1];
    value = Math.abs(v);
  } else if (v === 0 && sections.length > 2) section = sections[2];
  if (!section) return String(v);
  const scaled = section.percent ? value * 100 : value;
  const abs = Math.abs(scaled).toFixed(section.decimals);
  const [i, d] = abs.split(".");
  const intPart = section.grouped ? i.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : i;
  const body = `${scaled < 0 && !(v < 0 && sections.length > 1) ? "-" : ""}${intPart}${d !== undefined ? "." + d : ""}`;
  return `${section.before}${body}${section.tokenPercent ? "%" : ""}${section.after}`.replace(/%%/, "%");
}

/** One section of a number format, read once: where the number goes and how it is written. */
interface FormatSection {
  before: string;
  after: string;
  decimals: number;
  grouped: boolean;
  percent: boolean;
  tokenPercent: boolean;
}

/**
 * The sections of a number format, each read once (undefined where a section holds no number).
 * A workbook uses a handful of formats on every numeric cell; reading one takes several regular
 * expressions, so they are remembered (a bounded few hundred).
 */
const formats = new Map<string, (FormatSection | undefined)[]>();
function formatOf(fmt: string): (FormatSection | undefined)[] {
  let f = formats.get(fmt);
  if (!f) {
    f = splitSections(fmt).map(readSection);
    if (formats.size >= 256) formats.clear();
    formats.set(fmt, f);
  }
  return f;
}

function readSection(section: string): FormatSection | undefined {
  const code = section.replace(/\[[^\]]*\]/g, "").replace(/_.|\*./g, "");
  const literal = code.replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1");
  const m = /[#0?][#0?,]*(\.[0?#]+)?%?/.exec(literal);
  if (!m) return undefined;
  const token = m[0];
  const start = literal.indexOf(token);
  return {
    before: literal.slice(0, start),
    after: literal.slice(start + token.length),
    decimals: m[1] ? m[1].length - 1 : 0,
    grouped: token.includes(","),
    percent: token.endsWith("%") || /%/.test(literal),
    tokenPercent: token.endsWith("%"),
  };
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of fmt) {
    if (ch === '"') quoted = !quoted;
    if (ch === ";" && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** The text a person sees in the cell. */
export function cellText(cell: CellSnapshot | undefined): string {
  if (!cell) return "";
  if (typeof cell.v === "number") return formatNumber(cell.v, cell.fmt);
  if (isCellError(cell.v)) return cell.v.error;
  return valueText(cell.v);
}

/** The quantity a cell states: a number in a percent format reads as a percentage (1 → 100%). */
export function cellQuantity(cell: CellSnapshot | undefined): Quantity {
  if (!cell) return parseQuantity(null);
  if (typeof cell.v === "number") {
    if (cell.fmt && /%/.test(cell.fmt.replace(/"[^"]*"/g, ""))) {
      const q = parseQuantity(formatNumber(cell.v, cell.fmt));
      return { ...q, value: Number.parseFloat((cell.v * 100).toPrecision(12)), written: Number.parseFloat((cell.v * 100).toPrecision(12)) };
    }
    return parseQuantity(cell.v);
  }
  if (isCellError(cell.v)) return { kind: "text", raw: cell.v.error, text: cell.v.error, isTarget: false };
  return parseQuantity(valueText(cell.v));
}
