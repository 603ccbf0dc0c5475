import { CellAddress, Patch } from "../engine";
import { ApplyOutcome, HostStorage } from "../hosts/types";
export { LocalStorageStorage } from "./localStorage";
import { XlsxPackage } from "../hosts/xlsx/package";
import { PackageHost } from "../hosts/xlsx/packageHost";

/**
 * The demo's host: the workbook's package in the page (the same reader and patcher as `ziping fix`),
 * with a selection and a change signal for the rendered grid. The download is the original package
 * with only the changed cells rewritten.
 */
export class BrowserHost extends PackageHost {
  private readonly listeners = new Set<() => void>();

  constructor(pkg: XlsxPackage, storage: HostStorage, fileName?: string) {
    super(pkg, storage, "browser", fileName);
  }

  /** Opens a workbook from bytes; a file that cannot be read is a UserError with a Chinese message. */
  static openBytes(bytes: Uint8Array, storage: HostStorage, fileName: string): BrowserHost {
    return new BrowserHost(XlsxPackage.open(bytes, fileName), storage, fileName);
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

  /** The passage of the selected cell a finding is about: the grid marks it. */
  passage?: string;

  override async selectCell(cell: CellAddress, passage?: string): Promise<void> {
    await super.selectCell(cell);
    this.passage = passage;
    this.notify();
  }
}
