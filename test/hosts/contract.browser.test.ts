import * as fs from "fs";
import { BrowserHost } from "../../src/demo/browserHost";
import { MemoryStorage } from "../../src/hosts/types";
import { EXAMPLE } from "../helpers/example";
import { packageHarness } from "../helpers/packageHarness";
import { hostContract } from "./contract";

hostContract("browser demo (the package in the page)", async () => {
  const host = BrowserHost.openBytes(fs.readFileSync(EXAMPLE), new MemoryStorage(), "sample.xlsx");
  // The grid is told to render whenever the selection changes.
  let renders = 0;
  host.onRender(() => renders++);
  return packageHarness(host, () => renders > 0);
});
