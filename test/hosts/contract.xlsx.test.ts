import { WorkbookHost } from "../../src/hosts/xlsx/workbookHost";
import { readWorkbookFile } from "../../src/hosts/xlsx/xlsxHost";
import { EXAMPLE } from "../helpers/example";
import { excelJsHarness, hostContract } from "./contract";

hostContract(".xlsx (ExcelJS)", async () => {
  const wb = await readWorkbookFile(EXAMPLE);
  return excelJsHarness(wb, new WorkbookHost(wb));
});
