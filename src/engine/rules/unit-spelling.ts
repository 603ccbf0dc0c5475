import { cached, departmentRule } from "./rule";
import { proseBlocks } from "../narrative/sections";
import { extractFigures } from "../narrative/figures";
import { canonicalUnit } from "../quantity/units";
import { indicatorProseDisagreements } from "./indicator-prose-mismatch";
import { cellKey, CellAddress } from "../grid/address";

/** Units written in Chinese that also have a Latin or symbol spelling (平方米 / m²). */
const SPELLED_SEVERAL_WAYS = new Set(["平方米", "公里", "立方米", "千克"]);

/**
 * One unit written two ways in one form (平方米 and m², 公里 and km): the less common spelling is
 * reported once, where it first appears, unless that cell is already reported for its figure.
 */
export const unitSpelling = departmentRule({
  meta: {
    id: "unit-spelling",
    severity: "info",
    section: "tasks",
    description: "同一张表中同一单位应只用一种写法（如「平方米」与「m²」）",
    fixable: false,
    messages: {
      spelling: "单位「{{unit}}」在本表中有「{{a}}」和「{{b}}」两种写法，建议统一为「{{a}}」",
    },
  },
  check(ctx, report) {
    const { form } = ctx;
    const uses = new Map<string, Map<string, { cell: CellAddress; count: number }>>();
    const note = (written: string, cell: CellAddress) => {
      if (!written) return;
      const w = /\s/.test(written) ? written.replace(/\s+/g, "") : written;
      if (!w) return;
      const unit = canonicalUnit(w);
      // Only units that have other spellings are tracked.
      if (unit === w && !/[a-z²㎡]/i.test(w) && !SPELLED_SEVERAL_WAYS.has(unit)) return;
      const m = uses.get(unit) ?? new Map();
      const entry = m.get(w) ?? { cell, count: 0 };
      entry.count++;
      m.set(w, entry);
      uses.set(unit, m);
    };
    for (const ind of form.indicators) if (ind.quantity.kind === "number" && ind.quantity.unitWritten) note(ind.quantity.unitWritten, ind.valueCell);
    for (const block of proseBlocks(form)) for (const f of cached(ctx, `figures:${cellKey(block.ref.cell)}`, () => extractFigures(block.ref.text))) note(f.unitWritten, block.ref.cell);
    const reported = new Set(indicatorProseDisagreements(ctx).map((m) => cellKey(m.indicator.valueCell)));
    for (const [unit, spellings] of uses) {
      if (spellings.size < 2) continue;
      const sorted = [...spellings.entries()].sort((x, y) => y[1].count - x[1].count);
      const [common] = sorted[0];
      for (const [rare, at] of sorted.slice(1)) {
        if (reported.has(cellKey(at.cell))) continue;
        report({ messageId: "spelling", data: { unit, a: common, b: rare }, cell: at.cell, quote: rare });
      }
    }
  },
});
