import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCheck as runCheckHere } from "../../src/cli/main";
import { EXAMPLE } from "../helpers/example";
import { buildForm, otherSheet, withSpec } from "../helpers/formBuilder";
import { xlsxBytes } from "../helpers/toXlsx";

/**
 * A folder is checked on a thread of its own (src/cli/checkThread.ts) while the next files are read.
 * A worker thread runs compiled JavaScript, so these tests run the compiled CLI (npm test builds it
 * first) and compare it, file by file and line by line, with the engine run in this process.
 */
const DIST = path.join(__dirname, "..", "..", "dist", "cli");
type RunCheck = typeof runCheckHere;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const compiled = (): { runCheck: RunCheck } => require(path.join(DIST, "main.js"));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const compiledThread = () => require(path.join(DIST, "checkThread.js")).CheckThread;

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-thread-"));
  // More files than are read ahead of the thread (32), so reading waits for the thread at times:
  // the seed's form, forms with errors, one on a second sheet, and files that cannot be used.
  const forms: [string, Uint8Array | Buffer][] = [];
  for (let i = 0; i < 30; i++) forms.push([`表${String(i).padStart(2, "0")}.xlsx`, fs.readFileSync(EXAMPLE)]);
  forms.push(["表30-调整数有误.xlsx", await xlsxBytes(buildForm(withSpec({ adjustment: 150 })))]);
  forms.push(["表31-第二页.xlsx", await xlsxBytes(buildForm(withSpec({ department: "某某局" }), [otherSheet()]))]);
  forms.push(["表32-不是表格.xlsx", Buffer.from("这不是 Excel 文件")]);
  forms.push(["表33-空文件.xlsx", Buffer.alloc(0)]);
  forms.push(["表34-无任务.xlsx", await xlsxBytes(buildForm(withSpec({ tasks: [] })))]);
  forms.push(["表35-实际支出超出.xlsx", await xlsxBytes(buildForm(withSpec({ actual: 1e9 })))]);
  for (const [name, bytes] of forms) fs.writeFileSync(path.join(dir, name), bytes);
}, 60000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function capture(runCheck: RunCheck, json: boolean, thread?: "always") {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCheck([dir], { json, thread }, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe("checking a folder on the check thread", () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(DIST, "checkWorker.js"))) throw new Error("dist/cli 未编译：请用 npm test（它先编译），或先运行 npm run build:cli");
  });

  it.each([false, true])("prints exactly what checking in this process prints (json: %s)", async (json) => {
    const here = await capture(runCheckHere, json);
    const onThread = await capture(compiled().runCheck, json, "always");
    expect(onThread.out).toEqual(here.out);
    expect(onThread.err).toEqual(here.err);
    expect(onThread.code).toBe(here.code);
    // The folder really went through: every file reported, in order, the unusable ones too.
    expect(here.code).toBe(2);
    if (json) {
      const files = here.out.map((l) => path.basename(JSON.parse(l).file));
      expect(files).toEqual(fs.readdirSync(dir).sort((a, b) => a.localeCompare(b)));
    } else {
      expect(here.out.join("\n")).toContain("共 36 个文件");
      expect(here.err.join("\n")).toContain("表32-不是表格.xlsx");
    }
  }, 60000);

  it("a failure of the engine on the thread comes back as that file's error, and the thread goes on", async () => {
    const thread = compiledThread().get("always");
    const broken = await thread.check("坏.xlsx", { sheets: null }, {});
    expect(broken.error).toBeInstanceOf(Error);
    expect(broken.error.message).toMatch(/null|undefined/);
    const ok = await thread.check("好.xlsx", buildForm(withSpec({})), { json: true });
    expect(ok.report.code).toBe(0);
    expect(JSON.parse(ok.report.out[0]).model.indicators.length).toBeGreaterThan(0);
  });
});
