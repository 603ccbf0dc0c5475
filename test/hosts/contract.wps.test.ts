import { analyze, parseRangeA1 } from "../../src/engine";
import { WpsHost, normalizeGrid } from "../../src/hosts/wps/wpsHost";
import { MemoryStorage } from "../../src/hosts/types";
import { FakeEtApp } from "../fakes/fakeEt";
import { exampleSnapshot } from "../helpers/example";
import { hostContract } from "./contract";

hostContract("WPS (ET object model)", async (snapshot) => {
  const app = new FakeEtApp(snapshot);
  const host = new WpsHost(app as never, new MemoryStorage());
  const cellOf = (sheet: number, a1: string) => {
    const r = parseRangeA1(a1)!;
    return app.ActiveWorkbook.sheets[sheet].cells.get(`${r.top}:${r.left}`);
  };
  return {
    host,
    read: (sheet, a1) => ({ value: cellOf(sheet, a1)?.v ?? null, formula: cellOf(sheet, a1)?.f }),
    userEdit: (sheet, a1, v) => void (app.ActiveWorkbook.sheets[sheet].Range(a1).Value2 = v),
    protect: (sheet) => void (app.ActiveWorkbook.sheets[sheet].ProtectContents = true),
    selected: () => app.selected?.split("!")[1],
  };
});

describe("the WPS host", () => {
  it("normalizes what Value2 returns: a scalar, one row, or rows", () => {
    expect(normalizeGrid(5, 1, 1)).toEqual([[5]]);
    expect(normalizeGrid([1, 2, 3], 1, 3)).toEqual([[1, 2, 3]]);
    expect(normalizeGrid([1, 2], 2, 1)).toEqual([[1], [2]]);
    expect(normalizeGrid([[1, 2], [3, 4]], 2, 2)).toEqual([[1, 2], [3, 4]]);
    expect(normalizeGrid("General", 2, 2)).toEqual([["General", "General"], ["General", "General"]]);
  });

  it("reads number formats row by row where the range mixes them, and COM error codes as errors", async () => {
    const snap = await exampleSnapshot();
    const app = new FakeEtApp(snap);
    app.ActiveWorkbook.sheets[0].cells.set("5:6", { v: { error: "#DIV/0!" } });
    const read = new WpsHost(app as never, new MemoryStorage()).readSnapshotSync();
    expect(read.sheets[0].cells[7][3]).toEqual({ v: 1, fmt: "0.00%" });
    expect(read.sheets[0].cells[5][6]).toEqual({ v: { error: "#DIV/0!" } });
    expect(analyze(read).form?.indicators).toHaveLength(41);
  });
});
