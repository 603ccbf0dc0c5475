import { BrowserHost } from "../../src/demo/browserHost";
import { MemoryStorage } from "../../src/hosts/types";
import { readWorkbookFile } from "../../src/hosts/xlsx/xlsxHost";
import { EXAMPLE } from "../helpers/example";
import { excelJsHarness, hostContract } from "./contract";

hostContract("browser demo (in-page ExcelJS)", async () => {
  const wb = await readWorkbookFile(EXAMPLE);
  const host = new BrowserHost(wb, new MemoryStorage(), "sample.xlsx");
  // The grid is told to render whenever the selection changes.
  let renders = 0;
  host.onRender(() => renders++);
  return excelJsHarness(wb, host, () => renders > 0);
});
