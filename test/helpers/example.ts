import * as path from "path";
import { WorkbookSnapshot } from "../../src/engine";
import { readWorkbookFile, snapshotWorkbook } from "../../src/hosts/xlsx/xlsxHost";

export const EXAMPLE = path.join(__dirname, "..", "..", "examples", "2021-天河区城管局-部门整体支出绩效自评表.xlsx");

export async function exampleSnapshot(): Promise<WorkbookSnapshot> {
  return snapshotWorkbook(await readWorkbookFile(EXAMPLE), path.basename(EXAMPLE));
}
