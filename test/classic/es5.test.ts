import * as fs from "fs";
import * as path from "path";
import * as acorn from "acorn";
import * as ts from "typescript";

/**
 * What Internet Explorer 11 (Excel 2016/2019 volume-licensed) needs of the code in the classic pane:
 * regular expressions an ES5 engine can parse (no look-behind, named groups, or the s, u and y flags: any
 * one of them makes the whole classic.js fail to load), and Error subclasses that stay themselves when
 * compiled to ES5. The built bundle itself is parsed as ES5 in build.test.ts.
 */
const SRC = path.join(__dirname, "..", "..", "src");

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

/** The regular expression literals of a TypeScript source that an ES5 engine cannot parse. */
function nonEs5Regexes(source: string, fileName = "source.ts"): string[] {
  // TypeScript leaves regular expression literals as written: its output is tokenized, without types.
  const js = ts.transpileModule(source, { fileName, compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
  const tokens: acorn.Token[] = [];
  acorn.parse(js, { ecmaVersion: "latest", sourceType: "module", onToken: tokens });
  const bad: string[] = [];
  for (const t of tokens) {
    if (t.type !== acorn.tokTypes.regexp) continue;
    const literal = js.slice(t.start, t.end);
    try {
      acorn.parse(literal, { ecmaVersion: 5 });
    } catch {
      bad.push(literal);
    }
  }
  return bad;
}

describe("code of the classic pane, for an ES5 engine", () => {
  // The engine, the Excel host and the classic pane. (src/app/assistant.ts's one `u` flag, which changes
  // nothing there, is dropped at build time by src/classic/es5RegexLoader.js.)
  const sources = [...files(path.join(SRC, "engine")), ...files(path.join(SRC, "hosts", "excel")), ...files(path.join(SRC, "classic"))];

  it.each(sources.map((f) => [path.relative(SRC, f)]))("%s: every regular expression parses as ES5", (file) => {
    expect(nonEs5Regexes(fs.readFileSync(path.join(SRC, file), "utf8"), file)).toEqual([]);
  });

  it("finds look-behind, named groups and the s, u and y flags (a check on the check)", () => {
    const sample = [
      "const a = /(?<!\\d)x/;",
      "const b = /(?<year>\\d{4})/;",
      "const c = /a.b/s;",
      "const d = /[。]/u;",
      "const e = /\\d+/y;",
      "const f = /(?<=x)y/g;",
      "const ok = /^(?:19|20)\\d{2}(?=年)/gim;",
      "const notRegex = 4 / 2 / 1;",
    ].join("\n");
    expect(nonEs5Regexes(sample)).toEqual(["/(?<!\\d)x/", "/(?<year>\\d{4})/", "/a.b/s", "/[。]/u", "/\\d+/y", "/(?<=x)y/g"]);
  });

  it("each Error subclass of the engine sets its own prototype, so instanceof holds when compiled to ES5", () => {
    const classes = files(path.join(SRC, "engine")).flatMap((f) => {
      const text = fs.readFileSync(f, "utf8");
      return [...text.matchAll(/class (\w+) extends Error \{([\s\S]*?)\n\}/g)].map((m) => [m[1], m[2]] as const);
    });
    expect(classes.map(([name]) => name).sort()).toEqual(["LayoutError", "RuleContractError", "Unsupported"]);
    for (const [name, body] of classes) expect([name, /Object\.setPrototypeOf\(this, new\.target\.prototype\)/.test(body)]).toEqual([name, true]);
  });

  it("compiled to ES5, such a class keeps instanceof and its name", () => {
    const js = ts.transpileModule(
      'class LayoutError extends Error {\n  override name = "LayoutError";\n  constructor(message?: string) {\n    super(message);\n    Object.setPrototypeOf(this, new.target.prototype);\n  }\n}\nconst e = new LayoutError("x");\nresult = [e instanceof LayoutError, e instanceof Error, e.name, e.message];',
      { compilerOptions: { target: ts.ScriptTarget.ES5 } },
    ).outputText;
    const scope: { result?: unknown } = {};
    new Function("scope", `var result; ${js}; scope.result = result;`)(scope);
    expect(scope.result).toEqual([true, true, "LayoutError", "x"]);
    // Without the line, ES5 loses it: what the test above guards against.
    const plain = ts.transpileModule('class Plain extends Error {}\nresult = new Plain("x") instanceof Plain;', { compilerOptions: { target: ts.ScriptTarget.ES5 } }).outputText;
    new Function("scope", `var result; ${plain}; scope.result = result;`)(scope);
    expect(scope.result).toBe(false);
  });
});

describe("es5RegexLoader (the classic build)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loader = require("../../src/classic/es5RegexLoader.js") as ((this: unknown, source: string, map?: unknown) => void) & { unicodeFlagRedundant(p: string, f: string): boolean };
  function run(source: string): { error?: Error; output?: string } {
    const out: { error?: Error; output?: string } = {};
    loader.call({ resourcePath: "x.ts", callback: (error: Error | null, output?: string) => Object.assign(out, { error: error ?? undefined, output }) }, source);
    return out;
  }

  it("drops a u flag that changes nothing (src/app/assistant.ts's sentence)", () => {
    const { error, output } = run('var t = s.replace(/[。．.；;，,\\s]+$/u, "");');
    expect(error).toBeUndefined();
    expect(output).toBe('var t = s.replace(/[。．.；;，,\\s]+$/, "");');
  });

  it("keeps ES5 regular expressions and the rest as they are", () => {
    const source = "var a = /^(?:19|20)\\d{2}/gim, b = 4 / 2 / 1;";
    expect(run(source)).toEqual({ error: undefined, output: source });
  });

  it("fails the build on what it cannot rewrite: look-behind, named groups, s, y, and u where it matters", () => {
    for (const source of ["var a = /(?<!\\d)x/;", "var b = /(?<y>\\d)/;", "var c = /a.b/s;", "var d = /x/y;", "var e = /./u;", "var f = /[^a]/u;", "var g = /\\u{1F600}/u;", "var h = /k/iu;"]) {
      const { error } = run(source);
      expect([source, error?.message]).toEqual([source, expect.stringContaining("Internet Explorer 11 cannot parse")]);
    }
  });
});
