import ExcelJS from "exceljs";
import { WorkbookSnapshot, isCellError } from "../../src/engine";

/** Writes a snapshot (from the form builder) as a real .xlsx workbook, for host and CLI tests. */
export function workbookFromSnapshot(snapshot: WorkbookSnapshot): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const sheet of snapshot.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.cells.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell) return;
        const target = ws.getCell(r + 1, c + 1);
        const v = cell.v;
        if (cell.f) target.value = { formula: cell.f, result: typeof v === "number" || typeof v === "string" ? v : undefined } as ExcelJS.CellFormulaValue;
        else if (isCellError(v)) target.value = { error: v.error } as unknown as ExcelJS.CellValue;
        else target.value = v as ExcelJS.CellValue;
        if (cell.fmt) target.numFmt = cell.fmt;
      }),
    );
    for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    if (sheet.protected) void ws.protect("", {});
  }
  return wb;
}

export async function xlsxBytes(snapshot: WorkbookSnapshot): Promise<Buffer> {
  return Buffer.from(await workbookFromSnapshot(snapshot).xlsx.writeBuffer());
}
