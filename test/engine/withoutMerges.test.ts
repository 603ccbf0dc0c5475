/**
 * Excel 2016–2019 (ExcelApi below 1.13) cannot read merged cells: the snapshot has none. A label's
 * hidden merged half then looks like an empty cell right of it; an empty derived cell must still be
 * found where the form has it (G6, not F6), or 填充计算项 writes where nobody sees it.
 */
import { WorkbookSnapshot, addressToA1, analyze } from "../../src/engine";
import { exampleSnapshot } from "../helpers/example";

let seed: WorkbookSnapshot;
beforeAll(async () => {
  seed = await exampleSnapshot();
});

function withoutMerges(clear: string[]): WorkbookSnapshot {
  const s: WorkbookSnapshot = JSON.parse(JSON.stringify(seed));
  s.sheets = s.sheets.map((sh) => ({ ...sh, merges: [] }));
  for (const a1 of clear) {
    const col = a1.charCodeAt(0) - 65;
    const row = Number(a1.slice(1)) - 1;
    s.sheets[0].cells[row][col] = undefined;
  }
  return s;
}

describe("a department form read without its merges", () => {
  it.each([
    ["G6", "年度预算调整数"],
    ["D8", "预算完成率"],
    ["G8", "预算调整率"],
  ])("an empty %s (%s) is filled where the form has it", (a1, name) => {
    const a = analyze(withoutMerges([a1]));
    const fills = a.derivedPatch.changes.map((c) => addressToA1(c.cell));
    expect(fills).toEqual([a1]);
    expect(a.derived.find((d) => d.derivation.name === name)!.cell).toEqual(expect.objectContaining({ row: Number(a1.slice(1)) - 1, col: a1.charCodeAt(0) - 65 }));
  });

  it("all three empty at once", () => {
    const a = analyze(withoutMerges(["G6", "D8", "G8"]));
    expect(a.derivedPatch.changes.map((c) => addressToA1(c.cell)).sort()).toEqual(["D8", "G6", "G8"]);
  });

  it("reads the filled form as it reads it with its merges", () => {
    const a = analyze(withoutMerges([]));
    const b = analyze(seed);
    expect(Object.fromEntries(Object.entries(a.form!.funding).map(([k, f]) => [k, addressToA1(f!.cell)]))).toEqual(Object.fromEntries(Object.entries(b.form!.funding).map(([k, f]) => [k, addressToA1(f!.cell)])));
  });
});
