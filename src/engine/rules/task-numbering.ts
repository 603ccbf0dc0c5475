import { departmentRule } from "./rule";

function range(a: number, b: number): string {
  const xs: number[] = [];
  for (let i = a; i <= b; i++) xs.push(i);
  return xs.join("、");
}

/** Tasks are numbered 1, 2, 3…: a gap (the seed jumps from 1 to 3) or a repeat is reported. */
export const taskNumbering = departmentRule({
  meta: {
    id: "task-numbering",
    severity: "warning",
    section: "tasks",
    description: "主要任务序号应连续、不重复",
    fixable: false,
    messages: {
      gap: "主要任务序号从 {{prev}} 跳到 {{next}}，缺少第 {{missing}} 项，请补上或重新编号",
      repeat: "主要任务序号 {{number}} 重复出现",
      start: "主要任务序号从 {{next}} 开始，缺少第 {{missing}} 项",
    },
  },
  check({ form }, report) {
    const seen = new Set<number>();
    let prev: number | undefined;
    for (const t of form.tasks) {
      if (t.number === undefined) continue;
      const n = t.number;
      if (seen.has(n)) report({ messageId: "repeat", data: { number: n }, cell: t.cell });
      else if (prev === undefined && n > 1) report({ messageId: "start", data: { next: n, missing: range(1, n - 1) }, cell: t.cell });
      else if (prev !== undefined && n > prev + 1) report({ messageId: "gap", data: { prev, next: n, missing: range(prev + 1, n - 1) }, cell: t.cell });
      seen.add(n);
      prev = prev === undefined ? n : Math.max(prev, n);
    }
  },
});
