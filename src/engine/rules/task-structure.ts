import { Finding, Rule, formatMessage } from "./types";

/** The form must list at least one 主要任务 with its indicators. */
export const tasksRequired: Rule = {
  id: "tasks-required",
  severity: "error",
  description: "须至少填写一项主要任务及其关键指标",
  fixable: false,
  messages: {
    noTable: "表中没有找到「主要任务 / 关键指标 / 指标完成情况」表格，请按模板填写主要任务",
    noTasks: "主要任务表格是空的，请至少填写一项主要任务及其关键指标",
  },
  check({ form }) {
    const cell = form.title ?? { sheet: form.sheet, row: 0, col: 0 };
    if (!form.table) return [{ rule: this.id, severity: this.severity, section: "tasks", message: this.messages.noTable, cell }];
    if (form.tasks.length === 0) return [{ rule: this.id, severity: this.severity, section: "tasks", message: this.messages.noTasks, cell: { sheet: form.sheet, row: form.table.headerRow + 1, col: form.table.taskCols[0] } }];
    return [];
  },
};

/** Tasks are numbered 1, 2, 3…: a gap (the seed jumps from 1 to 3) or a repeat is reported. */
export const taskNumbering: Rule = {
  id: "task-numbering",
  severity: "warning",
  description: "主要任务序号应连续、不重复",
  fixable: false,
  messages: {
    gap: "主要任务序号从 {{prev}} 跳到 {{next}}，缺少第 {{missing}} 项，请补上或重新编号",
    repeat: "主要任务序号 {{number}} 重复出现",
    start: "主要任务序号从 {{next}} 开始，缺少第 {{missing}} 项",
  },
  check({ form }) {
    const out: Finding[] = [];
    const numbered = form.tasks.filter((t) => t.number !== undefined);
    if (numbered.length === 0) return out;
    const seen = new Set<number>();
    let prev: number | undefined;
    for (const t of numbered) {
      const n = t.number!;
      if (seen.has(n)) out.push({ rule: this.id, severity: this.severity, section: "tasks", message: formatMessage(this.messages.repeat, { number: n }), cell: t.cell });
      else if (prev === undefined && n > 1) out.push({ rule: this.id, severity: this.severity, section: "tasks", message: formatMessage(this.messages.start, { next: n, missing: range(1, n - 1) }), cell: t.cell });
      else if (prev !== undefined && n > prev + 1) out.push({ rule: this.id, severity: this.severity, section: "tasks", message: formatMessage(this.messages.gap, { prev, next: n, missing: range(prev + 1, n - 1) }), cell: t.cell });
      seen.add(n);
      prev = prev === undefined ? n : Math.max(prev, n);
    }
    return out;
  },
};

function range(a: number, b: number): string {
  const xs: number[] = [];
  for (let i = a; i <= b; i++) xs.push(i);
  return xs.join("、");
}

/** Each task states the funds it involves (任务涉及资金), as a figure. */
export const taskFund: Rule = {
  id: "task-fund",
  severity: "error",
  description: "每项主要任务须填写任务涉及资金（万元）",
  fixable: false,
  messages: {
    empty: "任务「{{task}}」的任务涉及资金未填写",
    notNumber: "任务「{{task}}」的任务涉及资金应为金额（万元），表中填的是「{{value}}」",
  },
  check({ form }) {
    if (!form.table || form.table.fundCol === undefined) return [];
    const out: Finding[] = [];
    for (const t of form.tasks) {
      const name = t.name || `第${t.numberText}项`;
      if (!t.fund) out.push({ rule: this.id, severity: this.severity, section: "tasks", message: formatMessage(this.messages.empty, { task: name }), cell: t.fundCell });
      else if (t.fund.quantity.kind !== "number") out.push({ rule: this.id, severity: this.severity, section: "tasks", message: formatMessage(this.messages.notNumber, { task: name, value: t.fund.text }), cell: t.fund.cell });
    }
    return out;
  },
};
