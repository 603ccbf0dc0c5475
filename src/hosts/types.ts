import { ApplyOutcome, CellAddress, CellState, Patch, WorkbookSnapshot } from "../engine";

export type { ApplyOutcome, CellState } from "../engine";

/** Small string storage that travels with the document where the host allows (Excel's document settings). */
export interface HostStorage {
  load(key: string): Promise<string | undefined>;
  save(key: string, value: string): Promise<void>;
}

/**
 * A host reads a snapshot and writes a guarded patch; the engine decides everything else. Excel
 * (Office.js), WPS (window.Application), .xlsx files (ExcelJS) and the browser demo implement it.
 */
export interface Host {
  readonly kind: "excel" | "wps" | "xlsx" | "browser";
  /**
   * Whether a file made in the page (a blob link) downloads here. False in Excel on Mac and in
   * Internet Explorer webviews, and in WPS: the pane then offers to copy the text instead.
   */
  readonly canDownload: boolean;
  /** The workbook: every sheet's values, formulas, number formats and merged ranges. */
  readSnapshot(): Promise<WorkbookSnapshot>;
  /** One sheet only, for a re-check after an edit: the rest of the snapshot is reused. */
  readSheet?(sheet: number, previous: WorkbookSnapshot): Promise<WorkbookSnapshot>;
  /** Writes each change whose cell still holds what it expects; reports every skip. */
  applyPatch(patch: Patch): Promise<ApplyOutcome>;
  /** Selects (and shows) a cell; `passage`, the part of its text a finding is about, where the host can mark it. */
  selectCell(cell: CellAddress, passage?: string): Promise<void>;
  /** The selected cell and what it holds, for inserting text where the user points. */
  getSelection?(): Promise<({ cell: CellAddress } & CellState) | undefined>;
  storage: HostStorage;
  /** Calls back when the user edits the sheet; returns a function that stops listening. */
  onSheetChanged?(sheet: number, callback: () => void): Promise<() => void>;
  /** A failure of this host's API as one Chinese sentence a user can act on; undefined when it has none to say. */
  describeError?(e: unknown): string | undefined;
  /** Marks cells (a fill colour) and removes its own marks again. */
  markCells?(cells: CellAddress[]): Promise<void>;
  clearMarks?(): Promise<void>;
}


/** Memory storage, for hosts and tests without a document to store in. */
export class MemoryStorage implements HostStorage {
  private readonly data = new Map<string, string>();
  async load(key: string) {
    return this.data.get(key);
  }
  async save(key: string, value: string) {
    this.data.set(key, value);
  }
}
