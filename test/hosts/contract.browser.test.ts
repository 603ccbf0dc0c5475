import ExcelJS from "exceljs";
import { CellValue, addressToA1 } from "../../src/engine";
import { BrowserHost } from "../../src/demo/browserHost";
import { MemoryStorage } from "../../src/hosts/types";
import { readWorkbookFile } from "../../src/hosts/xlsx/xlsxHost";
import { EXAMPLE } from "../helpers/example";
import { hostContract } from "./contract";

hostContract("browser demo (in-page ExcelJS)", async () => {
  const wb = await readWorkbookFile(EXAMPLE);
  const host = new BrowserHost(wb, new MemoryStorage(), "sample.xlsx");
  let renders = 0;
  host.onRender(() => renders++);
  const cell = (sheet: number, a1: string) => wb.worksheets[sheet].getCell(a1);
  return {
    host,
    read(sheet, a1) {
      const c = cell(sheet, a1);
      if (c.type === ExcelJS.ValueType.Formula) return { value: c.result as CellValue, formula: c.formula };
      return { value: c.value as CellValue };
    },
    userEdit(sheet, a1, value) {
      cell(sheet, a1).value = value as ExcelJS.CellValue;
    },
    async protect(sheet) {
      await wb.worksheets[sheet].protect("", {});
    },
    selected: () => (host.selected && renders > 0 ? addressToA1(host.selected) : undefined),
  };
});
