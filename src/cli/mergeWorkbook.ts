import ExcelJS from "exceljs";
import { MergeBody, MergePlan, parseA1 } from "../engine";
import { loadWorkbook } from "../hosts/xlsx/workbook";

/**
 * Writes a merge plan (engine/consolidate/merge.ts) into a copy of the template unit's workbook.
 *
 * ExcelJS, not the package patcher (hosts/xlsx/package): the draft needs rows the template does not
 * have — each unit's tasks and indicators under its name — so rows below the task table move down
 * and merged ranges are rebuilt. The patcher writes cells in place and keeps every other byte, which
 * is what a fix must do and what a new draft cannot. ExcelJS's own row insertion (spliceRows) does
 * not move merged ranges reliably, so the rows are moved here, cell by cell, and the merges re-made.
 * What ExcelJS does not carry, or what does not move with the rows, is said in `notes`.
 */

interface SavedCell {
  col: number;
  value: ExcelJS.CellValue;
  style: Partial<ExcelJS.Style>;
}

interface SavedRow {
  row: number;
  height?: number;
  hidden: boolean;
  cells: SavedCell[];
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const copy = <T>(o: T): T => (o === undefined ? o : JSON.parse(JSON.stringify(o)));

/** The merged ranges of a sheet (1-based, inclusive). */
function mergesOf(ws: ExcelJS.Worksheet): Box[] {
  const internal = (ws as unknown as { _merges?: Record<string, Box | undefined> })._merges ?? {};
  return Object.values(internal)
    .filter((m): m is Box => !!m)
    .map((m) => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right }));
}

/** A cell's content as it can be written back: a shared formula as the formula of this cell. */
function valueOf(cell: ExcelJS.Cell): ExcelJS.CellValue {
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  if (cell.type === ExcelJS.ValueType.Formula) return { formula: cell.formula, result: cell.result } as ExcelJS.CellFormulaValue;
  return copy(cell.value);
}

/**
 * Moves the row numbers of a formula's references that lie below the replaced rows (row > after) by
 * `delta`; references into the replaced rows are reported. References to other sheets are left as
 * they are (they do not move). Quoted text is never touched.
 */
export function shiftFormula(formula: string, after: number, delta: number, from: number): { formula: string; intoBody: boolean } {
  let intoBody = false;
  const out = formula.replace(/("[^"]*")|('[^']*'|[^\s!'"(),+\-*/^&=<>;{}%]+)!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)|(\$?[A-Z]{1,3})(\$?)(\d+)(?![\w(])/g, (whole, str, _sheet, _qualified, col, dollar, row) => {
    if (str !== undefined || _sheet !== undefined) return whole;
    const r = Number(row);
    if (r >= from && r <= after) intoBody = true;
    return r > after ? `${col}${dollar}${r + delta}` : whole;
  });
  return { formula: out, intoBody };
}

/** Writes the plan into the template's bytes; returns the new workbook's bytes and what did not carry over. */
export async function writeMergedWorkbook(templateBytes: Uint8Array, templateName: string, plan: MergePlan): Promise<{ bytes: Uint8Array; notes: string[] }> {
  const wb = await loadWorkbook(templateBytes, templateName);
  const ws = wb.getWorksheet(plan.template.sheetName) ?? wb.worksheets[plan.template.sheet];
  const notes: string[] = [];
  const sheetProtection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  if (sheetProtection?.sheet) {
    // A draft of our own: the template's protection is not the officer's wish for it.
    (ws as unknown as { sheetProtection: null }).sheetProtection = null;
    notes.push(`模板工作表「${ws.name}」设有保护，草稿中已取消保护`);
  }

  // 1. The cells of the plan, at the template's addresses (before rows move).
  const masterOf = (row: number, col: number): ExcelJS.Cell => {
    const cell = ws.getCell(row + 1, col + 1);
    return cell.type === ExcelJS.ValueType.Merge && cell.master ? cell.master : cell;
  };
  for (const w of plan.writes) {
    const cell = masterOf(w.cell.row, w.cell.col);
    if (w.formula) cell.value = { formula: w.formula, result: typeof w.value === "number" || typeof w.value === "string" ? w.value : undefined } as ExcelJS.CellFormulaValue;
    else cell.value = (w.value === null || typeof w.value !== "object" ? w.value : null) as ExcelJS.CellValue;
    // ExcelJS shares one style object between the cells read with the same style: a cell changed gets its own.
    if (w.numFmt || (typeof w.value === "string" && w.value.includes("\n"))) cell.style = copy(cell.style ?? {});
    if (w.numFmt) cell.numFmt = w.numFmt;
    if (typeof w.value === "string" && w.value.includes("\n")) cell.alignment = { ...(cell.alignment ?? {}), wrapText: true, vertical: "top" };
  }

  // 2. The task / indicator table: the template's rows replaced by the units'.
  if (plan.body) replaceBody(wb, ws, plan.body, notes);

  wb.creator = "ZiPing 自评助手（汇总草稿）";
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return { bytes, notes };
}

function replaceBody(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, body: MergeBody, notes: string[]): void {
  const r0 = body.firstRow + 1;
  const r1 = body.lastRow + 1;
  const delta = body.rows.length - (r1 - r0 + 1);
  const lastRow = Math.max(ws.rowCount, r1);
  let maxCol = Math.max(ws.columnCount, body.right + 1);
  for (const m of mergesOf(ws)) maxCol = Math.max(maxCol, m.right);

  // What the rows hold, before any merge is undone (undoing one resets its covered cells' borders).
  const saveRow = (r: number): SavedRow => {
    const row = ws.getRow(r);
    const cells: SavedCell[] = [];
    for (let c = 1; c <= maxCol; c++) {
      const cell = row.getCell(c);
      cells.push({ col: c, value: valueOf(cell), style: copy(cell.style ?? {}) });
    }
    return { row: r, height: row.height, hidden: row.hidden, cells };
  };
  const bodyStyle = saveRow(r0).cells.map((c) => c.style);
  const tail: SavedRow[] = [];
  for (let r = r1 + 1; r <= lastRow; r++) tail.push(saveRow(r));

  // Merged ranges: above the table they stay; below it they move; inside it they go (the units' are made anew).
  const merges = mergesOf(ws);
  const remerge: Box[] = [];
  for (const m of merges) {
    if (m.bottom < r0) continue;
    ws.unMergeCells(m.top, m.left, m.bottom, m.right);
    if (m.top > r1) remerge.push({ ...m, top: m.top + delta, bottom: m.bottom + delta });
    else if (m.top < r0 && (m.right < body.left + 1 || m.left > body.right + 1)) {
      // A label beside the table, spanning it (「绩效指标」 down its left): it spans the new rows.
      const bottom = m.bottom > r1 ? m.bottom + delta : r0 + body.rows.length - 1;
      if (bottom > m.top) remerge.push({ ...m, bottom });
    }
  }

  // Clear from the table down, then write the units' rows and the moved rows.
  for (let r = r0; r <= Math.max(lastRow, lastRow + delta); r++) {
    const row = ws.getRow(r);
    row.height = undefined as unknown as number;
    row.hidden = false;
    for (let c = 1; c <= maxCol; c++) {
      const cell = row.getCell(c);
      cell.value = null;
      cell.style = {};
    }
  }
  body.rows.forEach((spec, i) => {
    const row = ws.getRow(r0 + i);
    for (let c = body.left + 1; c <= body.right + 1; c++) row.getCell(c).style = copy(bodyStyle[c - 1] ?? {});
    for (const cell of spec.cells) {
      const target = row.getCell(cell.col + 1);
      target.value = cell.value as ExcelJS.CellValue;
      if (cell.numFmt) target.numFmt = cell.numFmt;
      const long = typeof cell.value === "string" && (cell.value.length > 12 || cell.value.includes("\n"));
      target.alignment = { ...(target.alignment ?? {}), wrapText: true, vertical: spec.kind === "unit" ? "middle" : target.alignment?.vertical ?? (long ? "top" : "middle") };
      if (spec.kind === "unit") {
        target.font = { ...(target.font ?? {}), bold: true };
        target.alignment = { ...target.alignment, horizontal: "left" };
      }
    }
  });
  let shiftedIntoBody = false;
  for (const saved of tail) {
    const row = ws.getRow(saved.row + delta);
    if (saved.height !== undefined) row.height = saved.height;
    if (saved.hidden) row.hidden = true;
    for (const c of saved.cells) {
      const cell = row.getCell(c.col);
      let value = c.value;
      if (value && typeof value === "object" && "formula" in value && typeof value.formula === "string") {
        const s = shiftFormula(value.formula, r1, delta, r0);
        shiftedIntoBody ||= s.intoBody;
        value = { ...value, formula: s.formula } as ExcelJS.CellFormulaValue;
      }
      cell.value = value;
      cell.style = c.style;
    }
  }
  // Formulas above the table that look below it follow the moved rows.
  for (let r = 1; r < r0; r++) {
    ws.getRow(r).eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type !== ExcelJS.ValueType.Formula) return;
      const s = shiftFormula(cell.formula, r1, delta, r0);
      shiftedIntoBody ||= s.intoBody;
      if (s.formula !== cell.formula) cell.value = { formula: s.formula, result: cell.result } as ExcelJS.CellFormulaValue;
    });
  }
  if (shiftedIntoBody) notes.push("表中有公式引用了原任务 / 指标表中的单元格，这些引用在草稿中已不指向原来的内容，请核对");

  for (const m of remerge) ws.mergeCellsWithoutStyle(m.top, m.left, m.bottom, m.right);
  body.rows.forEach((spec, i) => {
    for (const cell of spec.cells) {
      const right = cell.right ?? cell.col;
      const rows = cell.rows ?? 1;
      if (right > cell.col || rows > 1) ws.mergeCellsWithoutStyle(r0 + i, cell.col + 1, r0 + i + rows - 1, right + 1);
    }
  });

  // What lies below the table but does not move with its rows.
  const below = (ref: string) => {
    const first = /([A-Z]{1,3}\$?\d+)/.exec(ref.replace(/\$/g, ""));
    const a = first ? parseA1(first[1]) : undefined;
    return a !== undefined && a.row + 1 >= r0;
  };
  const cf = (ws as unknown as { conditionalFormattings?: { ref: string }[] }).conditionalFormattings ?? [];
  if (cf.some((c) => below(c.ref))) notes.push("任务 / 指标表及其下方的条件格式未随行移动，请核对");
  const dv = (ws as unknown as { dataValidations?: { model?: Record<string, unknown> } }).dataValidations?.model ?? {};
  if (Object.keys(dv).some(below)) notes.push("任务 / 指标表及其下方的数据有效性（下拉列表等）未随行移动，请核对");
  if (ws.getImages().some((img) => {
    const range = img.range as unknown as { tl?: { nativeRow?: number; row?: number } };
    const row = range.tl?.nativeRow ?? range.tl?.row;
    return row !== undefined && row + 1 >= r0;
  })) notes.push("任务 / 指标表下方的图片未随行移动，请核对位置");
  const printArea = ws.pageSetup?.printArea;
  if (printArea) {
    ws.pageSetup.printArea = printArea.replace(/(\$?[A-Z]{1,3})\$?(\d+)/g, (whole, col: string, row: string) => (Number(row) > r1 ? `${col.replace(/\$/g, "")}${Number(row) + delta}` : whole.replace(/\$/g, "")));
  }
  if ((ws as unknown as { rowBreaks?: unknown[] }).rowBreaks?.length) notes.push("分页符未随行移动，打印前请核对分页");
  const others = wb.worksheets.filter((s) => s !== ws);
  const named = new RegExp(`'?${ws.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}'?!`);
  if (others.some((s) => {
    let hit = false;
    s.eachRow((row) => row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Formula && named.test(cell.formula)) hit = true;
    }));
    return hit;
  })) notes.push(`其他工作表中有公式引用「${ws.name}」，行移动后这些引用未更新，请核对`);
}
