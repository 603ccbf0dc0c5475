import { SheetView } from "../../grid/sheetView";
import { labelKey, toHalfWidth } from "../../text/normalize";
import { LabelHit, LabelIndex, LabelSpec, locateValue, makeFieldRef, makeTextRef } from "../labels";
import { FieldRef } from "../model";
import { FundColKey, FundRowKey, IndicatorNature, ProjectForm, ProjectFundRow, ProjectIndicator } from "../projectModel";

/**
 * 项目支出绩效自评表, in the national layout of 财预〔2020〕10号 and the Sichuan layout (预算执行情况
 * 10分 + 绩效指标 90分). The same label machinery as the department form; only the words differ.
 */
export const PROJECT_LABELS = {
  title: { synonyms: ["项目支出绩效自评表", "项目支出绩效目标自评表", "项目绩效自评表"], value: "right" },
  name: { synonyms: ["项目名称"], value: "right" },
  department: { synonyms: ["主管部门", "主管部门(单位)", "预算部门"], value: "right" },
  unit: { synonyms: ["实施单位", "项目实施单位"], value: "right" },
  level3: { synonyms: ["三级指标"], value: "below" },
  level1: { synonyms: ["一级指标"], value: "below" },
  level2: { synonyms: ["二级指标"], value: "below" },
  total: { synonyms: ["总分", "合计", "总计", "总得分"], value: "right" },
  grade: { synonyms: ["评价等级", "自评等级", "等级", "绩效等级"], value: "right" },
  goals: { synonyms: ["年度总体目标", "年度目标"], value: "right" },
  conclusion: { synonyms: ["评价结论", "自评结论"], value: "right" },
  problems: { synonyms: ["存在问题", "存在的问题"], value: "right" },
  measures: { synonyms: ["改进措施", "改进意见", "下一步改进措施"], value: "right" },
} satisfies Record<string, LabelSpec>;

const FUND_COLUMNS: Record<FundColKey, string[]> = {
  initial: ["年初预算数", "年初预算", "年初预算数(a)"],
  annual: ["全年预算数", "调整后预算数", "全年预算数(a)", "全年预算", "调整后预算"],
  actual: ["全年执行数", "预算执行数", "全年执行数(b)", "执行数", "实际支出数"],
  weight: ["分值", "权重"],
  rate: ["执行率", "预算执行率", "执行率(b/a)"],
  score: ["得分"],
  reason: ["原因", "偏差原因", "原因说明"],
};

const FUND_ROWS: [FundRowKey, string[]][] = [
  ["total", ["年度资金总额", "资金总额", "总额", "年度资金总额(万元)"]],
  ["fiscal", ["其中:财政拨款", "其中:当年财政拨款", "其中:本年财政拨款", "当年财政拨款", "本年财政拨款", "财政拨款", "财政资金", "其中:财政资金"]],
  ["carryover", ["上年结转资金", "上年结转"]],
  ["special", ["财政专户管理资金"]],
  ["unit", ["单位资金", "单位自有资金"]],
  ["other", ["其他资金"]],
];

const INDICATOR_COLUMNS = {
  nature: ["指标性质"],
  target: ["年度指标值", "指标值", "年度指标值(a)", "目标值"],
  unit: ["度量单位", "计量单位", "单位"],
  actual: ["实际完成值", "完成值", "实际完成值(b)", "全年实际值"],
  weight: ["分值", "权重"],
  score: ["得分"],
  reason: ["偏差原因分析及改进措施", "未完成原因分析", "偏差原因分析", "偏差原因"],
};

/**
 * The label keys of a list of synonyms, worked out once per list: the lists are the template's own
 * constants, and readers look them up for every cell of a header row, on every sheet of every workbook.
 */
const keyCache = new Map<readonly string[], Set<string>>();
function keys(xs: readonly string[]): Set<string> {
  let k = keyCache.get(xs);
  if (!k) {
    k = new Set(xs.map(labelKey));
    // Only the template's constant lists come here; the bound keeps a list built on the fly from piling up.
    if (keyCache.size < 256) keyCache.set(xs, k);
  }
  return k;
}

/** Labels that end the indicator table. */
const STOP_LABELS = [...PROJECT_LABELS.total.synonyms, ...PROJECT_LABELS.conclusion.synonyms, ...PROJECT_LABELS.problems.synonyms, ...PROJECT_LABELS.grade.synonyms];

export class ProjectReader {
  private readonly index: LabelIndex;

  constructor(readonly view: SheetView, index?: LabelIndex) {
    this.index = index ?? new LabelIndex(view);
  }

  private hits(label: keyof typeof PROJECT_LABELS): LabelHit[] {
    return this.index.find(PROJECT_LABELS[label].synonyms);
  }

  /** How much this sheet looks like a project form: its title, its header fields, its indicator table. */
  score(): number {
    let w = 0;
    if (this.hits("title").length) w += 3;
    if (this.hits("name").length) w += 1;
    if (this.hits("level3").length) w += 2;
    if (this.findRow(FUND_COLUMNS.actual, FUND_COLUMNS.weight) !== undefined) w += 2;
    if (this.hits("total").length) w += 1;
    if (this.hits("department").length || this.hits("unit").length) w += 1;
    return Math.round((w / 10) * 100) / 100;
  }

  /** The first row holding a label of each list, with the column of each. */
  private findRow(...lists: string[][]): number | undefined {
    const sets = lists.map(keys);
    for (let r = 0; r < this.view.rowCount; r++) {
      let all = true;
      for (const set of sets) {
        let found = false;
        for (let c = 0; c < this.view.colCount && !found; c++) {
          const k = this.index.keyOf(r, c);
          if (k !== undefined && set.has(k)) found = true;
        }
        if (!found) {
          all = false;
          break;
        }
      }
      if (all) return r;
    }
    return undefined;
  }

  private columnsOn(row: number, spec: Record<string, string[]>): Record<string, number> {
    const out: Record<string, number> = {};
    for (let c = 0; c < this.view.colCount; c++) {
      const k = this.index.keyOf(row, c);
      if (k === undefined) continue;
      for (const [name, syns] of Object.entries(spec)) if (out[name] === undefined && keys(syns).has(k)) out[name] = c;
    }
    return out;
  }

  private isLabel(row: number, col: number): boolean {
    const k = this.index.keyOf(this.view.anchor(row, col).row, this.view.anchor(row, col).col);
    if (k === undefined) return false;
    return Object.values(PROJECT_LABELS).some((s) => keys(s.synonyms).has(k));
  }

  private field(label: keyof typeof PROJECT_LABELS): FieldRef | undefined {
    const hit = this.hits(label)[0];
    if (!hit) return undefined;
    const at = locateValue(this.view, hit, PROJECT_LABELS[label].value as "right" | "below", (r, c) => this.isLabel(r, c));
    return at ? makeFieldRef(this.view, hit, at) : undefined;
  }

  read(confidence: number): ProjectForm {
    const view = this.view;
    const fundHeader = this.findRow(FUND_COLUMNS.actual, FUND_COLUMNS.weight) ?? this.findRow(FUND_COLUMNS.actual);
    const fundColumns = fundHeader !== undefined ? (this.columnsOn(fundHeader, FUND_COLUMNS) as Partial<Record<FundColKey, number>>) : {};
    const sichuan = this.index.find(["调整后预算数", "预算执行数", "指标性质", "权重"]).length > 0;
    const funds: ProjectFundRow[] = [];
    if (fundHeader !== undefined) {
      const firstValueCol = Math.min(...Object.values(fundColumns).filter((c): c is number => c !== undefined));
      for (let r = fundHeader + 1; r < Math.min(view.rowCount, fundHeader + 10); r++) {
        let key: FundRowKey | undefined;
        let label = "";
        let labelCol = 0;
        for (let c = 0; c < firstValueCol && !key; c++) {
          const a = view.anchor(r, c);
          if (a.row !== r && view.isCovered(r, c)) continue;
          const k = this.index.keyOf(a.row, a.col);
          if (k === undefined) continue;
          for (const [rowKey, syns] of FUND_ROWS) if (keys(syns).has(k)) {
            key = rowKey;
            label = view.text(a.row, a.col);
            labelCol = a.col;
          }
        }
        if (!key) {
          if (funds.length) break;
          continue;
        }
        const cells: ProjectFundRow["cells"] = {};
        for (const [col, c] of Object.entries(fundColumns) as [FundColKey, number][]) {
          const a = view.anchor(r, c);
          if (a.row !== r) continue;
          cells[col] = makeFieldRef(view, { row: r, col: labelCol, text: label }, { row: r, col: c });
        }
        funds.push({ key, label, labelCell: view.address(r, labelCol), cells });
      }
    }
    const indicators = this.readIndicators();
    const total = this.readTotal(indicators);
    const form: ProjectForm = {
      template: "project",
      layout: sichuan ? "sichuan" : "national",
      sheet: view.index,
      sheetName: view.sheet.name,
      confidence,
      title: this.hits("title")[0] ? view.address(this.hits("title")[0].row, this.hits("title")[0].col) : undefined,
      header: { name: this.field("name"), department: this.field("department"), unit: this.field("unit") },
      funds,
      fundColumns,
      goals: {},
      indicators,
      total,
      grade: this.readGrade(total),
      conclusion: this.text("conclusion"),
      problems: this.text("problems"),
      measures: this.text("measures"),
    };
    return form;
  }

  private text(label: keyof typeof PROJECT_LABELS) {
    const hit = this.hits(label)[0];
    if (!hit) return undefined;
    const at = locateValue(this.view, hit, "right", (r, c) => this.isLabel(r, c));
    return at ? makeTextRef(this.view, at, hit) : undefined;
  }

  private readIndicators(): ProjectIndicator[] {
    const view = this.view;
    const header = this.hits("level3")[0];
    if (!header) return [];
    const hr = view.area(header.row, header.col).bottom;
    const cols = { ...this.columnsOn(header.row, INDICATOR_COLUMNS), ...this.columnsOn(hr, INDICATOR_COLUMNS) } as Record<keyof typeof INDICATOR_COLUMNS, number | undefined>;
    const l1 = this.hits("level1").find((h) => h.row === header.row)?.col;
    const l2 = this.hits("level2").find((h) => h.row === header.row)?.col;
    const l3 = header.col;
    const stop = keys(STOP_LABELS);
    const out: ProjectIndicator[] = [];
    let level1 = "";
    let level2 = "";
    for (let r = hr + 1; r < view.rowCount; r++) {
      const first = [0, 1, 2].map((c) => this.index.keyOf(view.anchor(r, c).row, view.anchor(r, c).col)).find((k) => k !== undefined);
      if (first && stop.has(first)) break;
      if (l1 !== undefined && view.text(r, l1).trim()) level1 = view.text(r, l1).trim();
      if (l2 !== undefined && view.text(r, l2).trim()) level2 = view.text(r, l2).trim();
      const name = view.anchor(r, l3).row === r ? view.text(r, l3).trim() : "";
      if (!name) continue;
      const at = (c: number | undefined) => (c === undefined ? undefined : makeFieldRef(view, { row: r, col: l3, text: name }, view.anchor(r, c)));
      const target = at(cols.target);
      const actual = at(cols.actual);
      if (!target || !actual) continue;
      const unit = cols.unit !== undefined ? view.text(r, cols.unit).trim() : undefined;
      const natureText = cols.nature !== undefined ? toHalfWidth(view.text(r, cols.nature)).trim() : "";
      out.push({
        level1,
        level2,
        level3: name,
        row: r,
        nature: natureOf(natureText, target.text, actual),
        target: withUnit(target, unit),
        actual: withUnit(actual, unit),
        unit,
        weight: at(cols.weight),
        score: at(cols.score),
        reason: at(cols.reason),
      });
    }
    return out;
  }

  private readTotal(indicators: ProjectIndicator[]): FieldRef | undefined {
    const hit = this.hits("total").find((h) => indicators.length === 0 || h.row > indicators[0].row);
    if (!hit) return undefined;
    const scoreCol = indicators.find((i) => i.score)?.score?.cell.col;
    if (scoreCol !== undefined && scoreCol > hit.col) return makeFieldRef(this.view, hit, this.view.anchor(hit.row, scoreCol));
    const at = locateValue(this.view, hit, "right", (r, c) => this.isLabel(r, c));
    return at ? makeFieldRef(this.view, hit, at) : undefined;
  }

  private readGrade(total: FieldRef | undefined): FieldRef | undefined {
    const labelled = this.field("grade");
    if (labelled) return labelled;
    // Sichuan writes the grade as its 评价结论.
    const conclusion = this.field("conclusion");
    if (conclusion && /^(优|良|中|差|优秀|良好)$/.test(conclusion.text.trim())) return conclusion;
    if (!total) return undefined;
    // A grade written beside the total: the next filled cell of that row.
    const row = total.cell.row;
    for (let c = total.cell.col + 1; c < this.view.colCount; c++) {
      const a = this.view.anchor(row, c);
      if (a.col <= total.cell.col) continue;
      const t = this.view.text(a.row, a.col).trim();
      if (/^(优|良|中|差|优秀|良好)$/.test(t)) return makeFieldRef(this.view, { row, col: total.labelCell.col, text: "等级" }, a);
    }
    return undefined;
  }
}

/** A quantity read with the 度量单位 column's unit when the value cell has none. */
function withUnit(f: FieldRef, unit: string | undefined): FieldRef {
  if (!unit || f.quantity.kind !== "number" || f.quantity.unit) return f;
  const u = unit.replace(/\s+/g, "");
  return { ...f, quantity: { ...f.quantity, unit: u === "百分比" ? "%" : u } };
}

function natureOf(text: string, target: string, actual: FieldRef): IndicatorNature {
  if (/定性/.test(text)) return "qualitative";
  if (/^(≤|<=|反向)/.test(text)) return "<=";
  if (/^(=|等于)/.test(text)) return "=";
  if (/^(≥|>=|正向)/.test(text)) return ">=";
  const t = toHalfWidth(target);
  if (/(≤|<=|不超过|不高于|以内|以下|控制在)/.test(t)) return "<=";
  if (/^=/.test(t)) return "=";
  if (!/\d/.test(t) || actual.quantity.kind !== "number") return "qualitative";
  return ">=";
}
