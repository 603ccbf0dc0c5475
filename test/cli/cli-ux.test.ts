import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { run } from "../helpers/cli";
import { EXAMPLE } from "../helpers/example";
import { buildForm, withSpec } from "../helpers/formBuilder";
import { xlsxBytes } from "../helpers/toXlsx";

const BIN = path.join(__dirname, "..", "..", "bin", "ziping.js");
let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-ux-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("the command line as a finance officer meets it", () => {
  it("helps in Chinese throughout, for the program and each command", async () => {
    for (const args of [["--help"], ["check", "--help"], ["fix", "--help"], ["suggest", "--help"], ["layouts", "--help"]]) {
      const r = await run(...args);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^用法：/);
      expect(r.out).toContain("选项：");
      expect(r.out).not.toMatch(/Usage|Options|Commands|Arguments|\[options\]|display help/);
    }
    expect((await run("--help")).out).toContain("命令：");
  });

  it("leaves rule ids out unless --verbose asks for them", async () => {
    const plain = await run("check", EXAMPLE);
    expect(plain.out).not.toMatch(/\[[a-z]+(-[a-z0-9]+)+\]/);
    const verbose = await run("check", EXAMPLE, "--verbose");
    expect(verbose.out).toContain("[task-numbering]");
  });

  it("shows a fix as the sheet shows its values", async () => {
    const file = path.join(tmp, "表.xlsx");
    fs.writeFileSync(file, await xlsxBytes(buildForm(withSpec({ completionRate: { v: 0.9, fmt: "0.00%" } }))));
    const r = await run("check", file);
    expect(r.out).toContain("（可自动修正：D7：90.00% → 95.00%）");
  });

  it("lists the files of a folder it did not check, and why", async () => {
    fs.copyFileSync(EXAMPLE, path.join(tmp, "本级.xlsx"));
    fs.writeFileSync(path.join(tmp, "下属单位.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    fs.writeFileSync(path.join(tmp, "~$本级.xlsx"), "lock");
    fs.writeFileSync(path.join(tmp, "说明.docx"), "x");
    const r = await run("check", tmp);
    expect(r.out).toContain("跳过 3 个文件：");
    expect(r.out).toContain(`${path.join(tmp, "下属单位.xls")}：旧版 .xls 格式：请在 Excel 或 WPS 中打开，另存为「Excel 工作簿 (*.xlsx)」后再检查`);
    expect(r.out).toContain(`${path.join(tmp, "~$本级.xlsx")}：Excel / WPS 打开文件时留下的临时文件，已忽略`);
    expect(r.out).toContain("说明.docx：不是工作簿，已忽略");
  });

  it("ends quietly when the reader of its output goes away (| head -1)", () => {
    for (let i = 0; i < 30; i++) fs.copyFileSync(EXAMPLE, path.join(tmp, `表${i}.xlsx`));
    for (const args of [["check", tmp], ["layouts"]]) {
      const r = spawnSync("sh", ["-c", `node "${BIN}" ${args.map((a) => `"${a}"`).join(" ")} | head -1`], { encoding: "utf8" });
      expect(r.stdout.split("\n").filter(Boolean)).toHaveLength(1);
      expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
    }
  });
});
