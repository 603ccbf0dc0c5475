import { CellSnapshot, SheetSnapshot } from "../../src/engine";

/** A sheet of plain data (a ledger beside the form): a header row, then numbers with a money format. */
export function dataSheet(name: string, rows: number, cols: number): SheetSnapshot {
  const cells: (CellSnapshot | undefined)[][] = [];
  cells.push(Array.from({ length: cols }, (_, c) => ({ v: c === 0 ? "日期" : `金额${c}` })));
  for (let r = 1; r < rows; r++) cells.push(Array.from({ length: cols }, (_, c) => (c === 0 ? { v: 45000 + r, fmt: "yyyy-mm-dd" } : { v: r * 10 + c, fmt: "#,##0.00" })));
  return { name, cells, merges: [] };
}
