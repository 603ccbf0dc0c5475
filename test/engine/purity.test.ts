import * as fs from "fs";
import * as path from "path";

/**
 * The engine is pure and layered: every import of src/engine resolves inside src/engine, and each
 * floor imports only from the floors below it (or its own folder). Hosts depend on the engine,
 * never the other way round; the narrative reads forms, rules read both.
 */
const ENGINE = path.join(__dirname, "..", "..", "src", "engine");

/** The engine's floors, lowest first. A module may import from a lower floor or its own folder. */
const FLOORS: Record<string, number> = {
  text: 0,
  quantity: 1,
  grid: 2,
  formula: 3,
  "patch.ts": 3,
  layout: 3,
  form: 4,
  derive: 5,
  narrative: 6,
  rules: 7,
  wording: 7,
  "analyze.ts": 8,
  // Where text may be inserted, by what the whole analysis found of the form.
  "insertion.ts": 8.5,
  // 汇总 checks several analyses against each other, and analyzes a form again with the sums written in.
  consolidate: 8.5,
  "index.ts": 9,
};

/** The floor of an engine file, by its first path segment (a folder, or a file at the root). */
function floorOf(rel: string): string {
  return rel.split(/[\\/]/)[0];
}

/** Why an import is not allowed, or undefined. `from` and the result are paths relative to src/engine. */
function importProblem(from: string, spec: string): string | undefined {
  if (!/^\.\.?\//.test(spec)) return `imports a package (${spec})`;
  const target = path.normalize(path.join(path.dirname(from), spec));
  if (target.startsWith("..")) return `leaves the engine (${spec})`;
  const a = floorOf(from);
  const b = floorOf(target);
  if (a === b) return undefined;
  const fa = FLOORS[a];
  const fb = FLOORS[b] ?? FLOORS[`${b}.ts`];
  if (fa === undefined) return `is on no floor (${a})`;
  if (fb === undefined) return `imports from no floor (${b})`;
  if (fb >= fa) return `imports upwards or sideways, ${a} (${fa}) → ${b} (${fb})`;
  return undefined;
}

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
}

function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:import|export)[^;]*?from\s+["']([^"']+)["']|require\(\s*["']([^"']+)["']\s*\)|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

describe("the checker itself", () => {
  // Each of these fails on purpose, so a broken checker cannot pass the real sources.
  it.each([
    ["rules/x.ts", "../../hosts/types", "leaves the engine"],
    ["grid/x.ts", "exceljs", "imports a package"],
    ["narrative/sections.ts", "../rules/rule", "imports upwards"],
    ["rules/x.ts", "../wording/library", "sideways"],
    ["form/labels.ts", "../derive/derive", "imports upwards"],
  ])("%s importing %s: %s", (from, spec, why) => {
    expect(importProblem(from, spec)).toContain(why);
  });
  it.each([
    ["rules/x.ts", "../narrative/text"],
    ["rules/project/x.ts", "../rule"],
    ["analyze.ts", "./rules"],
    ["derive/derive.ts", "../patch"],
  ])("%s importing %s is allowed", (from, spec) => {
    expect(importProblem(from, spec)).toBeUndefined();
  });
});

describe("src/engine purity", () => {
  const sources = files(ENGINE).map((f) => [path.relative(ENGINE, f), fs.readFileSync(f, "utf8")] as const);

  it("has sources", () => expect(sources.length).toBeGreaterThan(10));

  it.each(sources)("%s imports only lower floors of the engine", (name, text) => {
    const problems = importsOf(text).flatMap((spec) => {
      const p = importProblem(name, spec);
      return p ? [`${spec}: ${p}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it.each(sources)("%s touches no host, DOM or process globals", (_name, text) => {
    const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    expect(code).not.toMatch(/\b(window|document|Office|Excel\.run|Application\.|process\.|localStorage|indexedDB|fetch\()\b/);
  });
});
