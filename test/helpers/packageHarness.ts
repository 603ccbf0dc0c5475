import { CellValue, addressToA1, parseRangeA1 } from "../../src/engine";
import { PackageHost } from "../../src/hosts/xlsx/packageHost";
import { HostHarness } from "../hosts/contract";

/** The harness of a package host: reads from the package's snapshot, edits and protects through its XML. */
export function packageHarness(host: PackageHost, selectedShown: () => boolean = () => true): HostHarness {
  const pkg = host.pkg;
  const at = (sheet: number, a1: string) => {
    const r = parseRangeA1(a1)!;
    return { sheet, row: r.top, col: r.left };
  };
  const current = (sheet: number, a1: string) => {
    const a = at(sheet, a1);
    const cell = pkg.snapshot().sheets[sheet].cells[a.row]?.[a.col];
    return cell?.f ? { value: cell.v ?? null, formula: cell.f } : { value: cell?.v ?? null };
  };
  return {
    host,
    read: current,
    userEdit(sheet, a1, value: CellValue) {
      // The user's typing goes through the same writer: a change that expects what the cell holds.
      const out = pkg.applyPatch({ changes: [{ cell: at(sheet, a1), expected: current(sheet, a1), value, source: "user" }] });
      if (out.applied.length !== 1) throw new Error(`user edit of ${a1} not written`);
    },
    protect(sheet) {
      // As Excel stores it: a password hash after sheetData.
      const part = pkg.sheets[sheet].part;
      const text = pkg.partText(part)!;
      const end = text.indexOf("</sheetData>") + "</sheetData>".length;
      pkg.setPartText(part, `${text.slice(0, end)}<sheetProtection password="CC3D" sheet="1" objects="1" scenarios="1"/>${text.slice(end)}`);
      pkg.refresh(sheet);
    },
    selected: () => (host.selected && selectedShown() ? addressToA1(host.selected) : undefined),
  };
}

