import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";

/** npm run build:wps, into a temporary folder: the add-in folder and its install entries, nothing fetched from the network. */
describe("the WPS build", () => {
  const ROOT = path.join(__dirname, "..", "..");
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-wps-"));
  const dir = path.join(out, "ziping");
  beforeAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(path.join(ROOT, "webpack.config.js"))({ wps: true, outDir: out }, { mode: "development" });
    config.context = ROOT;
    const stats = await new Promise<webpack.Stats>((resolve, reject) => webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s))));
    if (stats.hasErrors()) throw new Error(stats.toString("errors-only"));
  }, 120000);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it("writes the online-mode add-in folder", () => {
    for (const f of ["index.html", "taskpane.html", "ribbon.xml", "images/icon-32.png"]) expect(fs.existsSync(path.join(dir, f))).toBe(true);
    expect(fs.readFileSync(path.join(dir, "ribbon.xml"), "utf8").startsWith("<customUI")).toBe(true);
  });

  it("writes the publish.xml and jsplugins.xml entries", () => {
    for (const f of ["publish.xml", "jsplugins.xml"]) expect(fs.readFileSync(path.join(out, f), "utf8")).toMatch(/<jspluginonline name="ziping" type="et" url="http:\/\/127\.0\.0\.1:3889\/ziping\/"\/>/);
  });

  it("loads only its own files: no office.js, no CDN, no remote script", () => {
    for (const f of fs.readdirSync(dir).filter((x) => /\.(html|js)$/.test(x))) {
      const text = fs.readFileSync(path.join(dir, f), "utf8");
      expect(text).not.toContain("appsforoffice.microsoft.com");
      if (f.endsWith(".html")) expect(text).not.toMatch(/<(script|link)[^>]+(src|href)="?https?:/);
    }
    const index = fs.readFileSync(path.join(dir, "index.html"), "utf8");
    expect(index).toMatch(/<script[^>]+src="?main\.[0-9a-f]+\.js/);
    // The callbacks ribbon.xml names are set on the index page's window.
    const main = fs.readdirSync(dir).find((x) => x.startsWith("main."))!;
    const code = fs.readFileSync(path.join(dir, main), "utf8");
    for (const n of ["OnAddinLoad", "OnAction", "GetImage", "OnGetEnabled"]) expect(code).toContain(n);
  });
});
