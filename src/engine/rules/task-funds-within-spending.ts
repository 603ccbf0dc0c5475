import { CellAddress } from "../grid/address";
import { formatMoney } from "../derive/derive";
import { departmentRule } from "./rule";

/** Sums of 万元 figures written to the cent: differences below half a cent are rounding. */
export const CENT_TOLERANCE = 0.005;

/** The tasks' funds are part of what was spent: their sum cannot exceed 实际支出数. */
export const taskFundsWithinSpending = departmentRule({
  meta: {
    id: "task-funds-within-spending",
    severity: "error",
    section: "tasks",
    description: "各项任务涉及资金之和不得超过实际支出数",
    fixable: false,
    messages: {
      over: "各项任务涉及资金合计 {{sum}} 万元，超过实际支出数 {{actual}} 万元，请核对任务资金或实际支出数",
    },
  },
  check({ form }, report) {
    const actual = form.funding.actualSpending;
    const a = actual?.quantity.value;
    if (!actual || a === undefined) return;
    let sum = 0;
    const cells: CellAddress[] = [];
    for (const t of form.tasks) {
      if (t.fundTotal !== undefined && t.fund) {
        sum += t.fundTotal;
        cells.push(t.fund.cell);
      }
    }
    if (sum <= a + CENT_TOLERANCE) return;
    report({ messageId: "over", data: { sum: formatMoney(sum), actual: formatMoney(a) }, cell: cells[0] ?? actual.cell, related: [actual.cell, ...cells.slice(1)] });
  },
});
