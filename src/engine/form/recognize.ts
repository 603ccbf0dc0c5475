import { indexSheet } from "./labels";
import { WorkbookSnapshot } from "../grid/snapshot";
import { DepartmentForm } from "./model";
import { DEPARTMENT_LABELS, DepartmentLabel, DepartmentReader } from "./templates/department";
import { ProjectForm } from "./projectModel";
import { TableRead, TableReader } from "./tableReader";
import { LayoutFamily, chooseFamily, familyVocabulary, kindOfTitle } from "../layout/family";
import { BUILT_IN_FAMILIES, withUserLayouts } from "../layout/declarations";
import { BASE_VOCABULARY, Vocabulary, extendVocabulary } from "../layout/vocabulary";

/** Below this share of the template's labels, a sheet is not taken for the form. */
export const MIN_CONFIDENCE = 0.45;

/** Below this share of its family's blocks, a form is said to be read with low confidence. */
export const LOW_CONFIDENCE = 0.6;

export interface SheetCandidate {
  sheet: number;
  sheetName: string;
  confidence: number;
  missing: string[];
}

export interface Recognition {
  form?: DepartmentForm;
  candidates: SheetCandidate[];
  /** Why no form was taken, in Chinese, when none was. */
  reason?: string;
}

export interface RecognizeOptions {
  /** Only this sheet (by name) is considered. */
  sheet?: string;
  /** Layout families declared by the user (ziping --layout, the pane's imported layouts), tried before the built-in ones. */
  layouts?: LayoutFamily[];
}

function labelName(l: DepartmentLabel): string {
  return DEPARTMENT_LABELS[l].synonyms[0];
}

/** Every form of a workbook: the 广州-style department form (label–value pairs), and every table form. */
export interface WorkbookForms {
  recognition: Recognition;
  tables: ProjectForm[];
}

/**
 * Finds the forms of a workbook, on any sheet, anywhere on it, by their labels. A sheet whose blocks
 * are tables (a budget table, an indicator table with 一级/二级/三级指标) holds table forms, read by
 * the general reader and scored by their family; a sheet laid out as labels with their values to
 * the right and a 主要任务 / 关键指标 table holds the 广州-style department form.
 */
export function recognizeAll(snapshot: WorkbookSnapshot, options: RecognizeOptions = {}): WorkbookForms {
  const families = withUserLayouts(options.layouts);
  const vocabulary = combinedVocabulary(families);
  const tables: ProjectForm[] = [];
  const candidates: (SheetCandidate & { reader: DepartmentReader })[] = [];
  snapshot.sheets.forEach((sheet, index) => {
    if (options.sheet !== undefined && sheet.name !== options.sheet) return;
    const { view, index: labels } = indexSheet(snapshot, index);
    const reader = new DepartmentReader(view, labels);
    const hasTaskTable = reader.hasTaskTable();
    const reads = hasTaskTable ? [] : new TableReader(view, vocabulary, labels).readAll();
    if (reads.length) {
      for (const read of reads) tables.push(toForm(read, families, index, sheet.name));
      return;
    }
    const s = reader.score();
    candidates.push({ sheet: index, sheetName: sheet.name, confidence: s.confidence, missing: s.missing.map(labelName), reader });
  });
  const list = candidates.map(({ reader: _r, ...c }) => c);
  if (options.sheet !== undefined && !snapshot.sheets.some((s) => s.name === options.sheet)) {
    const names = snapshot.sheets.map((s) => `「${s.name}」`).join("、");
    return { tables, recognition: { candidates: list, reason: `工作簿中没有名为「${options.sheet}」的工作表（现有：${names || "无"}）。请检查 --sheet 的拼写。` } };
  }
  if (snapshot.sheets.length === 0) return { tables, recognition: { candidates: list, reason: "工作簿中没有任何工作表。请确认打开的是填好的自评表文件。" } };
  const best = [...candidates].sort((a, b) => b.confidence - a.confidence || a.sheet - b.sheet)[0];
  if (!best || best.confidence < MIN_CONFIDENCE) {
    const where =
      best && best.confidence > 0
        ? `最接近的是工作表「${best.sheetName}」（匹配度 ${Math.round(best.confidence * 100)}%），缺少「${best.missing.slice(0, 4).join("」「")}」等表头。`
        : "各工作表中都没有「项目资金」「绩效指标」「一级指标 / 二级指标 / 三级指标」「部门调整预算收入」「关键指标」等表头。";
    const reason = `未找到部门整体支出绩效自评表或项目支出绩效自评表：${where}请确认表头文字未被改动，或用 --sheet 指定工作表；本地自定的表格式样可用 --layout 说明。`;
    return { tables, recognition: { candidates: list, reason: tables.length ? undefined : reason } };
  }
  return { tables, recognition: { form: best.reader.read(best.confidence), candidates: list } };
}

/** The 广州-style department form of a workbook (the wording library and older callers read only this). */
export function recognize(snapshot: WorkbookSnapshot, options: RecognizeOptions = {}): Recognition {
  return recognizeAll(snapshot, options).recognition;
}

/** Every table form of the workbook (项目支出 and its kin), each with its family. */
export function recognizeProjects(snapshot: WorkbookSnapshot, options: RecognizeOptions = {}): ProjectForm[] {
  return recognizeAll(snapshot, options).tables;
}

/** The shared vocabulary with every family's own words added, as the reader reads before it knows the family. */
const vocabularies = new WeakMap<LayoutFamily[], Vocabulary>();
function combinedVocabulary(families: LayoutFamily[]): Vocabulary {
  let v = vocabularies.get(families);
  if (!v) {
    v = families.reduce((acc, f) => extendVocabulary(acc, familyVocabulary(f.words)), BASE_VOCABULARY);
    vocabularies.set(families, v);
  }
  return v;
}

/** A table read, given its family: the family decides how it is scored and what it is called. */
function toForm(read: TableRead, families: LayoutFamily[], sheet: number, sheetName: string): ProjectForm {
  const rows = new Set(read.funds.map((f) => f.key));
  const title = read.title?.text ?? "";
  const family = chooseFamily(families, { title, features: read.features, rows }) ?? BUILT_IN_FAMILIES[BUILT_IN_FAMILIES.length - 1];
  const kind = family.id.startsWith("generic-") ? kindOfTitle(title) ?? family.kind : family.kind;
  // Confidence: the share of the blocks such a form has that were read.
  const expected: boolean[] = [!!read.title, read.indicators.length > 0, !!read.total || family.scoring.grades === null];
  if (family.scoring.budget) expected.push(read.funds.some((f) => Object.values(f.cells).some((c) => c?.quantity.kind === "number")));
  const confidence = Math.round((expected.filter(Boolean).length / expected.length) * 100) / 100;
  return {
    template: "project",
    layout: family.id,
    family,
    kind,
    sheet,
    sheetName,
    region: read.region,
    confidence,
    title: read.title ? { sheet, row: read.title.row, col: read.title.col } : undefined,
    titleText: read.title?.text,
    header: read.header,
    yearNumber: read.yearNumber,
    moneyUnit: read.moneyUnit,
    funds: read.funds,
    fundColumns: read.fundColumns,
    inlineParts: read.inlineParts,
    budgetPoints: read.budgetPoints,
    indicatorPoints: read.indicatorPoints,
    goals: read.goals,
    indicators: read.indicators,
    groupPoints: read.groupPoints,
    total: read.total,
    weightTotal: read.weightTotal,
    grade: read.grade,
    conclusion: read.conclusion,
    problems: read.problems,
    measures: read.measures,
    blocks: read.blocks,
    unread: read.unread,
  };
}
