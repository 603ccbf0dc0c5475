import { CellSnapshot, RangeRef, SheetSnapshot } from "../../src/engine";

type V = string | number | null | { v?: string | number | null; f?: string; fmt?: string };

export interface ProjectIndicatorSpec {
  level1: string;
  level2: string;
  level3: string;
  target: V;
  actual: V;
  weight: V;
  score: V;
  reason?: V;
  /** Sichuan only: 指标性质 (≥ ≤ = 定性) and 度量单位. */
  nature?: string;
  unit?: string;
}

export interface ProjectSpec {
  layout: "national" | "sichuan";
  sheetName?: string;
  name?: string;
  /** Rows of the funds block: [label, 年初, 全年/调整后, 执行, 分值/权重, 执行率, 得分, 原因]. */
  funds?: [string, V, V, V, V?, V?, V?, V?][];
  indicators?: ProjectIndicatorSpec[];
  total?: V;
  grade?: V;
  rowOffset?: number;
}

/** A correct national form: budget 10 (100%), 产出 50, 效益 30, 满意度 10 — total 96.00, 优. */
export function nationalSpec(): ProjectSpec {
  return {
    layout: "national",
    name: "质量监测中心运行经费",
    funds: [
      ["年度资金总额", 100, 120, 114, 10, { v: 0.95, fmt: "0.00%" }, 9.5],
      ["其中：当年财政拨款", 100, 110, 104],
      ["上年结转资金", 0, 10, 10],
      ["其他资金", 0, 0, 0],
    ],
    indicators: [
      { level1: "产出指标", level2: "数量指标", level3: "巡查道路条数", target: "≥50条", actual: "52条", weight: 20, score: 20 },
      { level1: "产出指标", level2: "质量指标", level3: "数据监测准确率", target: "≥95%", actual: "98%", weight: 20, score: 20 },
      { level1: "产出指标", level2: "成本指标", level3: "单次巡查成本", target: "≤90元", actual: "80元", weight: 10, score: 10 },
      { level1: "效益指标", level2: "社会效益指标", level3: "市容环境卫生提升", target: "明显提升", actual: "部分达成", weight: 30, score: 21, reason: "部分街道整改滞后，下年度加强督办" },
      { level1: "满意度指标", level2: "服务对象满意度指标", level3: "市民满意度", target: "≥90%", actual: "88%", weight: 10, score: 9.78, reason: "宣传不足，下年度加强宣传" },
    ],
    total: 90.28,
    grade: "优",
  };
}

export function sichuanSpec(): ProjectSpec {
  return {
    layout: "sichuan",
    name: "城市道路清扫保洁项目",
    funds: [
      ["总额", 200, 200, 190, 10, "95.00%", 9.5, ""],
      ["财政资金", 200, 200, 190],
      ["财政专户管理资金", 0, 0, 0],
      ["单位资金", 0, 0, 0],
      ["其他资金", 0, 0, 0],
    ],
    indicators: [
      { level1: "产出指标", level2: "数量指标", level3: "清扫保洁面积", nature: "≥", target: 500, unit: "万平方米", actual: 510, weight: 30, score: 30 },
      { level1: "产出指标", level2: "时效指标", level3: "投诉处理时限", nature: "≤", target: 24, unit: "小时", actual: 30, weight: 20, score: 15, reason: "夜间投诉转办延迟" },
      { level1: "效益指标", level2: "社会效益指标", level3: "道路整洁度", nature: "定性", target: "优良", unit: "", actual: "达成", weight: 30, score: 27 },
      { level1: "满意度指标", level2: "服务对象满意度指标", level3: "群众满意度", nature: "≥", target: 90, unit: "%", actual: 92, weight: 10, score: 10 },
    ],
    total: 91.5,
    grade: "优",
  };
}

function cellOf(v: V | undefined): CellSnapshot | undefined {
  if (v === undefined) return undefined;
  if (v === null || typeof v !== "object") return { v: v as string | number | null };
  const c: CellSnapshot = { v: v.v ?? null };
  if (v.f) c.f = v.f;
  if (v.fmt) c.fmt = v.fmt;
  return c;
}

export function buildProjectSheet(spec: ProjectSpec): SheetSnapshot {
  const ro = spec.rowOffset ?? 0;
  const cells: (CellSnapshot | undefined)[][] = [];
  const merges: RangeRef[] = [];
  const set = (r: number, c: number, v: V | undefined) => {
    const cell = cellOf(v);
    if (cell) (cells[r + ro] ??= [])[c] = cell;
  };
  const merge = (t: number, l: number, b: number, rr: number) => (b > t || rr > l) && merges.push({ top: t + ro, left: l, bottom: b + ro, right: rr });
  let r = 0;
  set(r, 0, spec.layout === "sichuan" ? "项目支出绩效自评表" : "项目支出绩效自评表");
  merge(r, 0, r, 9);
  r++;
  set(r, 0, "项目名称");
  set(r, 1, spec.name ?? "");
  merge(r, 1, r, 9);
  r++;
  set(r, 0, "主管部门");
  set(r, 1, "广州市天河区城市管理和综合执法局");
  merge(r, 1, r, 4);
  set(r, 5, "实施单位");
  set(r, 6, "质量监测中心");
  merge(r, 6, r, 9);
  r++;
  const funds = spec.funds ?? [];
  if (spec.layout === "national") {
    set(r, 0, "项目资金（万元）");
    merge(r, 0, r + funds.length, 0);
    ["", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].forEach((h, i) => h && set(r, 1 + i, h));
  } else {
    set(r, 0, "预算执行情况（10分）");
    merge(r, 0, r + funds.length, 0);
    ["", "年初预算", "调整后预算数", "预算执行数", "权重", "预算执行率", "得分", "原因"].forEach((h, i) => h && set(r, 1 + i, h));
  }
  r++;
  for (const [label, a, b, c, w, rate, score, reason] of funds) {
    set(r, 1, label);
    set(r, 2, a);
    set(r, 3, b);
    set(r, 4, c);
    set(r, 5, w);
    set(r, 6, rate);
    set(r, 7, score);
    if (spec.layout === "sichuan") set(r, 8, reason ?? (label === "总额" ? "" : undefined));
    r++;
  }
  const inds = spec.indicators ?? [];
  if (spec.layout === "national") {
    set(r, 0, "年度总体目标");
    set(r, 1, "预期目标");
    set(r, 5, "实际完成情况");
    r++;
    set(r, 1, "完成全区市容环境卫生质量监测。");
    set(r, 5, "全年完成监测任务。");
    r++;
    set(r, 0, "绩效指标");
    merge(r, 0, r + inds.length, 0);
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"].forEach((h, i) => set(r, 1 + i, h));
    r++;
    for (const ind of inds) {
      [ind.level1, ind.level2, ind.level3, ind.target, ind.actual, ind.weight, ind.score, ind.reason ?? ""].forEach((v, i) => set(r, 1 + i, v));
      r++;
    }
    set(r, 0, "总分");
    merge(r, 0, r, 6);
    set(r, 7, spec.total);
    set(r, 8, spec.grade);
    r++;
  } else {
    set(r, 0, "绩效指标（90分）");
    merge(r, 0, r + inds.length, 0);
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"].forEach((h, i) => set(r, 1 + i, h));
    r++;
    for (const ind of inds) {
      [ind.level1, ind.level2, ind.level3, ind.nature ?? "≥", ind.target, ind.unit ?? "", ind.actual, ind.weight, ind.score, ind.reason ?? ""].forEach((v, i) => set(r, 1 + i, v));
      r++;
    }
    set(r, 0, "合计");
    merge(r, 0, r, 7);
    set(r, 9, spec.total);
    r++;
    set(r, 0, "评价结论");
    set(r, 1, spec.grade);
    r++;
    set(r, 0, "存在问题");
    set(r, 1, "夜间投诉转办不及时。");
    r++;
    set(r, 0, "改进措施");
    set(r, 1, "建立夜间值班转办机制。");
  }
  for (let i = 0; i < cells.length; i++) cells[i] ??= [];
  return { name: spec.sheetName ?? spec.name ?? "项目自评表", cells, merges };
}

/** A workbook holding one project form built from a spec changed by `change`. */
export function projectForm(make: () => ProjectSpec, change: (spec: ProjectSpec) => void = () => undefined): { sheets: SheetSnapshot[] } {
  const spec = make();
  change(spec);
  return { sheets: [buildProjectSheet(spec)] };
}
