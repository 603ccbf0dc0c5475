import { CellSnapshot, RangeRef, SheetSnapshot, WorkbookSnapshot, parseRangeA1 } from "../../src/engine";

type V = string | number | null | undefined | { v: string | number | null; fmt?: string; f?: string };

/** A sheet written row by row as it looks (null for an empty cell), with its merged ranges in A1. */
export function sheetOf(rows: V[][], merges: string[] = [], name = "Sheet1"): SheetSnapshot {
  const cells: (CellSnapshot | undefined)[][] = rows.map((r) =>
    r.map((v) => {
      if (v === null || v === undefined) return undefined;
      if (typeof v === "object") return { v: v.v, ...(v.fmt ? { fmt: v.fmt } : {}), ...(v.f ? { f: v.f } : {}) };
      return { v };
    }),
  );
  return { name, cells, merges: merges.map((m) => parseRangeA1(m) as RangeRef) };
}

export function workbookOf(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets };
}
