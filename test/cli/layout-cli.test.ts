import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../helpers/cli";
import { xlsxBytes } from "../helpers/toXlsx";
import { COUNTY_LAYOUT, countyForm } from "../helpers/countyForm";

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-layout-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const LAYOUT = COUNTY_LAYOUT;

async function localForm(): Promise<string> {
  const file = path.join(tmp, "专项.xlsx");
  fs.writeFileSync(file, await xlsxBytes(countyForm()));
  return file;
}

describe("--layout", () => {
  it("reads a county's own form by its declaration, and finds what its words hid", async () => {
    const file = await localForm();
    const layout = path.join(tmp, "本县式样.json");
    fs.writeFileSync(layout, JSON.stringify(LAYOUT, null, 2));
    const without = await run("check", file);
    expect(without.out).toContain("不是认识的栏目");
    const r = await run("check", file, "--layout", layout);
    expect(r.out).toContain("某县专项资金绩效自评表「农村公路养护」");
    // 80 of 100 km scored full: read only with the county's words.
    expect(r.out).toMatch(/强制 +H6 +「养护里程」的得分应为 40\.00/);
    expect(r.code).toBe(1);
  });

  it("tells what is wrong in a declaration, naming the field, and reads nothing", async () => {
    const file = await localForm();
    const layout = path.join(tmp, "错的.json");
    fs.writeFileSync(layout, JSON.stringify({ ...LAYOUT, scoring: { ...LAYOUT.scoring, indicators: "比例" } }));
    const r = await run("check", file, "--layout", layout);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`表格式样有误，${layout}：「scoring.indicators」应为`);
    expect(r.err).not.toMatch(/at .*\.js/);
    expect(r.out).toBe("");
  });

  it("ziping layouts lists the built-in families and a user's own first", async () => {
    const layout = path.join(tmp, "本县式样.json");
    fs.writeFileSync(layout, JSON.stringify(LAYOUT));
    const r = await run("layouts", "--layout", layout);
    expect(r.code).toBe(0);
    const ids = [...r.out.matchAll(/^ {2}([a-z0-9-]+) {2}/gm)].map((m) => m[1]);
    expect(ids[0]).toBe("xx-county-special");
    expect(ids).toEqual(expect.arrayContaining(["guangzhou-department", "national-2020-project", "sichuan-project", "yunnan-project", "chongqing-department", "goals-only"]));
    expect(r.out).toContain("自定 · 项目支出");
    expect(r.out).toContain("来源：某县财政局 2023 年通知附件");
  });
});
