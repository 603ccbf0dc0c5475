/**
 * 汇总: a 一级预算部门's consolidated form checked against (checkConsolidation) or drafted from
 * (planMerge) its units' forms, and the 问题清单 as a table (findingsAsTable / findingsAsTsv) for the
 * reviewer's workbook and the pane's clipboard. Pure, as the rest of the engine.
 */
export { checkConsolidation, vetUnits } from "./check";
export type { ConsolidationUnit, ConsolidationResult, ConsolidatedUnit, UnitProblem, UnitProblemKind } from "./check";
export { CONSOLIDATION_RULES, consolidationSum, consolidationDerived, consolidationYear } from "./rules";
export type { ConsolidationContext, FigureCheck, FigurePart, DerivedCheck, YearCheck } from "./rules";
export { consolidationForm, figureName, nameKey, itemGroupsOf, proseOf, KIND_NAMES as CONSOLIDATION_KIND_NAMES, PROSE_NAMES } from "./forms";
export type { ConsolidationForm, FormFigure, FigureCol, FormItemGroup, FormIndicator, ProseKey } from "./forms";
export { planMerge, consolidatedName, CELL_TEXT_LIMIT } from "./merge";
export type { MergePlan, MergeWrite, MergeBody, MergeBodyRow, MergeBodyCell } from "./merge";
export { FINDING_COLUMNS, findingRows, findingsAsTable, findingsAsTsv, tsvField, fixCellText } from "./table";
export type { FindingSource, FindingRow } from "./table";
