import { CellValue, WorkbookSnapshot, analyze, parseRangeA1, Patch, addressToA1 } from "../../src/engine";
import { Host } from "../../src/hosts/types";
import { exampleSnapshot } from "../helpers/example";

/** What a contract test needs to see and do around a host, besides the host itself. */
export interface HostHarness {
  host: Host;
  read(sheet: number, a1: string): { value: CellValue; formula?: string };
  /** The user types into a cell (after the check, before the apply). */
  userEdit(sheet: number, a1: string, value: CellValue): void | Promise<void>;
  protect(sheet: number): void | Promise<void>;
  /** The selected cell as "A1", when the host has selected one. */
  selected(): string | undefined;
}

const at = (a1: string) => {
  const r = parseRangeA1(a1)!;
  return { sheet: 0, row: r.top, col: r.left };
};

/**
 * The one contract every host passes: read the sample form, apply a patch, skip a stale change,
 * keep formulas, refuse a protected sheet with a clear message, select a cell.
 */
export function hostContract(name: string, make: (snapshot: WorkbookSnapshot) => Promise<HostHarness>): void {
  describe(`host contract: ${name}`, () => {
    let sample: WorkbookSnapshot;
    beforeAll(async () => {
      sample = await exampleSnapshot();
    });

    it("reads the sample form as the file host does", async () => {
      const h = await make(sample);
      const read = await h.host.readSnapshot();
      const mine = analyze(read);
      const reference = analyze(sample);
      expect(mine.form?.indicators).toHaveLength(41);
      expect(mine.findings).toEqual(reference.findings);
      expect(mine.derived.map((d) => d.status)).toEqual(["ok", "ok", "ok"]);
      expect(read.sheets[0].merges.length).toBe(sample.sheets[0].merges.length);
    });

    it("applies a patch and the form then checks clean", async () => {
      const h = await make(sample);
      await h.userEdit(0, "G6", -10000);
      const before = analyze(await h.host.readSnapshot());
      expect(before.derivedPatch.changes.map((c) => addressToA1(c.cell))).toEqual(["G6"]);
      const out = await h.host.applyPatch(before.derivedPatch);
      expect(out.applied.map((a) => [addressToA1(a.change.cell), a.before.value])).toEqual([["G6", -10000]]);
      expect(out.skipped).toEqual([]);
      expect(h.read(0, "G6").value).toBe(-10145.17);
      expect(analyze(await h.host.readSnapshot()).derivedPatch.changes).toEqual([]);
    });

    it("skips a change whose cell was edited since it was read, and says why", async () => {
      const h = await make(sample);
      const patch: Patch = {
        changes: [
          { cell: at("G6"), expected: { value: -10145.17 }, value: 1, source: "test" },
          { cell: at("D7"), expected: { value: 15914.14 }, value: 15000, source: "test" },
        ],
      };
      await h.userEdit(0, "G6", -9999);
      const out = await h.host.applyPatch(patch);
      expect(out.applied.map((a) => addressToA1(a.change.cell))).toEqual(["D7"]);
      expect(out.skipped).toHaveLength(1);
      expect(out.skipped[0].reason).toMatch(/G6.*已被修改/);
      expect(h.read(0, "G6").value).toBe(-9999);
      expect(h.read(0, "D7").value).toBe(15000);
    });

    it("writes formulas as formulas", async () => {
      const h = await make(sample);
      const patch: Patch = { changes: [{ cell: at("G8"), expected: { value: -0.3558 }, value: -0.3558, formula: "ROUND(G6/G5,4)", source: "test" }] };
      const out = await h.host.applyPatch(patch);
      expect(out.applied).toHaveLength(1);
      expect(h.read(0, "G8").formula).toBe("ROUND(G6/G5,4)");
      expect(h.read(0, "G8").value).toBeCloseTo(-0.3558, 6);
      const again = analyze(await h.host.readSnapshot());
      expect(again.derived[2].status).toBe("ok");
      // The guard compares formulas: a second write expecting the old constant is stale now.
      const stale = await h.host.applyPatch({ changes: [{ ...patch.changes[0], formula: undefined, value: 0 }] });
      expect(stale.skipped).toHaveLength(1);
    });

    it("refuses a protected sheet with a clear message and changes nothing", async () => {
      const h = await make(sample);
      await h.protect(0);
      const out = await h.host.applyPatch({ changes: [{ cell: at("G6"), expected: { value: -10145.17 }, value: 1, source: "test" }] });
      expect(out.applied).toEqual([]);
      expect(out.skipped[0].reason).toContain("受保护");
      expect(out.skipped[0].reason).toContain("不会撤销保护");
      expect(h.read(0, "G6").value).toBe(-10145.17);
    });

    it("selects a cell", async () => {
      const h = await make(sample);
      await h.host.selectCell(at("F18"));
      expect(h.selected()).toBe("F18");
    });
  });
}

/** The harness of the hosts that keep an ExcelJS workbook (the file host and the browser demo). */
export function excelJsHarness(wb: import("exceljs").Workbook, host: Host & { selected?: { sheet: number; row: number; col: number } }, selectedShown: () => boolean = () => true): HostHarness {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require("exceljs") as typeof import("exceljs");
  const cell = (sheet: number, a1: string) => wb.worksheets[sheet].getCell(a1);
  return {
    host,
    read(sheet, a1) {
      const c = cell(sheet, a1);
      if (c.type === ExcelJS.ValueType.Formula) return { value: c.result as CellValue, formula: c.formula };
      return { value: c.value as CellValue };
    },
    userEdit(sheet, a1, value) {
      cell(sheet, a1).value = value as import("exceljs").CellValue;
    },
    async protect(sheet) {
      await wb.worksheets[sheet].protect("", {});
    },
    selected: () => (host.selected && selectedShown() ? addressToA1(host.selected) : undefined),
  };
}
