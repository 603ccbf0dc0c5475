import * as fs from "fs";
import * as path from "path";
import { WorkbookSnapshot } from "../../src/engine";
import { loadWorkbook, snapshotWorkbook } from "../../src/hosts/xlsx/workbook";

/** The real forms of test/fixtures/real, each as the .xlsx its office would have made. */
export const REAL_DIR = path.join(__dirname, "..", "fixtures", "real");

export function realFormDirs(): string[] {
  return fs.readdirSync(REAL_DIR).filter((d) => /^\d\d-/.test(d)).sort();
}

export async function snapshotFromPackageFile(file: string): Promise<WorkbookSnapshot> {
  return snapshotWorkbook(await loadWorkbook(fs.readFileSync(file), path.basename(file)), path.basename(file));
}
