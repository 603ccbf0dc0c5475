import { CellAddress, RangeRef } from "./address";
import { CellSnapshot, SheetSnapshot, isEmptyValue, valueText } from "./snapshot";

/**
 * Read access to one sheet with merged cells resolved: a merged area reads as one cell, anchored at
 * its top-left corner. Built once per sheet; lookups are O(1).
 */
export class SheetView {
  readonly rowCount: number;
  readonly colCount: number;
  private readonly mergeAt = new Map<number, RangeRef>();

  constructor(readonly sheet: SheetSnapshot, readonly index: number) {
    this.rowCount = sheet.cells.length;
    let cols = 0;
    for (const row of sheet.cells) if (row && row.length > cols) cols = row.length;
    for (const m of sheet.merges) {
      if (m.right > cols - 1) cols = m.right + 1;
      // Merged areas in these forms are small; a huge one (a whole column) is recorded by its anchor only.
      const area = (m.bottom - m.top + 1) * (m.right - m.left + 1);
      if (area > 20000) {
        this.mergeAt.set(this.key(m.top, m.left), m);
        continue;
      }
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) this.mergeAt.set(this.key(r, c), m);
    }
    this.colCount = cols;
  }

  private key(row: number, col: number): number {
    return row * 16384 + col;
  }

  address(row: number, col: number): CellAddress {
    return { sheet: this.index, row, col };
  }

  /** The raw cell, without merge resolution. */
  raw(row: number, col: number): CellSnapshot | undefined {
    const r = this.sheet.cells[row];
    return r ? r[col] : undefined;
  }

  merge(row: number, col: number): RangeRef | undefined {
    return this.mergeAt.get(this.key(row, col));
  }

  /** The area a cell belongs to: its merge, or the cell alone. */
  area(row: number, col: number): RangeRef {
    return this.merge(row, col) ?? { top: row, left: col, bottom: row, right: col };
  }

  /** True when (row, col) is covered by a merge but is not its anchor. */
  isCovered(row: number, col: number): boolean {
    const m = this.merge(row, col);
    return !!m && (m.top !== row || m.left !== col);
  }

  /** The cell that holds the value shown at (row, col): the merge anchor, or the cell itself. */
  anchor(row: number, col: number): { row: number; col: number } {
    const m = this.merge(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  cell(row: number, col: number): CellSnapshot | undefined {
    const a = this.anchor(row, col);
    return this.raw(a.row, a.col);
  }

  text(row: number, col: number): string {
    return valueText(this.cell(row, col)?.v);
  }

  isEmpty(row: number, col: number): boolean {
    return isEmptyValue(this.cell(row, col)?.v);
  }
}
