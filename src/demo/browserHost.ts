import ExcelJS from "exceljs";
import { CellAddress, Patch } from "../engine";
import { ApplyOutcome, HostStorage } from "../hosts/types";
export { LocalStorageStorage } from "./localStorage";
import { WorkbookHost } from "../hosts/xlsx/workbookHost";

/**
 * The demo's host: an ExcelJS workbook in the page (the same writer as `ziping fix`), with a
 * selection and a change signal for the rendered grid.
 */
export class BrowserHost extends WorkbookHost {
  private readonly listeners = new Set<() => void>();

  constructor(workbook: ExcelJS.Workbook, storage: HostStorage, fileName?: string) {
    super(workbook, storage, "browser", fileName);
  }

  onRender(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }

  override async applyPatch(patch: Patch): Promise<ApplyOutcome> {
    const out = await super.applyPatch(patch);
    this.notify();
    return out;
  }

  override async selectCell(cell: CellAddress): Promise<void> {
    await super.selectCell(cell);
    this.notify();
  }

  /** The workbook as .xlsx bytes, written by ExcelJS as the CLI writes it. */
  async toBytes(): Promise<ArrayBuffer> {
    return (await this.workbook.xlsx.writeBuffer()) as ArrayBuffer;
  }
}
