import { CellSnapshot, CellValue, RangeRef, SheetSnapshot, WorkbookSnapshot } from "../../src/engine";

/** A cell as a spec writes it: a bare value, or value/formula/format. */
export type SpecValue = CellValue | undefined | { v?: CellValue; f?: string; fmt?: string };

export interface TaskSpec {
  number?: number | string;
  name: string;
  goal?: string;
  fund?: SpecValue;
  /** One row per entry: [name, value]; a multi entry puts several indicators in one cell a line each. */
  rows: ([string, SpecValue] | { multi: [string, string][]; values?: string })[];
  /** Insert a blank row before this row index and continue the task without merges (a page break). */
  pageBreakBefore?: number;
}

export interface FormSpec {
  sheetName?: string;
  /** Rows and columns left empty above and left of the form. */
  rowOffset?: number;
  colOffset?: number;
  title?: string | null;
  /** Label texts by field, to test variants ("部门调整预算收入（万元）："). */
  labels?: Partial<Record<LabelField, string>>;
  department?: SpecValue;
  year?: SpecValue;
  adjusted?: SpecValue;
  initial?: SpecValue;
  actual?: SpecValue;
  adjustment?: SpecValue;
  general?: SpecValue;
  completionRate?: SpecValue;
  adjustmentRate?: SpecValue;
  expectedGoal?: string;
  achievedGoal?: string;
  /** "right": values right of labels (the printed form); "below": a header row with values under it. */
  fundingLayout?: "right" | "below";
  tasks?: TaskSpec[];
  /** Omit the task table entirely. */
  noTable?: boolean;
  keyProject?: string | null;
  overall?: string | null;
  problems?: string | null;
  measures?: string | null;
  protected?: boolean;
}

export type LabelField =
  | "department" | "year" | "adjusted" | "initial" | "actual" | "adjustment" | "general" | "completionRate" | "adjustmentRate"
  | "taskHeader" | "indicatorHeader" | "valueHeader" | "fundHeader" | "keyProject" | "overall" | "problems" | "measures";

const DEFAULT_LABELS: Record<LabelField, string> = {
  department: "部门名称（汇总）",
  year: "被评价年度",
  adjusted: "部门调整预算收入",
  initial: "部门年初预算收入",
  actual: "实际支出数",
  adjustment: "年度预算调整数",
  general: "其中：一般公共预算",
  completionRate: "预算完成率",
  adjustmentRate: "预算调整率",
  taskHeader: "主要任务",
  indicatorHeader: "关键指标",
  valueHeader: "指标完成情况",
  fundHeader: "任务涉及资金",
  keyProject: "重点项目绩效情况",
  overall: "部门整体绩效",
  problems: "存在问题",
  measures: "改进措施或下一步计划",
};

/** A small, correct form: no rule should report anything on it. */
export function validSpec(): FormSpec {
  return {
    department: "广州市某区某局（本级）",
    year: "2022年",
    adjusted: { v: 1000, fmt: "#,##0.00" },
    initial: { v: 800, fmt: "#,##0.00" },
    actual: { v: 950, fmt: "#,##0.00" },
    adjustment: { v: 200, fmt: "#,##0.00" },
    general: { v: 900, fmt: "#,##0.00" },
    completionRate: { v: 0.95, fmt: "0.00%" },
    adjustmentRate: { v: 0.25, fmt: "0.00%" },
    expectedGoal: "(一) 推进垃圾分类。\n(二) 加强违建治理。",
    achievedGoal: "(一) 垃圾分类：立案处罚2577宗，报道垃圾分类387篇。\n(二) 违建治理：拆除面积12.5万平方米。",
    tasks: [
      { number: 1, name: "做好环卫保洁工作", goal: "提升保洁质量", fund: { v: 400, fmt: "#,##0.00" }, rows: [{ multi: [["采购设施使用率", "100%"], ["开展大清洁行动次数", "51次"]] }, ["垃圾分类报道篇次", 387]] },
      { number: 2, name: "执行城管执法工作", goal: "规范城乡管理", fund: { v: 300, fmt: "#,##0.00" }, rows: [["立案处罚宗数", "2577"], ["违建安全隐患消除率", "100%"], ["依法执法能力提升程度", "较为明显"]] },
    ],
    keyProject: "“质量监测中心运行经费”项目绩效自评报告\n一、基本情况",
    overall: "(一) 垃圾分类深入推进。",
    problems: "(一) 需持续深入推进垃圾分类。",
    measures: "(一) 持续深入推进垃圾分类。",
  };
}

function cellOf(v: SpecValue): CellSnapshot | undefined {
  if (v === undefined) return undefined;
  if (v === null || typeof v !== "object" || "error" in v) return { v: v as CellValue };
  const c: CellSnapshot = { v: v.v ?? null };
  if (v.f) c.f = v.f;
  if (v.fmt) c.fmt = v.fmt;
  return c;
}

/** Builds the snapshot of one sheet holding the form, laid out like the printed 附件7 (7 columns). */
export function buildSheet(spec: FormSpec): SheetSnapshot {
  const ro = spec.rowOffset ?? 0;
  const co = spec.colOffset ?? 0;
  const L = { ...DEFAULT_LABELS, ...(spec.labels ?? {}) };
  const cells: (CellSnapshot | undefined)[][] = [];
  const merges: RangeRef[] = [];
  const set = (r: number, c: number, v: SpecValue) => {
    const cell = cellOf(v);
    if (!cell) return;
    (cells[r + ro] ??= [])[c + co] = cell;
  };
  const merge = (top: number, left: number, bottom: number, right: number) => {
    if (bottom > top || right > left) merges.push({ top: top + ro, left: left + co, bottom: bottom + ro, right: right + co });
  };
  let r = 0;
  if (spec.title !== null) {
    set(r, 0, spec.title ?? "部门整体支出绩效自评表");
    merge(r, 0, r, 6);
    r++;
  }
  set(r, 6, "单位：万元");
  r++;
  set(r, 0, L.department);
  merge(r, 0, r, 1);
  set(r, 2, spec.department);
  merge(r, 2, r, 4);
  set(r, 5, L.year);
  set(r, 6, spec.year);
  r++;
  if ((spec.fundingLayout ?? "right") === "right") {
    set(r, 0, "部门资金情况");
    merge(r, 0, r + 3, 0);
    const pair = (row: number, l1: string, v1: SpecValue, l2?: string, v2?: SpecValue) => {
      set(row, 1, l1);
      merge(row, 1, row, 2);
      set(row, 3, v1);
      if (l2) {
        set(row, 4, l2);
        merge(row, 4, row, 5);
        set(row, 6, v2);
      }
    };
    pair(r, L.adjusted, spec.adjusted, L.initial, spec.initial);
    pair(r + 1, L.actual, spec.actual, L.adjustment, spec.adjustment);
    pair(r + 2, L.general, spec.general);
    pair(r + 3, L.completionRate, spec.completionRate, L.adjustmentRate, spec.adjustmentRate);
    r += 4;
  } else {
    // A header row of labels with the figures below them.
    const fields: [string, SpecValue][] = [
      [L.adjusted, spec.adjusted], [L.initial, spec.initial], [L.actual, spec.actual], [L.adjustment, spec.adjustment],
      [L.general, spec.general], [L.completionRate, spec.completionRate], [L.adjustmentRate, spec.adjustmentRate],
    ];
    fields.forEach(([l, v], i) => {
      set(r, i, l);
      set(r + 1, i, v);
    });
    r += 2;
  }
  set(r, 0, "年度目标");
  merge(r, 0, r + 1, 0);
  set(r, 1, "部门整体支出的预期目标");
  merge(r, 1, r, 3);
  set(r, 4, "部门整体支出的目标完成情况");
  merge(r, 4, r, 6);
  set(r + 1, 1, spec.expectedGoal);
  merge(r + 1, 1, r + 1, 3);
  set(r + 1, 4, spec.achievedGoal);
  merge(r + 1, 4, r + 1, 6);
  r += 2;
  if (!spec.noTable) {
    set(r, 0, L.taskHeader);
    merge(r, 0, r, 1);
    set(r, 2, "预期目标");
    set(r, 3, "目标完成情况");
    set(r, 4, L.indicatorHeader);
    set(r, 5, L.valueHeader);
    set(r, 6, L.fundHeader);
    r++;
    for (const task of spec.tasks ?? []) {
      const rows = task.rows;
      const breakAt = task.pageBreakBefore ?? rows.length;
      const blocks = [rows.slice(0, breakAt), rows.slice(breakAt)].filter((b) => b.length > 0);
      blocks.forEach((block, bi) => {
        if (bi > 0) r++; // the blank row a page break leaves
        const top = r;
        const bottom = r + block.length - 1;
        if (bi === 0) {
          set(top, 0, task.number);
          set(top, 1, task.name);
          set(top, 2, task.goal);
          set(top, 6, task.fund);
        }
        for (const col of [0, 1, 2, 3, 6]) merge(top, col, bottom, col);
        block.forEach((row, i) => {
          if (Array.isArray(row)) {
            set(top + i, 4, row[0]);
            set(top + i, 5, row[1]);
          } else {
            set(top + i, 4, row.multi.map((m) => m[0]).join("\n"));
            set(top + i, 5, row.values ?? row.multi.map((m) => m[1]).join("\n"));
          }
        });
        r = bottom + 1;
      });
    }
  }
  const section = (label: string, text: string | null | undefined) => {
    if (text === null) return;
    set(r, 0, label);
    set(r, 1, text ?? "");
    merge(r, 1, r, 6);
    r++;
  };
  section(L.keyProject, spec.keyProject);
  section(L.overall, spec.overall);
  section(L.problems, spec.problems);
  section(L.measures, spec.measures);
  set(r, 0, "注：1. 每个部门至少开展一个重点项目绩效评价。");
  merge(r, 0, r, 6);
  for (let i = 0; i < cells.length; i++) if (!cells[i]) cells[i] = [];
  const sheet: SheetSnapshot = { name: spec.sheetName ?? "自评表", cells, merges };
  if (spec.protected) sheet.protected = true;
  return sheet;
}

export function buildForm(spec: FormSpec = validSpec(), before: SheetSnapshot[] = []): WorkbookSnapshot {
  return { fileName: "test.xlsx", sheets: [...before, buildSheet(spec)] };
}

/** A sheet that is not the form: a 封面 or a 目录 sheet a workbook may carry. */
export function otherSheet(name = "封面"): SheetSnapshot {
  return { name, cells: [[{ v: "2022年度预算绩效自评材料" }], [{ v: "报送单位" }, { v: "某区财政局" }], [{ v: "预算执行率" }, { v: 0.9 }]], merges: [] };
}

export function withSpec(patch: Partial<FormSpec>): FormSpec {
  return { ...validSpec(), ...patch };
}
