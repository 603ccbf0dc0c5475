/**
 * The rich corpus (test/fixtures/rich/manifest.json): workbooks from the writers users meet, each with
 * the form plus one feature, and files that are not workbooks. Every workbook reads; a fix (analyze →
 * patch → bytes) changes exactly the cells it reports, and every other zip entry keeps its stored
 * bytes, with these exceptions only:
 *   - the worksheets holding changed cells;
 *   - xl/calcChain.xml, when a changed cell held a formula (and, if it is emptied, its relationship in
 *     xl/_rels/workbook.xml.rels and its override in [Content_Types].xml, as the part is dropped);
 *   - xl/styles.xml, only when a number format had to be added;
 *   - xl/workbook.xml, only to set fullCalcOnLoad (nothing else in it changes).
 * The feature's own parts are among the untouched entries (or one of those exceptions). A form sheet that
 * is protected gets nothing written. LibreOffice reopens every result. Each kind of non-workbook gets
 * a message of its own.
 */
import * as fs from "fs";
import * as path from "path";
import { unzipSync } from "fflate";
import { WorkbookSnapshot, analyze } from "../../src/engine";
import { XlsxPackage } from "../../src/hosts/xlsx/package";
import { loadWorkbook, snapshotWorkbook } from "../../src/hosts/xlsx/workbook";
import { differingEntries, expectOnlyChanged } from "../helpers/packageDiff";
import { describeWithLibreOffice, reopenAsXlsx } from "../helpers/soffice";

const DIR = path.join(__dirname, "..", "fixtures", "rich");
const MANIFEST = process.env.ZIPING_RICH_MANIFEST ?? path.join(DIR, "manifest.json");

interface Entry {
  file: string;
  writer: string;
  feature: string;
  formSheet?: string | number;
  kind: "workbook" | "not-workbook";
  expectKind?: string;
  parts?: string[];
  protectedSheets?: string[];
  formProtected?: boolean;
  notes?: string;
}

function loadManifest(): Entry[] {
  if (!fs.existsSync(MANIFEST)) return [];
  const raw = JSON.parse(fs.readFileSync(MANIFEST, "utf8")) as Entry[] | { files?: Entry[]; entries?: Entry[] };
  return Array.isArray(raw) ? raw : raw.files ?? raw.entries ?? [];
}

const entries = loadManifest();
if (entries.length === 0) console.warn(`跳过富样本测试：${MANIFEST} 还不存在或为空。`);
const workbooks = entries.filter((e) => e.kind === "workbook");
const others = entries.filter((e) => e.kind === "not-workbook");
if (entries.length === 0) {
  // Nothing to run yet: say so rather than pass silently.
  it.skip("the rich corpus (no manifest yet)", () => undefined);
}

interface Fixed {
  bytes: Uint8Array;
  out: Uint8Array;
  before: WorkbookSnapshot;
  after: WorkbookSnapshot;
  pkg: XlsxPackage;
  outcome: ReturnType<XlsxPackage["applyPatch"]>;
}
const fixed = new Map<string, Fixed>();

/** analyze → applyPatch → toBytes, once per file. */
function fix(e: Entry): Fixed {
  const done = fixed.get(e.file);
  if (done) return done;
  const bytes = new Uint8Array(fs.readFileSync(path.join(DIR, e.file)));
  const pkg = XlsxPackage.open(bytes, e.file);
  const before = pkg.snapshot(e.file);
  const outcome = pkg.applyPatch(analyze(before).patch);
  const out = pkg.toBytes();
  const after = XlsxPackage.open(out, e.file).snapshot(e.file);
  const result = { bytes, out, before, after, pkg, outcome };
  fixed.set(e.file, result);
  return result;
}

function formSheetIndex(e: Entry, snap: WorkbookSnapshot): number {
  if (typeof e.formSheet === "number") return e.formSheet;
  if (typeof e.formSheet === "string") {
    const i = snap.sheets.findIndex((s) => s.name === e.formSheet);
    if (i >= 0) return i;
  }
  return analyze(snap).form?.sheet ?? 0;
}

const text = (bytes: Uint8Array, part: string) => new TextDecoder().decode(unzipSync(bytes)[part]);

(workbooks.length ? describe : describe.skip)("the rich corpus: workbooks", () => {
  it.each(workbooks.map((e) => [e.file, e] as const))("%s reads, with its protection as written", (_f, e) => {
    const { before } = fix(e);
    expect(before.sheets.length).toBeGreaterThan(0);
    if (e.protectedSheets) expect(before.sheets.filter((s) => s.protected).map((s) => s.name).sort()).toEqual([...e.protectedSheets].sort());
  });

  it.each(workbooks.map((e) => [e.file, e] as const))("%s: a fix changes exactly the reported cells; every other entry is as stored", (_f, e) => {
    const { bytes, out, before, after, pkg, outcome } = fix(e);
    const changed = new Set(outcome.applied.map((a) => `${a.change.cell.sheet}:${a.change.cell.row}:${a.change.cell.col}`));
    expectOnlyChanged(before, after, changed);
    for (const a of outcome.applied) {
      const cell = after.sheets[a.change.cell.sheet].cells[a.change.cell.row]?.[a.change.cell.col];
      const v = a.change.value === "" ? null : a.change.value;
      if (typeof v === "number") expect(cell?.v).toBeCloseTo(v, 9);
      else expect(cell?.v ?? null).toEqual(v);
      expect(cell?.f).toBe(a.change.formula);
    }
    // The entries that differ are exactly the parts the package says it changed …
    const diff = differingEntries(bytes, out);
    expect(diff.sameOrder).toBe(true);
    expect([...diff.differ].sort()).toEqual([...pkg.changedParts].sort());
    // … and each of those is an allowed exception.
    const sheetParts = new Set(outcome.applied.map((a) => pkg.sheets[a.change.cell.sheet].part));
    const numFmtAdded = outcome.applied.some((a) => a.change.numFmt);
    const calcChainGone = !Object.keys(unzipSync(out)).includes("xl/calcChain.xml") && Object.keys(unzipSync(bytes)).includes("xl/calcChain.xml");
    for (const part of pkg.changedParts) {
      if (sheetParts.has(part)) continue;
      if (part === "xl/calcChain.xml") continue;
      if (calcChainGone && (part === "xl/_rels/workbook.xml.rels" || part === "[Content_Types].xml")) continue;
      if (part === "xl/styles.xml") {
        expect([part, numFmtAdded]).toEqual([part, true]);
        continue;
      }
      if (part === pkg.workbookPart) {
        // Only fullCalcOnLoad: take it out again and the part is as it was.
        const now = text(out, part).replace(/ fullCalcOnLoad="1"/, "").replace(/<(\w+:)?calcPr\/>/, "");
        expect(now).toBe(text(bytes, part));
        continue;
      }
      throw new Error(`${e.file}: ${part} changed, which a fix must not change`);
    }
    // The feature's own parts are untouched, unless they are one of the exceptions above.
    for (const part of e.parts ?? []) {
      if (pkg.changedParts.includes(part)) expect(["xl/calcChain.xml", "xl/styles.xml", pkg.workbookPart, ...sheetParts]).toContain(part);
      else expect(diff.differ).not.toContain(part);
    }
  });

  it.each(workbooks.map((e) => [e.file, e] as const))("%s: the snapshot is the ExcelJS path's, where ExcelJS reads the file", async (_f, e) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(DIR, e.file)));
    let theirs: WorkbookSnapshot;
    try {
      theirs = snapshotWorkbook(await loadWorkbook(bytes, e.file), e.file);
    } catch {
      return; // ExcelJS cannot read it (openpyxl's images, charts, comments, tables; prefixed elements): nothing to compare
    }
    const mine = fix(e).before;
    expect(mine.sheets.map((s) => s.name)).toEqual(theirs.sheets.map((s) => s.name));
    const differences: string[] = [];
    mine.sheets.forEach((sheet, i) => {
      const other = theirs.sheets[i];
      // Unlike ExcelJS, sheet="true" (LibreOffice) is protection.
      if (!!sheet.protected !== !!other.protected && !(sheet.protected && /sheet="true"/.test(text(bytes, fix(e).pkg.sheets[i].part)))) differences.push(`${sheet.name}: protected`);
      expect(sheet.merges).toEqual(other.merges);
      const rows = new Set([...Object.keys(sheet.cells), ...Object.keys(other.cells)]);
      for (const r of rows) {
        const cols = new Set([...Object.keys(sheet.cells[+r] ?? {}), ...Object.keys(other.cells[+r] ?? {})]);
        for (const c of cols) {
          const a = sheet.cells[+r]?.[+c];
          const b = other.cells[+r]?.[+c];
          if (JSON.stringify(a) === JSON.stringify(b)) continue;
          // Unlike ExcelJS, a formula's cached 0, FALSE or "" is that value (ExcelJS drops falsy results and reads null).
          if (a?.f && b?.f === a.f && b.v === null && (a.v === 0 || a.v === false || a.v === "") && a.fmt === b.fmt) continue;
          differences.push(`${sheet.name}!${r}:${c} ${JSON.stringify(a)} vs ExcelJS ${JSON.stringify(b)}`);
        }
      }
    });
    expect(differences).toEqual([]);
  });

  const protectedForms = workbooks.filter((e) => e.formProtected);
  if (protectedForms.length) {
    it.each(protectedForms.map((e) => [e.file, e] as const))("%s: the protected form gets nothing written, and stays protected", (_f, e) => {
      const { bytes, out, outcome, before, after } = fix(e);
      const form = formSheetIndex(e, before);
      expect(outcome.applied.filter((a) => a.change.cell.sheet === form)).toEqual([]);
      expect(outcome.skipped.every((s) => s.change.cell.sheet !== form || s.reason.includes("受保护"))).toBe(true);
      expect(after.sheets[form].protected).toBe(true);
      if (outcome.applied.length === 0) expect(Buffer.from(out).equals(Buffer.from(bytes))).toBe(true);
    });
  }
});

if (workbooks.length) describeWithLibreOffice("the rich corpus: LibreOffice reopens every fixed workbook", () => {
  it.each(workbooks.map((e) => [e.file, e] as const))("%s", (_f, e) => {
    const { out, after, outcome } = fix(e);
    // LibreOffice opens the fixed file and saves it again; what it holds is what was written.
    const reopened = reopenAsXlsx(out);
    const form = formSheetIndex(e, after);
    const sheet = reopened.sheets.find((s) => s.name === after.sheets[form].name);
    expect(sheet).toBeDefined();
    for (const a of outcome.applied) {
      if (a.change.cell.sheet !== form) continue;
      const v = sheet!.cells[a.change.cell.row]?.[a.change.cell.col]?.v ?? null;
      if (typeof a.change.value === "number") expect(v).toBeCloseTo(a.change.value, 9);
      else if (typeof a.change.value === "string" && a.change.value !== "") expect(v).toBe(a.change.value);
    }
  });
});

(others.length ? describe : describe.skip)("the rich corpus: files that are not workbooks", () => {
  const messageOf = (e: Entry) => {
    try {
      XlsxPackage.open(new Uint8Array(fs.readFileSync(path.join(DIR, e.file))), e.file);
    } catch (err) {
      return (err as Error).message;
    }
    throw new Error(`${e.file} was read as a workbook`);
  };
  it.each(others.map((e) => [e.file, e] as const))("%s is refused with a message naming the file and what to do", (_f, e) => {
    const m = messageOf(e);
    expect(m).toContain(`「${e.file}」`);
    expect(m).toMatch(/请/);
  });

  it("each kind gets its own message", () => {
    const byKind = new Map<string, Set<string>>();
    for (const e of others) {
      const kind = e.expectKind ?? e.feature;
      const m = messageOf(e).replace(/「[^」]*」/g, "「」");
      if (!byKind.has(kind)) byKind.set(kind, new Set());
      byKind.get(kind)!.add(m);
    }
    const all = [...byKind.values()].map((s) => [...s][0]);
    expect(new Set(all).size).toBe(byKind.size);
  });
});
