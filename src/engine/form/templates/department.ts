import { SheetView } from "../../grid/sheetView";
import { isEmptyValue } from "../../grid/snapshot";
import { labelKey, splitLines, stripMarkup, toHalfWidth } from "../../text/normalize";
import { parseQuantity } from "../../quantity/parse";
import { cellQuantity, cellText } from "../../grid/format";
import { LabelHit, LabelIndex, LabelSpec, locateValue, makeFieldRef, makeInlineFieldRef, makeTextRef } from "../labels";
import { DepartmentForm, FieldRef, FundingKey, Indicator, Task, TaskTableLayout, TextRef } from "../model";

/**
 * 部门整体支出绩效自评表: the labels each field is printed with, in the variants seen in
 * 附件7 of Guangzhou and its neighbours. Adding a region's wording means adding a synonym here.
 */
export const DEPARTMENT_LABELS = {
  title: { synonyms: ["部门整体支出绩效自评表", "部门整体支出绩效自评价表", "部门整体绩效自评表", "部门整体支出绩效目标自评表"], value: "right" },
  department: { synonyms: ["部门名称", "部门(单位)名称", "单位名称", "预算部门名称", "预算部门"], value: "right" },
  year: { synonyms: ["被评价年度", "评价年度", "自评年度", "预算年度"], value: "right" },
  adjustedBudget: { synonyms: ["部门调整预算收入", "调整预算收入", "部门调整后预算收入", "调整后预算收入", "全年调整预算数", "调整后预算数", "全年预算数", "全年(调整)预算数", "调整预算数", "部门全年预算数"], value: "right" },
  initialBudget: { synonyms: ["部门年初预算收入", "年初预算收入", "部门年初预算数", "年初预算数"], value: "right" },
  actualSpending: { synonyms: ["实际支出数", "部门实际支出数", "实际支出", "全年实际支出数", "全年执行数", "预算执行数", "全年支出数"], value: "right" },
  adjustment: { synonyms: ["年度预算调整数", "预算调整数", "部门预算调整数"], value: "right" },
  generalBudget: { synonyms: ["其中:一般公共预算", "其中一般公共预算", "其中:一般公共预算支出", "一般公共预算", "一般公共预算支出"], value: "right" },
  completionRate: { synonyms: ["预算完成率", "预算执行率"], value: "right" },
  adjustmentRate: { synonyms: ["预算调整率"], value: "right" },
  expectedGoal: { synonyms: ["部门整体支出的预期目标", "部门整体支出预期目标", "年度预期目标", "预期目标"], value: "below" },
  achievedGoal: { synonyms: ["部门整体支出的目标完成情况", "部门整体支出目标完成情况", "年度目标完成情况", "目标完成情况"], value: "below" },
  annualGoals: { synonyms: ["年度目标", "年度绩效目标"], value: "right" },
  fundingBlock: { synonyms: ["部门资金情况", "资金情况"], value: "right" },
  taskHeader: { synonyms: ["主要任务", "年度主要任务", "任务名称"], value: "below" },
  taskGoalHeader: { synonyms: ["预期目标", "任务预期目标"], value: "below" },
  taskCompletionHeader: { synonyms: ["目标完成情况", "任务完成情况"], value: "below" },
  indicatorHeader: { synonyms: ["关键指标", "绩效指标", "关键绩效指标"], value: "below" },
  indicatorValueHeader: { synonyms: ["指标完成情况", "指标完成值", "实际完成值", "完成情况"], value: "below" },
  taskFundHeader: { synonyms: ["任务涉及资金", "涉及资金", "任务资金", "任务涉及资金(万元)"], value: "below" },
  keyProject: { synonyms: ["重点项目绩效情况", "重点项目绩效评价情况", "重点项目绩效自评情况"], value: "right" },
  overall: { synonyms: ["部门整体绩效", "部门整体绩效情况", "整体绩效情况"], value: "right" },
  problems: { synonyms: ["存在问题", "存在的问题", "存在的主要问题", "主要问题"], value: "right" },
  measures: { synonyms: ["改进措施或下一步计划", "改进措施及下一步计划", "改进措施", "下一步计划", "下一步改进措施"], value: "right" },
} satisfies Record<string, LabelSpec>;

export type DepartmentLabel = keyof typeof DEPARTMENT_LABELS;

/** Labels that count towards recognizing the form, with their weight. */
const RECOGNITION_WEIGHTS: Partial<Record<DepartmentLabel, number>> = {
  title: 3,
  department: 1,
  year: 1,
  adjustedBudget: 2,
  initialBudget: 2,
  actualSpending: 1,
  adjustment: 1,
  completionRate: 1,
  adjustmentRate: 1,
  taskHeader: 1,
  indicatorHeader: 2,
  indicatorValueHeader: 2,
  taskFundHeader: 1,
  keyProject: 1,
  overall: 1,
  problems: 1,
  measures: 1,
};

const TOTAL_WEIGHT = Object.values(RECOGNITION_WEIGHTS).reduce((a, b) => a + (b ?? 0), 0);

/** Section labels that end the task table. */
const SECTION_LABELS: DepartmentLabel[] = ["keyProject", "overall", "problems", "measures"];
let sectionKeys: Set<string> | undefined;
/** The label keys that start the sections after the task table, worked out once. */
function sectionLabelKeys(): Set<string> {
  sectionKeys ??= new Set(SECTION_LABELS.flatMap((l) => DEPARTMENT_LABELS[l].synonyms.map(labelKey)));
  return sectionKeys;
}

let allLabelKeys: Set<string> | undefined;
/** The label keys of every field of the form, worked out once (the templates' synonyms never change). */
function departmentLabelKeys(): Set<string> {
  allLabelKeys ??= new Set(Object.values(DEPARTMENT_LABELS).flatMap((spec) => spec.synonyms.map(labelKey)));
  return allLabelKeys;
}

export interface SheetScore {
  confidence: number;
  found: DepartmentLabel[];
  missing: DepartmentLabel[];
}

export class DepartmentReader {
  private readonly index: LabelIndex;
  private readonly labelKeys = departmentLabelKeys();
  private readonly hitsCache = new Map<DepartmentLabel, LabelHit[]>();

  constructor(readonly view: SheetView, index?: LabelIndex) {
    this.index = index ?? new LabelIndex(view);
  }

  hits(label: DepartmentLabel): LabelHit[] {
    let h = this.hitsCache.get(label);
    if (!h) {
      h = this.index.find(DEPARTMENT_LABELS[label].synonyms);
      this.hitsCache.set(label, h);
    }
    return h;
  }

  score(): SheetScore {
    const found: DepartmentLabel[] = [];
    const missing: DepartmentLabel[] = [];
    let weight = 0;
    for (const [label, w] of Object.entries(RECOGNITION_WEIGHTS) as [DepartmentLabel, number][]) {
      if (this.hits(label).length > 0) {
        found.push(label);
        weight += w;
      } else missing.push(label);
    }
    return { confidence: Math.round((weight / TOTAL_WEIGHT) * 100) / 100, found, missing };
  }

  private isLabel(row: number, col: number): boolean {
    const a = this.view.anchor(row, col);
    const key = this.index.keyOf(a.row, a.col);
    if (key === undefined) return false;
    if (this.labelKeys.has(key)) return true;
    for (const k of this.labelKeys) if (key.startsWith(k) && /^\([^()]*\)$/.test(key.slice(k.length))) return true;
    return false;
  }

  private formRight?: number;
  /**
   * The form's last column: the right edge of its merged title where it has one, else the column
   * after its right-most label. A cell right of it (a 备注 column, a user's own figures) is never
   * taken for a field's value, so never written by a fix.
   */
  lastCol(): number {
    if (this.formRight !== undefined) return this.formRight;
    const title = this.hits("title")[0];
    const titleArea = title ? this.view.area(title.row, title.col) : undefined;
    if (titleArea && titleArea.right > titleArea.left) return (this.formRight = titleArea.right);
    let right = 0;
    for (const label of Object.keys(DEPARTMENT_LABELS) as DepartmentLabel[]) for (const h of this.hits(label)) right = Math.max(right, this.view.area(h.row, h.col).right);
    return (this.formRight = right + 1);
  }

  /** The first label hit outside the excluded rows. */
  private firstHit(label: DepartmentLabel, excludeRow?: number): LabelHit | undefined {
    return this.hits(label).find((h) => h.row !== excludeRow);
  }

  private field(label: DepartmentLabel, excludeRow?: number): FieldRef | undefined {
    const hit = this.firstHit(label, excludeRow);
    if (!hit) return undefined;
    if (hit.inlineValue !== undefined) return makeInlineFieldRef(this.view, hit);
    const at = locateValue(this.view, hit, DEPARTMENT_LABELS[label].value as "right" | "below", (r, c) => this.isLabel(r, c), this.lastCol());
    if (!at) return undefined;
    return makeFieldRef(this.view, hit, at);
  }

  private text(label: DepartmentLabel, excludeRow?: number): TextRef | undefined {
    const hit = this.firstHit(label, excludeRow);
    if (!hit) return undefined;
    const at = locateValue(this.view, hit, DEPARTMENT_LABELS[label].value as "right" | "below", (r, c) => this.isLabel(r, c), this.lastCol());
    if (!at) return undefined;
    return makeTextRef(this.view, at, hit);
  }

  /**
   * An empty value cell is put in the column where the filled values of the labels above and below
   * it stand. Where merges are unknown (Excel 2016–2019 cannot read them) a label's hidden merged
   * half looks like an empty cell right of it; a derived value written there would be hidden.
   */
  private alignEmptyValues(funding: Partial<Record<FundingKey, FieldRef>>): void {
    const refs = Object.values(funding).filter((f): f is FieldRef => !!f && !f.inline);
    for (const [key, f] of Object.entries(funding) as [FundingKey, FieldRef | undefined][]) {
      if (!f || f.inline || !isEmptyValue(f.source?.v)) continue;
      const cols = refs.filter((o) => o !== f && o.labelCell.col === f.labelCell.col && o.cell.row === o.labelCell.row && !isEmptyValue(o.source?.v)).map((o) => o.cell.col);
      if (cols.length === 0) continue;
      const col = cols.sort((a, b) => cols.filter((c) => c === b).length - cols.filter((c) => c === a).length)[0];
      const row = f.cell.row;
      if (col === f.cell.col || col <= f.labelCell.col || col > this.lastCol() || row !== f.labelCell.row) continue;
      // Every cell between the label and that column must be empty, and the cell itself no label.
      let clear = true;
      for (let c = f.labelCell.col + 1; c <= col && clear; c++) clear = this.view.isEmpty(row, c) && !this.isLabel(row, c);
      if (!clear) continue;
      funding[key] = makeFieldRef(this.view, { row: f.labelCell.row, col: f.labelCell.col, text: f.label } as LabelHit, { row, col });
    }
  }

  read(confidence: number): DepartmentForm {
    const view = this.view;
    const table = this.tableLayout();
    const tableRow = table?.headerRow;
    const funding: Partial<Record<FundingKey, FieldRef>> = {};
    for (const key of ["adjustedBudget", "initialBudget", "actualSpending", "adjustment", "generalBudget", "completionRate", "adjustmentRate"] as FundingKey[]) {
      const f = this.field(key);
      if (f) funding[key] = f;
    }
    this.alignEmptyValues(funding);
    const year = this.field("year");
    const yearMatch = year ? /((?:19|20)\d{2})/.exec(toHalfWidth(year.text)) : null;
    const titleHit = this.firstHit("title");
    const form: DepartmentForm = {
      template: "department",
      sheet: view.index,
      sheetName: view.sheet.name,
      confidence,
      title: titleHit ? view.address(titleHit.row, titleHit.col) : undefined,
      header: {
        department: this.field("department"),
        year,
        yearNumber: yearMatch ? Number(yearMatch[1]) : year && typeof year.source?.v === "number" ? year.source.v : undefined,
      },
      funding,
      goals: {
        expected: this.text("expectedGoal", tableRow),
        achieved: this.text("achievedGoal", tableRow),
      },
      table,
      tasks: [],
      indicators: [],
      keyProject: this.text("keyProject"),
      overall: this.text("overall"),
      problems: this.text("problems"),
      measures: this.text("measures"),
    };
    if (table) this.readTasks(form, table);
    return form;
  }

  /** Whether the sheet holds the 主要任务 / 关键指标 / 指标完成情况 table of the 广州 layout. */
  hasTaskTable(): boolean {
    const table = this.tableLayout();
    if (!table) return false;
    // 一级 / 二级 / 三级指标 on the header row make it an indicator table of a table form, not the task table.
    // The 广州 task table's header names 关键指标 beside its tasks; 「绩效指标」 over 一级 / 二级 / 三级指标
    // (on its row or the next) heads the indicator table of a table form instead.
    const levels = this.index.find(["一级指标", "二级指标", "三级指标"]);
    return !levels.some((h) => this.hits("indicatorHeader").some((i) => h.row >= i.row && h.row <= i.row + 1));
  }

  /** Finds the task table by its header row: the row holding both 关键指标 and 指标完成情况. */
  private tableLayout(): TaskTableLayout | undefined {
    for (const ind of this.hits("indicatorHeader")) {
      const row = ind.row;
      const sameRow = (label: DepartmentLabel) => this.hits(label).find((h) => h.row === row);
      const value = sameRow("indicatorValueHeader");
      if (!value) continue;
      const task = sameRow("taskHeader");
      const indArea = this.view.area(ind.row, ind.col);
      const valueArea = this.view.area(value.row, value.col);
      const taskArea = task ? this.view.area(task.row, task.col) : { left: 0, right: Math.max(0, indArea.left - 1) };
      const goal = sameRow("taskGoalHeader");
      const completion = this.hits("taskCompletionHeader").find((h) => h.row === row && h.col !== value.col);
      const fund = sameRow("taskFundHeader");
      const headerBottom = Math.max(indArea.bottom, valueArea.bottom);
      return {
        headerRow: headerBottom,
        taskCols: [taskArea.left, taskArea.right],
        goalCol: goal ? goal.col : undefined,
        completionCol: completion ? completion.col : undefined,
        indicatorCol: ind.col,
        valueCol: value.col,
        fundCol: fund ? fund.col : undefined,
        lastRow: headerBottom,
      };
    }
    return undefined;
  }

  private isSectionRow(row: number): boolean {
    for (let c = 0; c < this.view.colCount; c++) {
      if (this.view.isCovered(row, c)) continue;
      if (this.view.isEmpty(row, c)) continue;
      const key = this.index.keyOf(row, c);
      // A long cell is prose: only its first characters can make it the form's notes.
      if (key === undefined) return /^注[:：]/.test(toHalfWidth(this.view.text(row, c).trimStart().slice(0, 2)));
      if (/^注[:：\d]/.test(key)) return true;
      return sectionLabelKeys().has(key);
    }
    return false;
  }

  private readTasks(form: DepartmentForm, table: TaskTableLayout): void {
    const view = this.view;
    const [taskLeft, taskRight] = table.taskCols;
    let current: Task | undefined;
    let lastRow = table.headerRow;
    for (let r = table.headerRow + 1; r < view.rowCount; r++) {
      if (this.isSectionRow(r)) break;
      // The task cells of this row: a new task starts where they hold text that is not a merge carried down.
      let taskText = "";
      let taskCovered = false;
      for (let c = taskLeft; c <= taskRight; c++) {
        if (view.isCovered(r, c) && view.anchor(r, c).row < r) {
          taskCovered = true;
          continue;
        }
        if (view.isCovered(r, c)) continue;
        const t = stripMarkup(view.text(r, c)).trim();
        if (t) taskText += (taskText ? " " : "") + t;
      }
      const indicatorText = this.ownText(r, table.indicatorCol);
      const valueText = this.ownText(r, table.valueCol);
      const fundText = table.fundCol !== undefined ? this.ownText(r, table.fundCol) : undefined;
      const goalText = table.goalCol !== undefined ? this.ownText(r, table.goalCol) : undefined;
      const completionText = table.completionCol !== undefined ? this.ownText(r, table.completionCol) : undefined;
      const rowEmpty = !taskText && !indicatorText && !valueText && !fundText && !goalText && !completionText;
      if (rowEmpty && !taskCovered) continue; // a blank row, such as one left by a page break

      if (taskText && !taskCovered) {
        const m = /^(\d+)\s*[.、．:：)\s]?\s*([\s\S]*)$/.exec(toHalfWidth(taskText));
        current = {
          number: m ? Number(m[1]) : undefined,
          numberText: m ? m[1] : "",
          name: (m ? m[2] : taskText).trim(),
          cell: view.address(r, taskLeft),
          firstRow: r,
          lastRow: r,
          fundCell: view.address(r, table.fundCol ?? table.valueCol + 1),
          indicators: [],
        };
        form.tasks.push(current);
      } else if (!current) {
        // Indicator rows before any task: keep them, under a task with no name, so they are still checked.
        current = { numberText: "", name: "", cell: view.address(r, taskLeft), firstRow: r, lastRow: r, fundCell: view.address(r, table.fundCol ?? table.valueCol + 1), indicators: [] };
        form.tasks.push(current);
      }
      const task = current;
      const taskIndex = form.tasks.length - 1;
      task.lastRow = r;
      lastRow = r;

      if (goalText !== undefined && goalText) task.goal = appendText(task.goal, view, r, table.goalCol!, goalText);
      if (completionText !== undefined && completionText) task.completion = appendText(task.completion, view, r, table.completionCol!, completionText);
      if (fundText) {
        const ref = makeFieldRef(view, { row: r, col: table.fundCol!, text: "任务涉及资金" }, { row: r, col: table.fundCol! });
        if (!task.fund) {
          task.fund = ref;
          task.fundCell = ref.cell;
          task.fundTotal = ref.quantity.value;
        } else if (ref.quantity.value !== undefined) task.fundTotal = (task.fundTotal ?? 0) + ref.quantity.value;
      }
      if (!task.fund && table.fundCol !== undefined && view.anchor(r, table.fundCol).row === r && r === task.firstRow) {
        task.fundCell = view.address(r, table.fundCol);
      }
      if (indicatorText !== undefined && (indicatorText || valueText)) {
        const names = indicatorText ? splitLines(indicatorText) : [""];
        const values = valueText ? splitLines(valueText) : [];
        const valueAnchor = view.anchor(r, table.valueCol);
        for (let i = 0; i < names.length; i++) {
          const v = values[i] ?? "";
          const source = view.raw(valueAnchor.row, valueAnchor.col);
          const single = names.length === 1 && values.length <= 1;
          const indicator: Indicator = {
            task: taskIndex,
            taskNumber: task.number,
            name: names[i],
            valueText: v,
            quantity: single && source && typeof source.v === "number" ? cellQuantity(source) : parseQuantity(v),
            nameCell: view.address(r, table.indicatorCol),
            valueCell: view.address(valueAnchor.row, valueAnchor.col),
            line: i,
            lineCount: names.length,
          };
          task.indicators.push(indicator);
          form.indicators.push(indicator);
        }
      }
    }
    table.lastRow = lastRow;
  }

  /** A cell's text when this row holds it (its anchor is on this row); undefined when a merge carries it down. */
  private ownText(row: number, col: number): string | undefined {
    const a = this.view.anchor(row, col);
    if (a.row !== row) return undefined;
    const cell = this.view.raw(a.row, a.col);
    if (!cell || isEmptyValue(cell.v)) return "";
    // Raw text: markup is turned into lines once, by the reader that splits it.
    return typeof cell.v === "number" ? cellText(cell) : String(typeof cell.v === "object" && cell.v ? (cell.v as { error: string }).error : cell.v).trim();
  }
}

function appendText(prev: TextRef | undefined, view: SheetView, row: number, col: number, raw: string): TextRef {
  if (!prev) return makeTextRef(view, { row, col });
  // A page break splits one text over two cells; the model keeps the first cell and joins the text.
  return { ...prev, raw: prev.raw + raw, text: prev.text + stripMarkup(raw) };
}
