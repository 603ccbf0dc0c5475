import { splitLines } from "../text/normalize";
import { Indicator } from "../form/model";
import { departmentRule, quote } from "./rule";

/**
 * A cell that holds several indicators a line each must have a value cell with as many lines:
 * otherwise values pair with the wrong indicators.
 */
export const indicatorLineMismatch = departmentRule({
  meta: {
    id: "indicator-line-mismatch",
    severity: "error",
    section: "tasks",
    description: "一格多行的关键指标，其指标完成情况须逐行对应、行数相同",
    fixable: false,
    messages: {
      mismatch: "这一格有 {{names}} 个关键指标，但指标完成情况有 {{values}} 行，无法逐行对应：「{{first}}」……请每行填一个值，或把指标拆成单独的行",
    },
  },
  check({ form, snapshot }, report) {
    const groups = new Map<string, Indicator[]>();
    for (const ind of form.indicators) {
      const key = `${ind.nameCell.row}:${ind.nameCell.col}`;
      const list = groups.get(key);
      if (list) list.push(ind);
      else groups.set(key, [ind]);
    }
    for (const list of groups.values()) {
      const first = list[0];
      const sheet = snapshot.sheets[first.valueCell.sheet];
      const raw = sheet.cells[first.valueCell.row]?.[first.valueCell.col]?.v;
      const values = typeof raw === "string" ? splitLines(raw).length : raw === null || raw === undefined ? 0 : 1;
      if (list.length === values || (list.length === 1 && values <= 1)) continue;
      report({ messageId: "mismatch", data: { names: list.length, values, first: quote(first.name, 20) }, cell: first.valueCell, related: [first.nameCell] });
    }
  },
});
