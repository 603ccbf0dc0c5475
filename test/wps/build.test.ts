import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import webpack from "webpack";

/** npm run build:wps, into a temporary folder: the add-in's online and offline forms and their install entries. */
describe("the WPS build", () => {
  const ROOT = path.join(__dirname, "..", "..");
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-wps-"));
  const dir = path.join(out, "ziping");
  const offline = path.join(out, "offline");
  beforeAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(path.join(ROOT, "webpack.config.js"))({ wps: true, outDir: out }, { mode: "development" });
    config.context = ROOT;
    const stats = await new Promise<webpack.Stats>((resolve, reject) => webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s))));
    if (stats.hasErrors()) throw new Error(stats.toString("errors-only"));
  }, 120000);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it("writes the online-mode add-in folder, with the manifest.xml WPS asks for and main.js by that name", () => {
    for (const f of ["index.html", "main.js", "taskpane.html", "ribbon.xml", "manifest.xml", "images/icon-32.png"]) expect(fs.existsSync(path.join(dir, f))).toBe(true);
    expect(fs.readFileSync(path.join(dir, "ribbon.xml"), "utf8").startsWith("<customUI")).toBe(true);
    expect(fs.readFileSync(path.join(dir, "manifest.xml"), "utf8")).toMatch(/<JsPlugin>[\s\S]*<Name>ziping<\/Name>/);
    expect(fs.readFileSync(path.join(dir, "index.html"), "utf8")).toMatch(/<script[^>]+src="?main\.js"?/);
    // The pane's 使用说明 link (help.html beside taskpane.html), as in Excel.
    expect(fs.readFileSync(path.join(dir, "help.html"), "utf8")).toContain("ZiPing 自评助手 · 使用说明");
  });

  it("writes publish.xml and jsplugins.xml entries with the attributes wpsjs writes", () => {
    const entry = '<jspluginonline name="ziping" type="et" url="http://127.0.0.1:3889/ziping/" enable="enable_dev" install="null" customDomain=""/>';
    for (const f of ["publish.xml", "jsplugins.xml"]) expect(fs.readFileSync(path.join(out, f), "utf8")).toContain(entry);
  });

  it("writes the offline form: the same files in ziping_<version>, its publish.xml entry and install scripts", () => {
    const folder = path.join(offline, `ziping_${version}`);
    for (const f of fs.readdirSync(dir)) expect(fs.existsSync(path.join(folder, f))).toBe(true);
    expect(fs.readFileSync(path.join(offline, "publish.xml"), "utf8")).toContain(`<jsplugin name="ziping" type="et" url="ziping_${version}" version="${version}" enable="enable_dev" install="null" customDomain=""/>`);
    for (const f of ["install-wps.sh", "install-wps.ps1", "install-wps.bat"]) expect(fs.readFileSync(path.join(offline, f), "utf8")).not.toContain("@VERSION@");
    // PowerShell 5.1 reads a script without a BOM in the ANSI code page: its Chinese needs the BOM.
    expect([...fs.readFileSync(path.join(offline, "install-wps.ps1")).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("install-wps.sh installs into jsaddons, keeps other add-ins' entries, replaces an old one, and uninstalls", () => {
    const jsaddons = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-jsaddons-"));
    try {
      const run = (...args: string[]) => execFileSync("sh", [path.join(offline, "install-wps.sh"), ...args], { env: { ...process.env, ZIPING_JSADDONS: jsaddons }, encoding: "utf8" });
      // A fresh machine.
      expect(run()).toContain("已安装");
      expect(fs.existsSync(path.join(jsaddons, `ziping_${version}`, "main.js"))).toBe(true);
      expect(fs.readFileSync(path.join(jsaddons, "publish.xml"), "utf8")).toContain(`url="ziping_${version}"`);
      // Another add-in and an older ZiPing (online) are there already.
      fs.writeFileSync(path.join(jsaddons, "publish.xml"), `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jspluginonline name="other" type="wps" url="http://x/"/>\n  <jspluginonline name="ziping" type="et" url="http://127.0.0.1:3889/ziping/"/>\n</jsplugins>\n`);
      fs.mkdirSync(path.join(jsaddons, "ziping_0.0.1"));
      run();
      const pub = fs.readFileSync(path.join(jsaddons, "publish.xml"), "utf8");
      expect(pub).toContain('name="other"');
      expect(pub.match(/name="ziping"/g)).toHaveLength(1);
      expect(pub).toContain(`url="ziping_${version}"`);
      expect(fs.existsSync(path.join(jsaddons, "ziping_0.0.1"))).toBe(false);
      expect(fs.existsSync(path.join(jsaddons, "publish.xml.bak-ziping"))).toBe(true);
      run("--uninstall");
      const after = fs.readFileSync(path.join(jsaddons, "publish.xml"), "utf8");
      expect(after).toContain('name="other"');
      expect(after).not.toContain('name="ziping"');
      expect(fs.readdirSync(jsaddons).filter((f) => f.startsWith("ziping_"))).toEqual([]);
    } finally {
      fs.rmSync(jsaddons, { recursive: true, force: true });
    }
  });

  it("loads only its own files: no office.js, no CDN, no remote script", () => {
    for (const f of fs.readdirSync(dir).filter((x) => /\.(html|js)$/.test(x))) {
      const text = fs.readFileSync(path.join(dir, f), "utf8");
      expect(text).not.toContain("appsforoffice.microsoft.com");
      if (f.endsWith(".html")) expect(text).not.toMatch(/<(script|link)[^>]+(src|href)="?https?:/);
    }
    // The callbacks ribbon.xml names are set on the index page's window.
    const code = fs.readFileSync(path.join(dir, "main.js"), "utf8");
    for (const n of ["OnAddinLoad", "OnAction", "GetImage", "OnGetEnabled"]) expect(code).toContain(n);
  });
});
