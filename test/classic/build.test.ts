import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as acorn from "acorn";
import webpack from "webpack";
import { JSDOM } from "jsdom";
import { installFakeExcel } from "../fakes/fakeExcel";
import { exampleSnapshot } from "../helpers/example";

/**
 * classic.js as webpack builds it (a development build: the same code as production, built faster;
 * test/addin/build.test.ts makes the production build): an ES5 script for Internet Explorer 11, with
 * core-js and without React or Fluent UI, loaded by classic.html, and running where the standard
 * library is only what IE 11 has.
 */
const ROOT = path.join(__dirname, "..", "..");

/** Where an ES5 parser stops in a script, with the text around it; undefined when it parses. */
function es5Error(code: string): string | undefined {
  try {
    acorn.parse(code, { ecmaVersion: 5, sourceType: "script" });
    return undefined;
  } catch (e) {
    const pos = (e as { pos?: number }).pos ?? 0;
    return `${(e as Error).message}: …${code.slice(Math.max(0, pos - 120), pos + 60)}…`;
  }
}

/**
 * Takes away, in a page's own realm, the standard library Internet Explorer 11 lacks (everything after
 * ES5 that the engine, the assistant or TypeScript's ES5 helpers could reach for), as ES5 code.
 */
const AS_IN_IE11 = `(function () {
  function strip(o, names) { for (var i = 0; i < names.length; i++) delete o[names[i]]; }
  strip(window, ["Symbol", "Promise", "Map", "Set", "WeakMap", "WeakSet", "Reflect", "Proxy", "WeakRef", "FinalizationRegistry", "AggregateError", "globalThis", "queueMicrotask", "structuredClone"]);
  strip(Object, ["assign", "entries", "values", "fromEntries", "getOwnPropertyDescriptors", "getOwnPropertySymbols", "is", "hasOwn", "groupBy"]);
  strip(Array, ["from", "of", "fromAsync"]);
  strip(Array.prototype, ["find", "findIndex", "findLast", "findLastIndex", "includes", "fill", "flat", "flatMap", "at", "keys", "values", "entries", "copyWithin", "toSorted", "toReversed", "toSpliced", "with"]);
  strip(String, ["fromCodePoint", "raw"]);
  strip(String.prototype, ["includes", "startsWith", "endsWith", "repeat", "padStart", "padEnd", "trimStart", "trimEnd", "codePointAt", "at", "replaceAll", "matchAll", "isWellFormed", "toWellFormed"]);
  strip(Number, ["isFinite", "isInteger", "isNaN", "isSafeInteger", "EPSILON", "MAX_SAFE_INTEGER", "MIN_SAFE_INTEGER", "parseFloat", "parseInt"]);
  strip(Math, ["trunc", "sign", "log10", "log2", "log1p", "expm1", "hypot", "cbrt", "fround", "imul", "clz32", "cosh", "sinh", "tanh", "acosh", "asinh", "atanh"]);
  strip(RegExp.prototype, ["flags", "sticky", "unicode", "dotAll", "hasIndices", "unicodeSets"]);
  var typed = Object.getPrototypeOf(Uint8Array.prototype);
  strip(typed, ["fill", "slice", "includes", "indexOf", "lastIndexOf", "join", "forEach", "map", "filter", "reduce", "reduceRight", "some", "every", "find", "findIndex", "findLast", "findLastIndex", "reverse", "sort", "copyWithin", "keys", "values", "entries", "at", "toSorted", "toReversed", "with"]);
  strip(Object.getPrototypeOf(Uint8Array), ["from", "of"]);
})();`;

describe("classic.js", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-classic-"));
  let stats: webpack.Stats;
  beforeAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(path.join(ROOT, "webpack.config.js"))({ outDir: out }, { mode: "development" });
    config.context = ROOT;
    config.output.path = out;
    stats = await new Promise<webpack.Stats>((resolve, reject) => webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s))));
    if (stats.hasErrors()) throw new Error(stats.toString("errors-only"));
  }, 120000);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  const bundle = () => fs.readFileSync(path.join(out, "classic.js"), "utf8");

  it("parses as an ES5 script (acorn at ecmaVersion 5): no ES2015+ syntax, no regular expression IE 11 cannot parse", () => {
    expect(es5Error(bundle())).toBeUndefined();
    // The check can fail: the modern pane's bundle does not parse as ES5.
    const taskpane = fs.readdirSync(out).find((f) => /^taskpane\..*\.js$/.test(f))!;
    expect(es5Error(fs.readFileSync(path.join(out, taskpane), "utf8"))).toBeDefined();
  });

  it("holds our code and core-js only: no React, Fluent UI or other pane", () => {
    const { compilation } = stats;
    const chunk = [...compilation.chunks].find((c) => c.name === "classic")!;
    const resources = [...compilation.chunkGraph.getChunkModulesIterable(chunk)].flatMap((m) => {
      const r = (m as { resource?: string }).resource ?? (m as { rootModule?: { resource?: string } }).rootModule?.resource;
      return r ? [path.relative(ROOT, r).split(path.sep).join("/")] : [];
    });
    const packages = new Set(resources.filter((r) => r.startsWith("node_modules/")).map((r) => r.split("/")[1]));
    expect([...packages]).toEqual(["core-js"]);
    const ours = resources.filter((r) => r.startsWith("src/"));
    expect(ours).toEqual(expect.arrayContaining(["src/classic/pane.ts", "src/app/assistant.ts", "src/hosts/excel/excelHost.ts", "src/engine/index.ts"]));
    expect(ours.filter((r) => /^src\/(ui|taskpane|wps|demo|cli|hosts\/(wps|xlsx))\//.test(r))).toEqual([]);
  });

  it("is loaded by classic.html (with the build's hash), whose own script is ES5 and still hands modern webviews to taskpane.html", () => {
    const html = fs.readFileSync(path.join(out, "classic.html"), "utf8");
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(inline).toHaveLength(1);
    expect(es5Error(inline[0])).toBeUndefined();
    expect(inline[0]).toMatch(/script\.src = "classic\.js\?[0-9a-f]{16,}";/);
    expect(inline[0]).toContain('window.location.replace("taskpane.html" + window.location.search)');
    expect(html).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
  });

  it("runs where the standard library is Internet Explorer 11's: core-js fills it in; the pane checks the sample on Excel 2016, 应用 and 撤销 write", async () => {
    const fake = installFakeExcel(await exampleSnapshot());
    fake.requirementSets = { ExcelApi: "1.1" };
    fake.userEdit(0, "G6", -10000); // 年度预算调整数: an error with a certain fix (-10145.17)
    const html = fs.readFileSync(path.join(out, "classic.html"), "utf8").replace(/<script[\s\S]*?<\/script>/g, "");
    const dom = new JSDOM(html, { runScripts: "outside-only", url: "https://addin.example.cn/ziping/classic.html" });
    const w = dom.window as unknown as Window & { eval(code: string): unknown; ZiPingClassic?: { started: boolean }; Office?: unknown; Excel?: unknown };
    try {
      w.eval(AS_IN_IE11);
      expect(w.eval("[typeof Promise, typeof Symbol, typeof Map, typeof Object.assign, typeof [].includes, typeof ''.padStart]")).toEqual(["undefined", "undefined", "undefined", "undefined", "undefined", "undefined"]);
      // office.js, as the page has it once Office is ready in Excel.
      w.Office = { ...fake.office, HostType: { Excel: "Excel" }, onReady: (cb: (info: { host: string; platform: string }) => void) => void setTimeout(() => cb({ host: "Excel", platform: "PC" }), 0) };
      w.Excel = fake.api;
      w.eval(bundle());
      expect(w.eval("[typeof Promise, typeof Symbol, typeof Map, typeof Object.assign, typeof [].includes, typeof ''.padStart]")).toEqual(["function", "function", "function", "function", "function", "function"]);
      const status = () => w.document.querySelector('[role="status"].status')?.textContent ?? "";
      await waitUntil(() => /发现强制问题 1 项、提示 24 项。/.test(status()), status);
      expect(w.ZiPingClassic?.started).toBe(true);
      expect(w.document.querySelector(".summary h2")!.textContent).toBe("部门整体支出绩效自评表 · 广州市天河区城市管理和综合执法局（本级） · 2021年");
      expect(w.document.getElementById("message")!.hasAttribute("hidden")).toBe(true);
      const apply = [...w.document.querySelectorAll("button")].find((b) => b.getAttribute("aria-label") === "应用：G6：-10000.00 → -10145.17")!;
      expect(apply).toBeDefined();
      apply.click();
      await waitUntil(() => /^已修改 G6。/.test(status()), status);
      expect(fake.cell(0, "G6")!.v).toBe(-10145.17);
      const undo = [...w.document.querySelectorAll("button")].find((b) => b.getAttribute("aria-label") === "撤销：应用修正 G6")!;
      undo.click();
      await waitUntil(() => /^已撤销「应用修正 G6」。/.test(status()), status);
      expect(fake.cell(0, "G6")!.v).toBe(-10000);
    } finally {
      w.close();
    }
  });
});

async function waitUntil(ok: () => boolean, said: () => string, ms = 10000): Promise<void> {
  const until = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > until) throw new Error(`timed out; the pane says: ${said()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
