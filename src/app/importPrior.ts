import { LibraryItem, itemsOfForm, priorForms, WorkbookSnapshot } from "../engine";

/**
 * Reads prior-year forms from an .xlsx the user picked. ExcelJS is loaded only now, as a separate
 * chunk, so the pane's first load stays small.
 */
export async function itemsFromXlsx(bytes: ArrayBuffer, fileName: string): Promise<LibraryItem[]> {
  const { loadWorkbook, snapshotWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../hosts/xlsx/workbook");
  const wb = await loadWorkbook(new Uint8Array(bytes), fileName);
  return itemsFromSnapshot(snapshotWorkbook(wb, fileName), fileName);
}

export function itemsFromSnapshot(snapshot: WorkbookSnapshot, fileName?: string, exceptSheet?: number): LibraryItem[] {
  return priorForms(snapshot, exceptSheet).flatMap((f) => itemsOfForm(f, { file: fileName }));
}
