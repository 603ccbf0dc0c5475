/**
 * The Host contract over an .xlsx package held in memory (src/hosts/xlsx/package): the CLI's file
 * host, the browser demo and the pane's import read through it, and a fix writes only the changed cells.
 *
 * API (for the CLI and other callers):
 *   const host = PackageHost.open(bytes, "表.xlsx");      // UserError (Chinese) if the file cannot be read
 *   const snapshot = await host.readSnapshot();
 *   const outcome = await host.applyPatch(patch);          // ApplyOutcome: applied (with before) / skipped (with reason)
 *   host.changedParts                                      // zip entries that now differ, e.g. ["xl/worksheets/sheet1.xml"]
 *   const bytes = host.toBytes();                          // the package: every other entry copied as stored
 * Pure (no fs): files.ts reads and writes the files.
 */
import { CellAddress, Patch, WorkbookSnapshot } from "../../engine";
import { ApplyOutcome, Host, HostStorage, MemoryStorage } from "../types";
import { OpenOptions, XlsxPackage } from "./package";

export class PackageHost implements Host {
  readonly kind: "xlsx" | "browser";
  selected?: CellAddress;
  /** Files and the browser demo save through a download (the CLI writes files itself). */
  readonly canDownload = true;

  constructor(readonly pkg: XlsxPackage, readonly storage: HostStorage = new MemoryStorage(), kind: "xlsx" | "browser" = "xlsx", readonly fileName?: string) {
    this.kind = kind;
  }

  /** Opens a package from bytes (see XlsxPackage.open for what it refuses, and how). */
  static open(bytes: Uint8Array, fileName: string, options: OpenOptions & { storage?: HostStorage; kind?: "xlsx" | "browser" } = {}): PackageHost {
    return new PackageHost(XlsxPackage.open(bytes, fileName, options), options.storage, options.kind, fileName);
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return this.pkg.snapshot(this.fileName);
  }

  async applyPatch(patch: Patch): Promise<ApplyOutcome> {
    return this.pkg.applyPatch(patch);
  }

  async selectCell(cell: CellAddress): Promise<void> {
    this.selected = cell;
  }

  async getSelection() {
    if (!this.selected) return undefined;
    const cell = this.pkg.snapshot().sheets[this.selected.sheet]?.cells[this.selected.row]?.[this.selected.col];
    return { cell: this.selected, value: cell?.v ?? null, formula: cell?.f };
  }

  /** The zip entries whose bytes differ from the file read. */
  get changedParts(): string[] {
    return this.pkg.changedParts;
  }

  /** The package as bytes: the original bytes when nothing changed. */
  toBytes(): Uint8Array {
    return this.pkg.toBytes();
  }
}
