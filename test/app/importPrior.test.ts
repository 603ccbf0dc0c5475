import * as fs from "fs";
import { itemsFromSnapshot, itemsFromXlsx } from "../../src/app/importPrior";
import { EXAMPLE, exampleSnapshot } from "../helpers/example";

describe("importing prior-year forms from an .xlsx", () => {
  it("reads the file through the package reader, as the CLI does", async () => {
    const bytes = fs.readFileSync(EXAMPLE);
    const items = await itemsFromXlsx(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length), "2021.xlsx");
    expect(items.length).toBeGreaterThan(0);
    expect(items).toEqual(itemsFromSnapshot(await exampleSnapshot(), "2021.xlsx"));
  });

  it("tells what a file is when it is not a workbook", async () => {
    await expect(itemsFromXlsx(new TextEncoder().encode("a,b\n1,2\n").buffer as ArrayBuffer, "去年.csv")).rejects.toThrow(/「去年.csv」是文本（CSV）文件/);
  });
});
