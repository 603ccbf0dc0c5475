import * as fs from "fs";
import * as path from "path";

/**
 * The layers above the engine: the UI renders and calls the app's controllers; the controllers know
 * hosts only through their contract (hosts/types) and read files through hosts/xlsx; each host's entry never imports another's; the
 * start-up that chooses a host (startPane.tsx) sits above them all.
 */
const SRC = path.join(__dirname, "..", "src");

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

/** Every src-relative module a file imports (packages left out). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:import|export)[^;]*?from\s+["']([^"']+)["']|import\(\s*(?:\/\*[^*]*\*\/\s*)?["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]);
  return specs.filter((s) => s.startsWith(".")).map((s) => path.relative(SRC, path.resolve(path.dirname(file), s)).split(path.sep).join("/"));
}

/** For each folder of src, the folders it must not import from. */
const FORBIDDEN: Record<string, RegExp> = {
  ui: /^(hosts|taskpane|wps|demo|commands|cli)\//,
  // The app reads prior-year .xlsx files the user picks through the file reader of hosts/xlsx (pure,
  // it runs in the pane too); it reaches every other host only through the contract.
  app: /^(ui|taskpane|wps|demo|commands|cli)\/|^hosts\/(?!types$|xlsx\/)/,
  hosts: /^(ui|app|taskpane|wps|demo|commands|cli)\//,
  taskpane: /^(wps|demo|cli)\//,
  wps: /^(taskpane|demo|cli|commands)\//,
  cli: /^(ui|app|taskpane|wps|demo|commands)\//,
};

describe("layers above the engine", () => {
  const cases = Object.keys(FORBIDDEN).flatMap((folder) => files(path.join(SRC, folder)).map((f) => [path.relative(SRC, f), folder] as const));
  it.each(cases)("%s imports nothing its layer must not", (file, folder) => {
    const bad = importsOf(path.join(SRC, file)).filter((i) => FORBIDDEN[folder].test(i));
    expect(bad).toEqual([]);
  });

  it("catches a pane importing another host's entry (a check on the check)", () => {
    expect(FORBIDDEN.wps.test("taskpane/excelPane")).toBe(true);
    expect(FORBIDDEN.app.test("hosts/excel/excelHost")).toBe(true);
    expect(FORBIDDEN.app.test("hosts/types")).toBe(false);
  });
});
