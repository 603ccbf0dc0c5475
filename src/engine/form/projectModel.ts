import { CellAddress } from "../grid/address";
import { FieldRef, TextRef } from "./model";
import { Quantity } from "../quantity/parse";

export type FundRowKey = "total" | "fiscal" | "carryover" | "special" | "unit" | "other";
export type FundColKey = "initial" | "annual" | "actual" | "weight" | "rate" | "score" | "reason";

export interface ProjectFundRow {
  key: FundRowKey;
  label: string;
  labelCell: CellAddress;
  /** The cells of the row, by column; a column the layout lacks is absent. */
  cells: Partial<Record<FundColKey, FieldRef>>;
}

/** ≥ (正向), ≤ (反向), = (等于) or 定性 (checked, not computed). */
export type IndicatorNature = ">=" | "<=" | "=" | "qualitative";

export interface ProjectIndicator {
  level1: string;
  level2: string;
  level3: string;
  row: number;
  nature: IndicatorNature;
  /** The target (年度指标值 / 指标值) and the actual (实际完成值 / 完成值), with the 度量单位 when apart. */
  target: FieldRef;
  actual: FieldRef;
  unit?: string;
  weight?: FieldRef;
  score?: FieldRef;
  reason?: FieldRef;
}

export interface ProjectForm {
  template: "project";
  layout: "national" | "sichuan";
  sheet: number;
  sheetName: string;
  confidence: number;
  title?: CellAddress;
  header: { name?: FieldRef; department?: FieldRef; unit?: FieldRef };
  funds: ProjectFundRow[];
  fundColumns: Partial<Record<FundColKey, number>>;
  goals: { expected?: TextRef; achieved?: TextRef };
  indicators: ProjectIndicator[];
  /** 总分 (national) or 合计 (Sichuan): the cell holding the total score. */
  total?: FieldRef;
  /** Where the grade (优/良/中/差) is written, when the form has a cell for it. */
  grade?: FieldRef;
  conclusion?: TextRef;
  problems?: TextRef;
  measures?: TextRef;
}

export function isQualitative(q: Quantity): boolean {
  return q.kind !== "number";
}
