import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseDelimited } from "./delimited";

/** Where LibreOffice is, if it is installed (Debian: apt-get install -y libreoffice-calc-nogui). */
export const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"].find((p) => fs.existsSync(p));

/**
 * `describe` when LibreOffice is there; under CI its absence is a failure (the reopen checks are
 * part of what a fix promises); elsewhere the tests are skipped with a warning.
 */
export function describeWithLibreOffice(name: string, body: () => void): void {
  if (!SOFFICE && process.env.CI) {
    describe(name, () => {
      it("needs LibreOffice (soffice) under CI", () => {
        throw new Error("CI 上没有找到 LibreOffice（soffice）：请在 .ci/run 中安装 libreoffice-calc-nogui。");
      });
    });
    return;
  }
  if (!SOFFICE) {
    console.warn(`跳过 LibreOffice 重新打开的测试（${name}）：没有 soffice（apt-get install -y libreoffice-calc-nogui）。`);
    describe.skip(name, body);
    return;
  }
  describe(name, body);
}

/**
 * Opens a workbook in LibreOffice headless and converts every sheet to CSV: the file opens (no repair
 * dialog can be answered headless, so a file it cannot open gives no output) and shows these values.
 * Returns each sheet's rows of cell texts (as shown, formatted), by sheet name.
 */
export function reopenWithLibreOffice(bytes: Uint8Array): Map<string, string[][]> {
  if (!SOFFICE) throw new Error("no soffice");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-lo-"));
  try {
    const file = path.join(dir, "book.xlsx");
    fs.writeFileSync(file, bytes);
    const out = path.join(dir, "out");
    // Its own profile: tests run in parallel, and LibreOffice locks a shared one. The last filter
    // option (-1) writes every sheet, each to book-<sheet>.csv.
    execFileSync(SOFFICE, [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", out, file], { stdio: "pipe", timeout: 120_000 });
    const made = fs.existsSync(out) ? fs.readdirSync(out).filter((f) => f.endsWith(".csv")) : [];
    if (made.length === 0) throw new Error("LibreOffice could not open the file");
    return new Map(made.map((f) => [f.replace(/^book-/, "").replace(/\.csv$/, ""), parseDelimited(fs.readFileSync(path.join(out, f), "utf8"), ",")]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A cell of a reopened sheet by A1-style row/column (0-based), "" when empty. */
export function shown(rows: string[][] | undefined, row: number, col: number): string {
  return rows?.[row]?.[col] ?? "";
}

/**
 * Opens a workbook in LibreOffice headless and saves it again as .xlsx: the file opens, and the values
 * LibreOffice holds come back as a snapshot (read by the package reader). Works for sheets with a cell
 * far away (XFD1048576), where a CSV of the used range would be enormous.
 */
export function reopenAsXlsx(bytes: Uint8Array): import("../../src/engine").WorkbookSnapshot {
  if (!SOFFICE) throw new Error("no soffice");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-lo-"));
  try {
    const file = path.join(dir, "book.xlsx");
    fs.writeFileSync(file, bytes);
    const out = path.join(dir, "out");
    execFileSync(SOFFICE, [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, file], { stdio: "pipe", timeout: 120_000 });
    const made = path.join(out, "book.xlsx");
    if (!fs.existsSync(made)) throw new Error("LibreOffice could not open the file");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { XlsxPackage } = require("../../src/hosts/xlsx/package") as typeof import("../../src/hosts/xlsx/package");
    return XlsxPackage.open(fs.readFileSync(made), "book.xlsx").snapshot("book.xlsx");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
