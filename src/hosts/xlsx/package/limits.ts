/**
 * What the reader is willing to read. A workbook of forms is a few hundred kilobytes; these bounds are
 * far above any real form and far below what would take the process down, so a hostile or broken file
 * is refused in well under a second with a message instead of filling the heap.
 */
export interface ReadLimits {
  /** Zip entries in the package (a workbook has tens; a zip of many files is not a workbook). */
  maxEntries: number;
  /** Bytes inflated from all the XML parts read (worksheets, shared strings, styles, workbook, rels), declared or actual. */
  maxXmlBytes: number;
  /** Cells (and merged ranges, and shared strings) read over the whole workbook. */
  maxCells: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxEntries: 20_000,
  maxXmlBytes: 200 * 1024 * 1024,
  maxCells: 2_000_000,
};
