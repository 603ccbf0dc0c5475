import { Finding, Rule, formatMessage } from "./types";
import { proseBlocks } from "../narrative/sections";
import { checkNumbering, findMarkers } from "../narrative/numbering";
import { toChineseNumber } from "../narrative/text";

/** (一)(二)…, 一、二、…, 一是/二是 and 1. 2. sequences: no gap, no repeat, one style per level. */
export const numberingSequence: Rule = {
  id: "numbering-sequence",
  severity: "warning",
  description: "文字中的序号（(一)(二)…、一是二是…、1. 2. …）应连续、不重复、同级同一写法",
  fixable: false,
  messages: {
    gap: "「{{name}}」的序号在「{{raw}}」之前缺少 {{missing}}",
    repeat: "「{{name}}」的序号「{{raw}}」重复出现",
    mixed: "「{{name}}」同一层级混用了「{{other}}」和「{{raw}}」两种序号写法",
  },
  check({ form }) {
    const out: Finding[] = [];
    for (const block of proseBlocks(form)) {
      for (const p of checkNumbering(findMarkers(block.ref.text))) {
        const numeral = (n: number) => (p.marker.style.startsWith("cn") ? toChineseNumber(n) : String(n));
        const missing = (p.missing ?? []).map((n) => (p.marker.style === "cn-paren" ? `(${numeral(n)})` : p.marker.style === "cn-shi" ? `${numeral(n)}是` : p.marker.style === "cn-dun" ? `${numeral(n)}、` : `${n}.`)).join("");
        out.push({
          rule: this.id,
          severity: this.severity,
          section: block.section,
          message: formatMessage(this.messages[p.kind], { name: block.name, raw: p.marker.raw, missing, other: p.other?.raw }),
          cell: block.ref.cell,
          quote: block.ref.text.slice(p.marker.index, p.marker.index + 30),
        });
      }
    }
    return out;
  },
};
