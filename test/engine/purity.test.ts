import * as fs from "fs";
import * as path from "path";

/** The engine is pure: hosts depend on it, never the other way round. */
const ENGINE = path.join(__dirname, "..", "..", "src", "engine");

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
}

describe("src/engine purity", () => {
  const sources = files(ENGINE).map((f) => [path.relative(ENGINE, f), fs.readFileSync(f, "utf8")] as const);

  it("has sources", () => expect(sources.length).toBeGreaterThan(10));

  it.each(sources)("%s imports only engine modules", (_name, text) => {
    const imports = [...text.matchAll(/(?:import|export)[^;]*?from\s+["']([^"']+)["']|require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]);
    for (const spec of imports) expect(spec).toMatch(/^\.\.?\//);
  });

  it.each(sources)("%s touches no host, DOM or process globals", (_name, text) => {
    const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    expect(code).not.toMatch(/\b(window|document|Office|Excel\.run|Application\.|process\.|localStorage|indexedDB|fetch\()\b/);
  });
});
