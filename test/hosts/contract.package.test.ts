import * as fs from "fs";
import { PackageHost } from "../../src/hosts/xlsx/packageHost";
import { XlsxPackage } from "../../src/hosts/xlsx/package";
import { EXAMPLE } from "../helpers/example";
import { packageHarness } from "../helpers/packageHarness";
import { hostContract } from "./contract";

hostContract(".xlsx package (cell-level patcher)", async () => {
  const host = new PackageHost(XlsxPackage.open(fs.readFileSync(EXAMPLE), "sample.xlsx"), undefined, "xlsx", "sample.xlsx");
  return packageHarness(host);
});
