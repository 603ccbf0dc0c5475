import { CellAddress } from "../grid/address";
import { FieldRef, TextRef } from "./model";
import { Quantity } from "../quantity/parse";
import { FundColKey, FundRowKey } from "../layout/vocabulary";
import type { LayoutFamily } from "../layout/family";

export type { FundColKey, FundRowKey } from "../layout/vocabulary";

export interface ProjectFundRow {
  key: FundRowKey;
  label: string;
  labelCell: CellAddress;
  /** The cells of the row, by column; a column the layout lacks is absent. */
  cells: Partial<Record<FundColKey, FieldRef>>;
  /** "其中：…": a part named as such (it need not add up with the others). */
  ofWhich?: boolean;
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
  /** 调整指标值, where the form has one (it replaces the target when filled). */
  adjustedTarget?: FieldRef;
  unit?: string;
  weight?: FieldRef;
  /** 得分系数 (a share of the weight earned). */
  coefficient?: FieldRef;
  score?: FieldRef;
  reason?: FieldRef;
  /** 是否核心指标. */
  core?: boolean;
  /** 评分标准 / 指标解释, on evaluation tables. */
  standard?: string;
}

/** What the reader found of each block of the form, and where: the --json model lists these. */
export interface BlockRead {
  kind: "header" | "budget" | "goals" | "indicators" | "score" | "prose";
  /** The header row (0-based) of a table block, or the label's row. */
  row: number;
  /** The rows the block's content spans, header included. */
  firstRow: number;
  lastRow: number;
  /** How many items were read (fund rows, indicators, fields). */
  items: number;
  /** Cells the block was read from, by what they hold. */
  cells: Record<string, CellAddress>;
}

/**
 * A form read as blocks of a table layout: the 项目支出绩效自评表 of every region, and the 部门整体
 * forms, evaluation tables and goal tables built the same way. Which family it belongs to decides
 * how it is scored.
 */
export interface ProjectForm {
  template: "project";
  /** The layout family's id (national-2020, sichuan-project, guizhou-department…). */
  layout: string;
  family: LayoutFamily;
  kind: LayoutFamily["kind"];
  sheet: number;
  sheetName: string;
  /** The rows of the sheet this form occupies (a sheet may stack several forms). */
  region: { top: number; bottom: number };
  /** 0..1: how sure the reader is of the layout (share of the family's blocks found). */
  confidence: number;
  title?: CellAddress;
  titleText?: string;
  header: { name?: FieldRef; department?: FieldRef; unit?: FieldRef; organization?: FieldRef; contact?: FieldRef; year?: FieldRef };
  /** The evaluated year, from the title, a field or the subtitle. */
  yearNumber?: number;
  /** The money unit the form declares (单位：万元 / 元); 万元 unless it says otherwise. */
  moneyUnit: "万元" | "元";
  funds: ProjectFundRow[];
  fundColumns: Partial<Record<FundColKey, number>>;
  /** Amounts written inside the label cells under the budget block (湖南), with the subtotal they belong to. */
  inlineParts: { key: FundRowKey; subtotal?: "source" | "use"; label: string; value: number; cell: CellAddress }[];
  /** The budget's points when the form prints them in a label (预算执行情况（10分）) rather than a cell. */
  budgetPoints?: number;
  /** The points printed on the indicator block's label (绩效指标（90分）). */
  indicatorPoints?: { points: number; cell: CellAddress };
  goals: { expected?: TextRef; adjusted?: TextRef; achieved?: TextRef };
  indicators: ProjectIndicator[];
  /** Points printed for groups of indicators (产出指标（50分）, 数量指标（10分）), with the rows each group spans. */
  groupPoints: { name: string; points: number; level: 1 | 2; cell: CellAddress; firstRow: number; lastRow?: number }[];
  /** 总分 (national) or 合计 (Sichuan): the cell holding the total score. */
  total?: FieldRef;
  /** The weights' total printed on the total row, when the form prints one. */
  weightTotal?: FieldRef;
  /** Where the grade (优/良/中/差) is written, when the form has a cell for it. */
  grade?: FieldRef;
  conclusion?: TextRef;
  problems?: TextRef;
  measures?: TextRef;
  /** Every block found, with its cells; and the blocks the family expects that could not be read. */
  blocks: BlockRead[];
  unread: { kind: BlockRead["kind"]; what: string; cell: CellAddress }[];
}

export function isQualitative(q: Quantity): boolean {
  return q.kind !== "number";
}
