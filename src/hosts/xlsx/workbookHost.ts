import ExcelJS from "exceljs";
import { CellAddress, Patch, WorkbookSnapshot } from "../../engine";
import { ApplyOutcome, Host, HostStorage, MemoryStorage } from "../types";
import { applyPatchToWorkbook, snapshotWorkbook } from "./workbook";

/**
 * The Host contract over an in-memory ExcelJS workbook: the CLI's file host and the browser demo's
 * workbook both go through it, so they write exactly as `ziping fix` does.
 */
export class WorkbookHost implements Host {
  readonly kind: "xlsx" | "browser";
  selected?: CellAddress;
  /** Files and the browser demo save through a download (the CLI writes files itself). */
  readonly canDownload = true;

  constructor(readonly workbook: ExcelJS.Workbook, readonly storage: HostStorage = new MemoryStorage(), kind: "xlsx" | "browser" = "xlsx", readonly fileName?: string) {
    this.kind = kind;
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return snapshotWorkbook(this.workbook, this.fileName);
  }

  async applyPatch(patch: Patch): Promise<ApplyOutcome> {
    return applyPatchToWorkbook(this.workbook, patch);
  }

  async selectCell(cell: CellAddress): Promise<void> {
    this.selected = cell;
  }

  async getSelection() {
    if (!this.selected) return undefined;
    const ws = this.workbook.worksheets[this.selected.sheet];
    const c = ws?.getCell(this.selected.row + 1, this.selected.col + 1);
    if (!c) return undefined;
    const snap = snapshotWorkbook(this.workbook).sheets[this.selected.sheet]?.cells[this.selected.row]?.[this.selected.col];
    return { cell: this.selected, value: snap?.v ?? null, formula: snap?.f };
  }
}
