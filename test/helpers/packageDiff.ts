import { WorkbookSnapshot, toA1 } from "../../src/engine";
import { readZip } from "../../src/hosts/xlsx/package/zip";

/**
 * The zip entries of `after` whose stored bytes differ from `before`'s: local header, compressed data,
 * data descriptor and central record (less the offset, which moves when an earlier entry changes).
 * Entries missing from either side count as differing; the order of the names must be the same.
 */
export function differingEntries(before: Uint8Array, after: Uint8Array): { differ: string[]; sameOrder: boolean } {
  const a = readZip(before, 100_000);
  const b = readZip(after, 100_000);
  const bByName = new Map(b.entries.map((e) => [e.name, e]));
  const differ: string[] = [];
  for (const e of a.entries) {
    const f = bByName.get(e.name);
    if (!f) {
      differ.push(e.name);
      continue;
    }
    const ra = before.subarray(e.localOffset, e.recordEnd);
    const rb = after.subarray(f.localOffset, f.recordEnd);
    const ca = Uint8Array.from(e.central);
    const cb = Uint8Array.from(f.central);
    ca.fill(0, 42, 46);
    cb.fill(0, 42, 46);
    if (!equal(ra, rb) || !equal(ca, cb)) differ.push(e.name);
  }
  for (const f of b.entries) if (!a.entries.some((e) => e.name === f.name)) differ.push(f.name);
  const kept = a.entries.map((e) => e.name).filter((n) => bByName.has(n));
  const sameOrder = JSON.stringify(kept) === JSON.stringify(b.entries.map((e) => e.name).filter((n) => kept.includes(n)));
  return { differ, sameOrder };
}

function equal(x: Uint8Array, y: Uint8Array): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** Every cell of `before` except `changed` is in `after` unchanged; returns the changed cells' new contents. */
export function expectOnlyChanged(before: WorkbookSnapshot, after: WorkbookSnapshot, changed: Set<string>): void {
  expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
  before.sheets.forEach((sheet, s) => {
    const keys = new Set<string>();
    const collect = (snap: WorkbookSnapshot) => snap.sheets[s].cells.forEach((row, r) => row?.forEach((_c, c) => keys.add(`${r}:${c}`)));
    collect(before);
    collect(after);
    for (const k of keys) {
      const [r, c] = k.split(":").map(Number);
      if (changed.has(`${s}:${r}:${c}`)) continue;
      expect([toA1(r, c), after.sheets[s].cells[r]?.[c]]).toEqual([toA1(r, c), sheet.cells[r]?.[c]]);
    }
    expect(after.sheets[s].merges).toEqual(sheet.merges);
    expect(!!after.sheets[s].protected).toBe(!!sheet.protected);
  });
}

