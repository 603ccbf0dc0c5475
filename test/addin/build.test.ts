import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { gzippedSize, initialScripts } = require("../../scripts/pane-size.js");

/** The production build, as `npm run build` makes it, into a temporary folder. */
describe("npm run build (production)", () => {
  const ROOT = path.join(__dirname, "..", "..");
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-build-"));
  beforeAll(async () => {
    process.env.ZIPING_URL_PROD = "https://addin.example.cn/ziping/";
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(path.join(ROOT, "webpack.config.js"))({ outDir: out }, { mode: "production" });
    config.context = ROOT;
    config.output.path = out;
    const stats = await new Promise<webpack.Stats>((resolve, reject) => webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s))));
    if (stats.hasErrors()) throw new Error(stats.toString("errors-only"));
  }, 120000);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it("emits the pane, the commands page, the help page, the icons and the manifest", () => {
    for (const f of ["taskpane.html", "commands.html", "help.html", "manifest.xml", "assets/icon-16.png", "assets/icon-80.png"]) expect(fs.existsSync(path.join(out, f))).toBe(true);
    expect(initialScripts(out, "taskpane.html").length).toBeGreaterThan(0);
  });

  it("points the manifest at the production host", () => {
    const manifest = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain('DefaultValue="https://addin.example.cn/ziping/taskpane.html"');
    expect(manifest).toContain("<AppDomain>https://addin.example.cn</AppDomain>");
  });

  it("loads office.js from Microsoft's CDN in production", () => {
    const html = fs.readFileSync(path.join(out, "taskpane.html"), "utf8");
    expect(html).toMatch(/<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?>/);
  });

  it("keeps the pane's initial JavaScript within 400 KB gzipped, without ExcelJS", () => {
    expect(gzippedSize(out, "taskpane.html")).toBeLessThan(400 * 1024);
    for (const src of initialScripts(out, "taskpane.html")) expect(fs.readFileSync(path.join(out, src), "utf8")).not.toContain("exceljs");
  });
});
