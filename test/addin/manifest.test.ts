import * as fs from "fs";
import * as path from "path";
import { parseStringPromise } from "xml2js";

/**
 * An offline check of manifest.xml (npm run validate needs Microsoft's online service): every resid
 * resolves, every URL points at a page the build produces, every icon exists, the id is a GUID and
 * the version has four parts.
 */
const ROOT = path.join(__dirname, "..", "..");
const text = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require(path.join(ROOT, "webpack.config.js"))({}, { mode: "production" });

/** The files a production build writes: html pages from HtmlWebpackPlugin, assets and the manifest. */
function buildOutputs(): Set<string> {
  const out = new Set<string>();
  for (const p of webpackConfig.plugins) {
    const name = p.constructor.name;
    if (name === "HtmlWebpackPlugin") out.add(p.userOptions.filename);
    if (name === "CopyPlugin" || name === "CopyWebpackPlugin") {
      for (const pattern of p.patterns) {
        if (pattern.from.includes("*")) for (const f of fs.readdirSync(path.join(ROOT, path.dirname(pattern.from)))) out.add(`assets/${f}`);
        else out.add(pattern.to);
      }
    }
  }
  return out;
}

describe("manifest.xml", () => {
  let doc: Record<string, any>;
  beforeAll(async () => {
    doc = await parseStringPromise(text);
  });

  it("has a GUID id and a four-part version", () => {
    expect(doc.OfficeApp.Id[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(doc.OfficeApp.Version[0]).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("resolves every resid to a resource", () => {
    const ids = new Set([...text.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    const resids = [...text.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(resids.length).toBeGreaterThan(10);
    for (const r of resids) expect(ids).toContain(r);
    for (const r of resids) expect(r.length).toBeLessThanOrEqual(32);
  });

  it("points every URL at a file the build produces", () => {
    const outputs = buildOutputs();
    const urls = [...text.replace(/<!--[\s\S]*?-->/g, "").matchAll(/https:\/\/localhost:3000\/([^"<\s]*)/g)].map((m) => m[1]);
    expect(urls).toEqual(expect.arrayContaining(["taskpane.html", "commands.html", "help.html", "assets/icon-16.png"]));
    for (const u of urls) expect(outputs).toContain(u);
  });

  it("has every icon it names, at its size", () => {
    const icons = [...text.matchAll(/assets\/(icon-(\d+)\.png)/g)];
    for (const [, file, size] of icons) {
      const png = fs.readFileSync(path.join(ROOT, "assets", file));
      expect(png.readUInt32BE(16)).toBe(Number(size));
    }
    for (const size of [16, 32, 64, 80]) expect(fs.existsSync(path.join(ROOT, "assets", `icon-${size}.png`))).toBe(true);
  });

  it("installs wherever ExcelApi 1.1 is: the ribbon and the shared runtime only where SharedRuntime 1.1 is", () => {
    // Base requirements: what Excel 2016 volume-licensed has (ExcelApi 1.1 only).
    const base = text.slice(0, text.indexOf("<VersionOverrides"));
    expect([...base.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual(["ExcelApi 1.1"]);
    // The commands and the runtime are ignored where SharedRuntime is missing (manifest/requirements.md).
    const overrides = doc.OfficeApp.VersionOverrides[0];
    expect(Object.keys(overrides)[1]).toBe("Requirements");
    expect(overrides.Requirements[0].Sets[0].Set.map((x: any) => x.$)).toEqual([{ Name: "SharedRuntime", MinVersion: "1.1" }]);
    expect(text).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(text).toMatch(/<FunctionFile resid="Taskpane.Url"\/>/);
    expect(text).toMatch(/<FunctionName>validate<\/FunctionName>/);
    expect(text).toMatch(/xsi:type="ShowTaskpane"/);
    expect(text).toContain('DefaultValue="一键校验"');
    expect(text).toContain('DefaultValue="打开助手"');
    expect(text).toContain('DefaultValue="自评助手"');
    // The function the button names is registered by the page it runs in.
    const index = fs.readFileSync(path.join(ROOT, "src", "taskpane", "excelPane.tsx"), "utf8");
    expect(index).toContain('Office.actions?.associate("validate"');
  });

  it("has no TaskpaneId under the shared runtime (one pane)", () => {
    expect(text).not.toMatch(/<TaskpaneId>/i);
  });

  it("opens classic.html where add-in commands are missing (DefaultSettings), and the build has it", () => {
    expect(doc.OfficeApp.DefaultSettings[0].SourceLocation[0].$.DefaultValue).toBe("https://localhost:3000/classic.html");
    expect(buildOutputs()).toContain("classic.html");
  });
});
