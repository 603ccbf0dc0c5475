/**
 * ZiPing's engine: pure TypeScript, no Office, WPS, DOM or file-system imports. A host hands in a
 * workbook snapshot; the engine returns the form model, findings and one patch of cell changes.
 */
export * from "./grid/address";
export * from "./grid/snapshot";
export { SheetView } from "./grid/sheetView";
export * from "./text/normalize";
export * from "./quantity/parse";
export { canonicalUnit } from "./quantity/units";
export * from "./formula/evaluate";
export * from "./form/model";
export * from "./form/recognize";
export { DEPARTMENT_LABELS } from "./form/templates/department";
export * from "./derive/derive";
export * from "./derive/derivations";
export * from "./rules";
export * from "./form/sections";
export * from "./patch";
export * from "./analyze";
export * from "./form/projectModel";
export * from "./derive/projectScoring";
export { describeEdit, applyTextEdits } from "./narrative/edits";
export type { TextEdit } from "./narrative/edits";
export { extractFigures } from "./narrative/figures";
export type { Figure } from "./narrative/figures";
export * from "./wording";
export { cellText, cellQuantity, formatNumber } from "./grid/format";
export * from "./layout/vocabulary";
export * from "./layout/family";
export * from "./layout/declarations";
export { TableReader } from "./form/tableReader";
export { passageInText, excerpt } from "./narrative/passage";
export { findPlaceholder } from "./narrative/placeholders";
export * from "./insertion";
export * from "./consolidate";
