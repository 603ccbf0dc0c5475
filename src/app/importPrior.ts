import { LibraryItem, itemsOfForm, priorForms, WorkbookSnapshot } from "../engine";

/**
 * Reads prior-year forms from an .xlsx the user picked, through the package reader (the same as the
 * CLI's). It is loaded only now, as a separate chunk, so the pane's first load stays small.
 */
export async function itemsFromXlsx(bytes: ArrayBuffer, fileName: string): Promise<LibraryItem[]> {
  const { XlsxPackage } = await import(/* webpackChunkName: "xlsx" */ "../hosts/xlsx/package");
  return itemsFromSnapshot(XlsxPackage.open(new Uint8Array(bytes), fileName).snapshot(fileName), fileName);
}

export function itemsFromSnapshot(snapshot: WorkbookSnapshot, fileName?: string, exceptSheet?: number): LibraryItem[] {
  return priorForms(snapshot, exceptSheet).flatMap((f) => itemsOfForm(f, { file: fileName }));
}
