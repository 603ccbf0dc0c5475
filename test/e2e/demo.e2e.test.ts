/**
 * The demo in a real browser: Debian's Chromium driven by playwright-core (never a downloaded
 * browser build). .ci/run installs Chromium when it is missing.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AddressInfo } from "net";
import webpack from "webpack";
import ExcelJS from "exceljs";
import { chromium, Browser, Page } from "playwright-core";
import { differingEntries } from "../helpers/packageDiff";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createServer } = require("../../scripts/serve.js");

const ROOT = path.join(__dirname, "..", "..");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const ARTIFACTS = path.join(ROOT, "test-artifacts");
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`CI 上没有找到 Chromium（${CHROMIUM}）：.ci/run 应先安装 Debian 的 chromium 包。`);
const maybe = haveChromium ? describe : describe.skip;
if (!haveChromium) console.warn(`跳过浏览器测试：没有 ${CHROMIUM}（apt-get install chromium）。`);

maybe("the demo in headless Chromium", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-e2e-"));
  let server: import("http").Server;
  let base: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    // A development build: the same code, built in a fraction of the time (the production build has its own test).
    const config = require(path.join(ROOT, "webpack.config.js"))({ outDir: out }, { mode: "development" });
    config.context = ROOT;
    config.output.path = out;
    const stats = await new Promise<webpack.Stats>((resolve, reject) => webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s))));
    if (stats.hasErrors()) throw new Error(stats.toString("errors-only"));
    server = createServer(out);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    await page.goto(`${base}index.html`);
  }, 150000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    fs.rmSync(out, { recursive: true, force: true });
  });

  const cell = (a1: string) => page.locator(`td[data-cell="${a1}"]`);

  it("opens the sample form beside the pane, with the demo banner", async () => {
    await cell("C4").waitFor();
    expect(await cell("C4").innerText()).toBe("广州市天河区城市管理和综合执法局（本级）");
    expect(await cell("D8").innerText()).toBe("100.00%");
    expect(await page.getByRole("note").innerText()).toContain("演示页面");
  });

  it("checks on load; 一键校验 again says it checked again; clicking a finding selects its cell in the grid", async () => {
    const list = page.getByRole("list", { name: "校验结果" });
    await list.waitFor();
    await page.getByRole("button", { name: "一键校验" }).click();
    await page.getByText(/已重新校验（\d\d:\d\d:\d\d）/).waitFor();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, "pane-with-findings.png") });
    const finding = list.getByRole("listitem").filter({ hasText: "主要任务序号从 1 跳到 3" });
    await finding.click();
    await page.locator('td[data-cell="A18"][aria-current="true"]').waitFor();
  });

  it("applies a fix and the grid changes; 撤销 puts it back", async () => {
    expect(await cell("B10").innerText()).toContain("<p>(一) 继续深入推进垃圾分类");
    await page.getByRole("button", { name: /^应用：B10：/ }).click();
    await page.waitForFunction(() => !document.querySelector('td[data-cell="B10"]')!.textContent!.includes("<p>"));
    expect(await cell("B10").innerText()).toMatch(/^\(一\) 继续深入推进垃圾分类/);
    // The changed cell is selected (and scrolled into view) in the grid.
    await page.locator('td[data-cell="B10"][aria-current="true"]').waitFor();
    await page.getByRole("button", { name: "撤销" }).click();
    await page.waitForFunction(() => document.querySelector('td[data-cell="B10"]')!.textContent!.startsWith("<p>"));
  });

  it("inserts a template, and the download is the corrected workbook", async () => {
    await page.getByRole("combobox", { name: "栏目" }).selectOption("keyProject");
    await page.getByRole("combobox", { name: "插入方式" }).selectOption("replace");
    await page.getByRole("combobox", { name: "模板" }).selectOption("key-project-report");
    await page.getByRole("button", { name: "插入模板" }).click();
    // B50 holds last year's report: replacing it asks first.
    await page.getByRole("alertdialog", { name: "请确认" }).getByRole("button", { name: "确定" }).click();
    await page.waitForFunction(() => document.querySelector('td[data-cell="B50"]')!.textContent!.includes("一、基本情况"));
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载" }).click()]);
    const file = path.join(out, "downloaded.xlsx");
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell("B50").value)).toMatch(/^“【项目名称】”项目绩效自评报告\n一、基本情况/);
    expect(ws.getCell("D5").value).toBe(18372.1);
    expect(ws.getCell("D8").numFmt).toBe("0.00%");
    expect(String(ws.getCell("B10").value)).toContain("<p>");
    // The download is the sample's package with only the form sheet rewritten: every other entry as stored.
    const { differ } = differingEntries(fs.readFileSync(path.join(ROOT, "examples", "2021-天河区城管局-部门整体支出绩效自评表.xlsx")), fs.readFileSync(file));
    expect(differ).toEqual(["xl/worksheets/sheet1.xml"]);
  });

  describe("as a finance officer meets it (#16)", () => {
    it("at 1093×614 (1366×768 at 125%) shows at least four findings below the toolbar", async () => {
      await page.setViewportSize({ width: 1093, height: 614 });
      await page.getByRole("button", { name: "一键校验" }).click();
      await page.getByRole("list", { name: "校验结果" }).waitFor();
      await page.locator(".pane").evaluate((p) => (p.scrollTop = 0));
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, "pane-1093x614.png") });
      const paneBox = (await page.locator(".pane").boundingBox())!;
      const visible = await page
        .getByRole("list", { name: "校验结果" })
        .getByRole("listitem")
        .evaluateAll((items, bottom) => items.filter((i) => i.getBoundingClientRect().bottom <= bottom).length, paneBox.y + paneBox.height);
      expect(visible).toBeGreaterThanOrEqual(4);
      await page.setViewportSize({ width: 1400, height: 900 });
    });

    it("fits the toolbar on one row in a 320 px pane, and keeps it in view while the findings scroll", async () => {
      await page.evaluate(() => {
        (document.querySelector(".main") as HTMLElement).style.gridTemplateColumns = "1fr 320px";
      });
      const tops = await page.getByRole("toolbar", { name: "操作" }).getByRole("button").evaluateAll((bs) => bs.map((b) => Math.round(b.getBoundingClientRect().top)));
      expect(tops.length).toBe(4);
      expect(new Set(tops).size).toBe(1);
      const right = await page.getByRole("toolbar", { name: "操作" }).getByRole("button").last().evaluate((b) => b.getBoundingClientRect().right);
      const paneRight = await page.locator(".pane").evaluate((p) => p.getBoundingClientRect().right);
      expect(right).toBeLessThanOrEqual(paneRight);
      await page.screenshot({ path: path.join(ARTIFACTS, "pane-320.png") });
      await page.locator(".pane").evaluate((p) => (p.scrollTop = 600));
      const toolbarTop = await page.getByRole("toolbar", { name: "操作" }).evaluate((t) => t.getBoundingClientRect().top);
      const paneTop = await page.locator(".pane").evaluate((p) => p.getBoundingClientRect().top);
      expect(toolbarTop).toBeGreaterThanOrEqual(paneTop);
      expect(toolbarTop).toBeLessThan(paneTop + 60);
      await page.evaluate(() => {
        (document.querySelector(".main") as HTMLElement).style.gridTemplateColumns = "";
      });
      await page.locator(".pane").evaluate((p) => (p.scrollTop = 0));
    });

    it("marks the passage of a long cell a finding is about, in the grid", async () => {
      const list = page.getByRole("list", { name: "校验结果" });
      const item = list.getByRole("listitem").filter({ hasText: "「余」的位置不对" }).first();
      await item.click();
      const quoted = await item.getByLabel("所指的文字").locator("mark").innerText();
      expect(quoted).toContain("6.85余万元");
      const mark = page.locator("td[aria-current='true'] mark");
      await mark.waitFor();
      expect(await mark.innerText()).toBe(quoted);
    });

    it("links from the grid to the pane, and no grid cell is a tab stop", async () => {
      const stops = await page.locator(".sheet").evaluate((s) => Array.from(s.querySelectorAll<HTMLElement>("*")).filter((e) => e.tabIndex >= 0).length);
      expect(stops).toBe(0);
      const skip = page.getByRole("link", { name: "跳到助手窗格" });
      await skip.focus();
      expect(await skip.isVisible()).toBe(true);
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("ziping-pane");
    });

    it("a file that is not a workbook leaves the current workbook and its findings as they were", async () => {
      const list = page.getByRole("list", { name: "校验结果" });
      const before = await list.getByRole("listitem").count();
      const bad = path.join(out, "草稿.xlsx");
      fs.writeFileSync(bad, "这不是工作簿");
      await page.locator('input[type="file"][aria-label="打开 .xlsx 文件"]').setInputFiles(bad);
      const alert = page.getByRole("alert");
      await alert.waitFor();
      const said = await alert.innerText();
      expect(said).toContain("草稿.xlsx");
      expect(said).not.toMatch(/。。/);
      expect(said.endsWith("。")).toBe(true);
      expect(await page.getByText(/当前文件：2021-天河区城管局-部门整体支出绩效自评表.xlsx/).count()).toBe(1);
      expect(await list.getByRole("listitem").count()).toBe(before);
      await page.getByRole("button", { name: "一键校验" }).click();
      await page.getByText(/已重新校验/).waitFor();
      expect(await page.getByText(/操作没有完成/).count()).toBe(0);
      expect(await list.getByRole("listitem").count()).toBe(before);
    });
  });
});
