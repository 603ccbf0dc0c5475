import { indexSheet } from "./labels";
import { WorkbookSnapshot } from "../grid/snapshot";
import { DepartmentForm } from "./model";
import { DEPARTMENT_LABELS, DepartmentLabel, DepartmentReader } from "./templates/department";
import { ProjectReader } from "./templates/project";
import { ProjectForm } from "./projectModel";

/** Below this share of the template's labels, a sheet is not taken for the form. */
export const MIN_CONFIDENCE = 0.45;

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
}

function labelName(l: DepartmentLabel): string {
  return DEPARTMENT_LABELS[l].synonyms[0];
}

/** Finds the 部门整体支出绩效自评表 in a workbook: on any sheet, anywhere on it, by its labels. */
export function recognize(snapshot: WorkbookSnapshot, options: RecognizeOptions = {}): Recognition {
  const candidates: (SheetCandidate & { reader: DepartmentReader })[] = [];
  snapshot.sheets.forEach((sheet, index) => {
    if (options.sheet !== undefined && sheet.name !== options.sheet) return;
    const { view, index: labels } = indexSheet(snapshot, index);
    const reader = new DepartmentReader(view, labels);
    const s = reader.score();
    candidates.push({ sheet: index, sheetName: sheet.name, confidence: s.confidence, missing: s.missing.map(labelName), reader });
  });
  const list = candidates.map(({ reader: _r, ...c }) => c);
  if (options.sheet !== undefined && candidates.length === 0) {
    const names = snapshot.sheets.map((s) => `「${s.name}」`).join("、");
    return { candidates: list, reason: `工作簿中没有名为「${options.sheet}」的工作表（现有：${names || "无"}）。请检查 --sheet 的拼写。` };
  }
  if (snapshot.sheets.length === 0) return { candidates: list, reason: "工作簿中没有任何工作表。请确认打开的是填好的自评表文件。" };
  const best = [...candidates].sort((a, b) => b.confidence - a.confidence || a.sheet - b.sheet)[0];
  if (!best || best.confidence < MIN_CONFIDENCE) {
    const where = best && best.confidence > 0 ? `最接近的是工作表「${best.sheetName}」（匹配度 ${Math.round(best.confidence * 100)}%），缺少「${best.missing.slice(0, 4).join("」「")}」等表头。` : "各工作表中都没有「部门调整预算收入」「关键指标」「指标完成情况」等表头。";
    return { candidates: list, reason: `未找到部门整体支出绩效自评表或项目支出绩效自评表：${where}请确认表头文字未被改动，或用 --sheet 指定工作表。` };
  }
  return { form: best.reader.read(best.confidence), candidates: list };
}

/** Below this share of its labels, a sheet is not taken for a 项目支出绩效自评表. */
export const MIN_PROJECT_CONFIDENCE = 0.5;

/** Every 项目支出绩效自评表 of the workbook, one per sheet, found by its labels like the department form. */
export function recognizeProjects(snapshot: WorkbookSnapshot, options: RecognizeOptions = {}): ProjectForm[] {
  const out: ProjectForm[] = [];
  snapshot.sheets.forEach((sheet, index) => {
    if (options.sheet !== undefined && sheet.name !== options.sheet) return;
    const { view, index: labels } = indexSheet(snapshot, index);
    const reader = new ProjectReader(view, labels);
    const confidence = reader.score();
    if (confidence >= MIN_PROJECT_CONFIDENCE) out.push(reader.read(confidence));
  });
  return out;
}
