import { CellAddress, Patch, WorkbookSnapshot } from "../engine";
import { ApplyOutcome, Host, HostStorage } from "../hosts/types";

/**
 * A host whose workbook is still loading: the pane renders at once and its calls wait for the
 * workbook (ExcelJS and the file arrive after the first paint).
 */
export class LazyHost implements Host {
  readonly kind = "browser" as const;
  /** The demo runs in a browser: a download is a download. */
  readonly canDownload = true;
  constructor(private readonly ready: Promise<Host>, readonly storage: HostStorage) {}
  async readSnapshot(): Promise<WorkbookSnapshot> {
    return (await this.ready).readSnapshot();
  }
  async applyPatch(patch: Patch): Promise<ApplyOutcome> {
    return (await this.ready).applyPatch(patch);
  }
  async selectCell(cell: CellAddress, passage?: string): Promise<void> {
    return (await this.ready).selectCell(cell, passage);
  }
  async getSelection() {
    const h = await this.ready;
    return h.getSelection ? h.getSelection() : undefined;
  }
}
