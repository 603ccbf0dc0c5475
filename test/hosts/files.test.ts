/**
 * Reading input files and committing a fix to disk (src/hosts/xlsx/files.ts): each way the file system
 * can surprise a fix, and that the original is never lost.
 */
import { execFileSync, spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CommitOptions, commitFix, openXlsxFile, readInputFile } from "../../src/hosts/xlsx/files";
import { EXAMPLE } from "../helpers/example";

const CHILD = path.join(__dirname, "..", "helpers", "fixChild.js");
const ORIGINAL = fs.readFileSync(EXAMPLE);
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-files-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function copy(name = "表.xlsx", mode = 0o644): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, ORIGINAL, { mode });
  fs.chmodSync(file, mode);
  return file;
}

/** A fix of A1, as the CLI will make it. */
async function fix(file: string, output?: string, writeSync?: CommitOptions["writeSync"]) {
  const input = openXlsxFile(file);
  input.pkg.applyPatch({ changes: [{ cell: { sheet: 0, row: 0, col: 0 }, expected: { value: input.snapshot.sheets[0].cells[0][0]!.v }, value: "已修正", source: "test" }] });
  return commitFix(input, input.pkg.toBytes(), { output, writeSync });
}

const a1 = (file: string) => openXlsxFile(file).snapshot.sheets[0].cells[0][0]!.v;
/** Files left in the folder besides the given ones: temporary files, locks, stray backups. */
const leftovers = (...expected: string[]) => fs.readdirSync(dir).filter((f) => !expected.includes(f)).sort();

describe("reading an input file", () => {
  it("refuses a folder, a FIFO and a missing file with a message", () => {
    expect(() => readInputFile(dir)).toThrow(/是文件夹，不是文件/);
    const fifo = path.join(dir, "管道.xlsx");
    execFileSync("mkfifo", [fifo]);
    expect(() => readInputFile(fifo)).toThrow(/是管道（FIFO），不是普通文件/);
    expect(() => readInputFile(path.join(dir, "没有.xlsx"))).toThrow(/找不到文件/);
  });

  it("follows a symlink to the real file", () => {
    const file = copy();
    const link = path.join(dir, "链接.xlsx");
    fs.symlinkSync(file, link);
    const input = readInputFile(link);
    expect(input.realPath).toBe(fs.realpathSync(file));
    expect(Buffer.from(input.bytes).equals(ORIGINAL)).toBe(true);
  });
});

describe("fixing in place", () => {
  it("backs up the original, writes the fix, leaves nothing else behind", async () => {
    const file = copy();
    const done = await fix(file);
    expect(done).toEqual({ target: fs.realpathSync(file), backup: path.join(fs.realpathSync(dir), "表.bak.xlsx"), inPlace: true, rewroteInode: false });
    expect(fs.readFileSync(done.backup!).equals(ORIGINAL)).toBe(true);
    expect(a1(file)).toBe("已修正");
    expect(leftovers("表.xlsx", "表.bak.xlsx")).toEqual([]);
  });

  it("never overwrites an existing backup: .bak-2, .bak-3", async () => {
    const file = copy();
    fs.writeFileSync(path.join(dir, "表.bak.xlsx"), "an older backup");
    await fix(file);
    expect(fs.readFileSync(path.join(dir, "表.bak.xlsx"), "utf8")).toBe("an older backup");
    expect(fs.readFileSync(path.join(dir, "表.bak-2.xlsx")).equals(ORIGINAL)).toBe(true);
    const second = await fix(copy());
    expect(second.backup).toBe(path.join(fs.realpathSync(dir), "表.bak-3.xlsx"));
  });

  it("keeps mode 600 (file and backup) and the owner", async () => {
    const file = copy("表.xlsx", 0o600);
    const owned = process.getuid?.() === 0;
    if (owned) fs.chownSync(file, 1234, 2345);
    await fix(file);
    const st = fs.statSync(file);
    expect(st.mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(dir, "表.bak.xlsx")).mode & 0o777).toBe(0o600);
    if (owned) {
      expect([st.uid, st.gid]).toEqual([1234, 2345]);
      expect([fs.statSync(path.join(dir, "表.bak.xlsx")).uid]).toEqual([1234]);
    }
  });

  it("refuses a read-only file, writing nothing", async () => {
    const file = copy("表.xlsx", 0o444);
    await expect(fix(file)).rejects.toThrow(/「.*表.xlsx」是只读文件，ZiPing 不会改写它.*原文件未改动/);
    expect(fs.readFileSync(file).equals(ORIGINAL)).toBe(true);
    expect(leftovers("表.xlsx")).toEqual([]);
  });

  it("fixes a symlink's target; the link stays a link", async () => {
    const sub = path.join(dir, "真");
    fs.mkdirSync(sub);
    const target = path.join(sub, "表.xlsx");
    fs.writeFileSync(target, ORIGINAL);
    const link = path.join(dir, "链接.xlsx");
    fs.symlinkSync(target, link);
    const done = await fix(link);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(done.target).toBe(fs.realpathSync(target));
    expect(a1(target)).toBe("已修正");
    expect(fs.readFileSync(path.join(sub, "表.bak.xlsx")).equals(ORIGINAL)).toBe(true);
  });

  it("keeps a hard link: both names still show one file, fixed", async () => {
    const file = copy();
    const other = path.join(dir, "另一个名字.xlsx");
    fs.linkSync(file, other);
    const ino = fs.statSync(file).ino;
    const done = await fix(file);
    expect(done.rewroteInode).toBe(true);
    expect(fs.statSync(file).ino).toBe(ino);
    expect(fs.statSync(other).ino).toBe(ino);
    expect(fs.statSync(file).nlink).toBe(2);
    expect(a1(other)).toBe("已修正");
    expect(fs.readFileSync(path.join(dir, "表.bak.xlsx")).equals(ORIGINAL)).toBe(true);
    expect(leftovers("表.xlsx", "表.bak.xlsx", "另一个名字.xlsx")).toEqual([]);
  });

  it("a full disk (ENOSPC on write): no temporary file, no backup of this run, the original intact", async () => {
    const file = copy();
    let failed = false;
    const failing = (fd: number, b: Uint8Array, o: number, l: number) => {
      // The backup (the original's bytes) gets written; the fixed file's second write fails as a full disk does.
      const isBackup = Buffer.from(b.buffer, b.byteOffset, b.length).equals(ORIGINAL);
      if (!isBackup && o > 0) {
        failed = true;
        throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
      }
      return fs.writeSync(fd, b, o, Math.min(l, 4096));
    };
    await expect(fix(file, undefined, failing)).rejects.toThrow(/无法写入.*磁盘已满。原文件未改动/);
    expect(failed).toBe(true);
    expect(fs.readFileSync(file).equals(ORIGINAL)).toBe(true);
    expect(leftovers("表.xlsx")).toEqual([]);
  });

  it("a real full file system (a tiny tmpfs), when one can be mounted", async () => {
    const mnt = path.join(dir, "mnt");
    fs.mkdirSync(mnt);
    const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=48k", "tmpfs", mnt]).status === 0;
    if (!mounted) {
      console.warn("跳过 tmpfs 的磁盘已满测试：无法挂载 tmpfs（需要 root 和 CAP_SYS_ADMIN）。");
      return;
    }
    try {
      const file = path.join(mnt, "表.xlsx");
      fs.writeFileSync(file, ORIGINAL);
      // 48k: the original (18k) and its backup fit, the fixed copy does not.
      await expect(fix(file)).rejects.toThrow(/磁盘已满。原文件未改动/);
      expect(fs.readFileSync(file).equals(ORIGINAL)).toBe(true);
      expect(fs.readdirSync(mnt)).toEqual(["表.xlsx"]);
    } finally {
      spawnSync("umount", [mnt]);
    }
  });

  it("refuses a file changed between reading and writing", async () => {
    const file = copy();
    const input = openXlsxFile(file);
    input.pkg.applyPatch({ changes: [{ cell: { sheet: 0, row: 0, col: 0 }, expected: { value: input.snapshot.sheets[0].cells[0][0]!.v }, value: "x", source: "test" }] });
    fs.appendFileSync(file, " "); // someone saved it meanwhile
    await expect(commitFix(input, input.pkg.toBytes())).rejects.toThrow(/在读取之后被修改了.*未写入/);
    expect(leftovers("表.xlsx")).toEqual([]);
  });

  it("takes over the lock of a process that is gone", async () => {
    const file = copy();
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
    fs.writeFileSync(path.join(dir, ".表.xlsx.ziping-lock"), `${dead}\n`);
    await fix(file);
    expect(a1(file)).toBe("已修正");
    expect(leftovers("表.xlsx", "表.bak.xlsx")).toEqual([]);
  });

  it("refuses while a live process holds the lock", async () => {
    const file = copy();
    fs.writeFileSync(path.join(dir, ".表.xlsx.ziping-lock"), `${process.ppid}\n`);
    await expect(fix(file)).rejects.toThrow(/正在由另一个 ZiPing 进程（pid \d+）修正.*原文件未改动/);
    expect(fs.readFileSync(file).equals(ORIGINAL)).toBe(true);
  });
});

describe("fixing to another file (-o)", () => {
  it("refuses /dev/full, a FIFO and a folder; nothing is replaced", async () => {
    const file = copy();
    await expect(fix(file, "/dev/full")).rejects.toThrow(/「\/dev\/full」是设备，不是普通文件，ZiPing 不会写入它.*原文件未改动/);
    expect(fs.statSync("/dev/full").isCharacterDevice()).toBe(true);
    const fifo = path.join(dir, "管道");
    execFileSync("mkfifo", [fifo]);
    await expect(fix(file, fifo)).rejects.toThrow(/是管道（FIFO），不是普通文件/);
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
    await expect(fix(file, dir)).rejects.toThrow(/是文件夹，不是普通文件/);
    expect(leftovers("表.xlsx", "管道")).toEqual([]);
  });

  it("writes a new file, or replaces a regular one keeping its mode; the input is untouched", async () => {
    const file = copy();
    const out = path.join(dir, "新.xlsx");
    const done = await fix(file, out);
    expect(done).toEqual({ target: out, backup: undefined, inPlace: false, rewroteInode: false });
    expect(a1(out)).toBe("已修正");
    fs.chmodSync(out, 0o640);
    await fix(file, out);
    expect(fs.statSync(out).mode & 0o777).toBe(0o640);
    expect(fs.readFileSync(file).equals(ORIGINAL)).toBe(true);
    expect(leftovers("表.xlsx", "新.xlsx")).toEqual([]);
  });

  it("refuses a folder that does not exist, with the original unchanged", async () => {
    const file = copy();
    await expect(fix(file, path.join(dir, "没有", "x.xlsx"))).rejects.toThrow(/无法写入.*目录不存在。原文件未改动/);
  });
});

/** Runs the fix child; resolves with its JSON result once it exits. `onStderr` sees its progress lines. */
function child(file: string, env: Record<string, string> = {}, onStderr?: (line: string) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; result: Record<string, unknown> }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CHILD, file], { env: { ...process.env, ...env } });
    let out = "";
    p.stdout.on("data", (d) => (out += d));
    p.stderr.on("data", (d) => String(d).split("\n").forEach((l) => l && onStderr?.(l)));
    (child as unknown as { last: typeof p }).last = p;
    p.on("exit", (code, signal) => resolve({ code, signal, result: out ? JSON.parse(out) : {} }));
  });
}

describe("two fixes at once, and Ctrl-C", () => {
  it("a second fix while the first holds the lock refuses; the backup keeps the original", async () => {
    const file = copy();
    let paused!: () => void;
    const isPaused = new Promise<void>((r) => (paused = r));
    const first = child(file, { ZIPING_TEST_PAUSE_BEFORE_RENAME_MS: "4000" }, (l) => l === "ZIPING_TEST_PAUSED" && paused());
    await isPaused;
    const second = await child(file);
    expect(second.code).toBe(2);
    expect(String(second.result.error)).toMatch(/正在由另一个 ZiPing 进程（pid \d+）修正/);
    const one = await first;
    expect(one.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "表.bak.xlsx")).equals(ORIGINAL)).toBe(true);
    expect(a1(file)).toBe(`fixed by ${one.result.pid}`);
    expect(leftovers("表.xlsx", "表.bak.xlsx")).toEqual([]);
  }, 30000);

  it("a fix of a file another fix replaced since it was read refuses; nothing is lost", async () => {
    const file = copy();
    const flag = path.join(os.tmpdir(), `ziping-go-${process.pid}-${Date.now()}`);
    let read!: () => void;
    const hasRead = new Promise<void>((r) => (read = r));
    const late = child(file, { ZIPING_CHILD_WAIT_FILE: flag }, (l) => l === "ZIPING_CHILD_READ" && read());
    await hasRead;
    const early = await child(file);
    expect(early.code).toBe(0);
    fs.writeFileSync(flag, "go");
    const second = await late;
    fs.rmSync(flag, { force: true });
    expect(second.code).toBe(2);
    expect(String(second.result.error)).toMatch(/在读取之后被修改了/);
    expect(fs.readFileSync(path.join(dir, "表.bak.xlsx")).equals(ORIGINAL)).toBe(true);
    expect(a1(file)).toBe(`fixed by ${early.result.pid}`);
    expect(leftovers("表.xlsx", "表.bak.xlsx")).toEqual([]);
  }, 30000);

  it("SIGINT at the moment of writing leaves no temporary file and no backup behind", async () => {
    const file = copy();
    const run = child(file, { ZIPING_TEST_PAUSE_BEFORE_RENAME_MS: "10000" }, (l) => {
      if (l === "ZIPING_TEST_PAUSED") {
        // The backup and the temporary file exist now.
        expect(leftovers("表.xlsx").some((f) => f.endsWith(".tmp"))).toBe(true);
        (child as unknown as { last: { kill(s: string): void } }).last.kill("SIGINT");
      }
    });
    const done = await run;
    expect(done.signal).toBe("SIGINT");
    expect(fs.readFileSync(file).equals(ORIGINAL)).toBe(true);
    expect(leftovers("表.xlsx")).toEqual([]);
  }, 30000);
});
