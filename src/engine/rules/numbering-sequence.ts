import { proseBlocks } from "../narrative/sections";
import { checkNumbering, findMarkers } from "../narrative/numbering";
import { toChineseNumber } from "../narrative/text";
import { departmentRule } from "./rule";

/** (一)(二)…, 一、二、…, 一是/二是 and 1. 2. sequences: no gap, no repeat, one style per level. */
export const numberingSequence = departmentRule({
  meta: {
    id: "numbering-sequence",
    severity: "warning",
    section: "goals",
    description: "文字中的序号（(一)(二)…、一是二是…、1. 2. …）应连续、不重复、同级同一写法",
    fixable: false,
    messages: {
      gap: "「{{name}}」的序号在「{{raw}}」之前缺少 {{missing}}",
      repeat: "「{{name}}」的序号「{{raw}}」重复出现",
      mixed: "「{{name}}」同一层级混用了「{{other}}」和「{{raw}}」两种序号写法",
    },
  },
  check({ form }, report) {
    for (const block of proseBlocks(form)) {
      for (const p of checkNumbering(findMarkers(block.ref.text))) {
        const numeral = (n: number) => (p.marker.style.startsWith("cn") ? toChineseNumber(n) : String(n));
        const missing = (p.missing ?? []).map((n) => (p.marker.style === "cn-paren" ? `(${numeral(n)})` : p.marker.style === "cn-shi" ? `${numeral(n)}是` : p.marker.style === "cn-dun" ? `${numeral(n)}、` : `${n}.`)).join("");
        const data: Record<string, string> = { name: block.name, raw: p.marker.raw };
        if (p.kind === "gap") data.missing = missing;
        if (p.kind === "mixed") data.other = p.other?.raw ?? "";
        report({ messageId: p.kind, data, section: block.section, cell: block.ref.cell, quote: block.ref.text.slice(p.marker.index, p.marker.index + 30) });
      }
    }
  },
});
