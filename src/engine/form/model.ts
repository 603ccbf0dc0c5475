import { CellAddress } from "../grid/address";
import { CellSnapshot } from "../grid/snapshot";
import { Quantity } from "../quantity/parse";

/** A value read from the form, with the cell it came from and the label that named it. */
export interface FieldRef {
  /** The cell that holds (or should hold) the value. */
  cell: CellAddress;
  /** The label cell that named the field. */
  labelCell: CellAddress;
  /** The label as written. */
  label: string;
  /** The cell as the host gave it (value, formula, format). */
  source: CellSnapshot | undefined;
  /** The value as text, as a person reads it. */
  text: string;
  quantity: Quantity;
  /** The value inline with its label ("被评价年度：2021年"): the label cell itself holds it. */
  inline?: boolean;
}

/** A block of prose: a narrative section or a goal text. */
export interface TextRef {
  cell: CellAddress;
  labelCell?: CellAddress;
  label?: string;
  /** The text exactly as the cell holds it (markup included). */
  raw: string;
  /** The text with markup turned into line breaks. */
  text: string;
}

export interface Indicator {
  /** Index into DepartmentForm.tasks. */
  task: number;
  /** The task's number as written, when it has one. */
  taskNumber?: number;
  name: string;
  /** The 指标完成情况 as written. */
  valueText: string;
  quantity: Quantity;
  nameCell: CellAddress;
  valueCell: CellAddress;
  /** Line index within a cell that holds several indicators a line each; 0 otherwise. */
  line: number;
  /** How many lines the name cell holds. */
  lineCount: number;
}

export interface Task {
  number?: number;
  numberText: string;
  name: string;
  cell: CellAddress;
  /** First and last sheet rows the task occupies, continuation rows included. */
  firstRow: number;
  lastRow: number;
  goal?: TextRef;
  completion?: TextRef;
  /** 任务涉及资金: the first fund cell of the task, with the sum when several rows carry one. */
  fund?: FieldRef;
  fundTotal?: number;
  /** The cell where the fund belongs when none is written. */
  fundCell: CellAddress;
  indicators: Indicator[];
}

export type FundingKey =
  | "adjustedBudget"
  | "initialBudget"
  | "actualSpending"
  | "adjustment"
  | "generalBudget"
  | "completionRate"
  | "adjustmentRate";

export interface TaskTableLayout {
  headerRow: number;
  taskCols: [number, number];
  goalCol?: number;
  completionCol?: number;
  indicatorCol: number;
  valueCol: number;
  fundCol?: number;
  lastRow: number;
}

export interface DepartmentForm {
  template: "department";
  sheet: number;
  sheetName: string;
  /** 0..1: how much of the template's labels were found. */
  confidence: number;
  title?: CellAddress;
  header: {
    department?: FieldRef;
    year?: FieldRef;
    /** The evaluated year as a number, when it can be read. */
    yearNumber?: number;
  };
  funding: Partial<Record<FundingKey, FieldRef>>;
  goals: { expected?: TextRef; achieved?: TextRef };
  table?: TaskTableLayout;
  tasks: Task[];
  indicators: Indicator[];
  keyProject?: TextRef;
  overall?: TextRef;
  problems?: TextRef;
  measures?: TextRef;
}

export type FormModel = DepartmentForm;
