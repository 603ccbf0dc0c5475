/**
 * Reading an input workbook and committing a fix to disk (Node only). Every failure is a UserError in
 * Chinese that says what is wrong, what to do, and that the original is unchanged.
 *
 * API (for the CLI):
 *   const input = openXlsxFile("表.xlsx");          // { path, realPath, bytes, stat, pkg, snapshot }
 *   const host = new PackageHost(input.pkg, storage, "xlsx", path.basename(input.path));
 *   const outcome = await host.applyPatch(patch);
 *   const done = await commitFix(input, host.toBytes());                  // in place, with a backup
 *   const done = await commitFix(input, host.toBytes(), { output: "out.xlsx" });  // -o OUT
 *   // done: { target, backup?, inPlace, rewroteInode }
 *
 * In place: the real file behind any symlink is fixed (the link stays a link); an exclusive lock file
 * beside it (O_EXCL, holding the pid; a dead pid's lock is taken over) keeps two fixes apart, and the
 * file must still be what was read (size, mtime, inode) when it is replaced. The original is first
 * copied to NAME.bak.xlsx (then NAME.bak-2.xlsx …, never over an existing file), the new bytes go to a
 * temporary file in the same folder, every write and the fsync are checked, then it is renamed over the
 * target and the folder is fsynced. Mode and owner are kept; a hard-linked file (or one whose owner
 * cannot be kept by a rename) is rewritten through its own inode once backup and temporary file are
 * complete, so the link is not split. A read-only file is refused. SIGINT/SIGTERM before the rename
 * remove the temporary file and the backup made in this run.
 *
 * With `output`: only a regular file or a new path is written (a device, FIFO or folder is refused),
 * by the same temporary file, fsync and rename.
 */
import * as fs from "fs";
import * as path from "path";
import { WorkbookSnapshot } from "../../engine";
import { UserError } from "./errors";
import { OpenOptions, XlsxPackage } from "./package";

export interface FileStat {
  size: number;
  mtimeMs: number;
  ino: number;
  dev: number;
  mode: number;
  uid: number;
  gid: number;
  nlink: number;
}

export interface InputFile {
  /** The path as given. */
  path: string;
  /** The real file: symlinks followed. */
  realPath: string;
  bytes: Uint8Array;
  stat: FileStat;
}

export interface OpenedFile extends InputFile {
  pkg: XlsxPackage;
  snapshot: WorkbookSnapshot;
}

/** Files larger than this are not read at all: no form workbook comes near it. */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

function statOf(s: fs.Stats): FileStat {
  return { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino, dev: s.dev, mode: s.mode, uid: s.uid, gid: s.gid, nlink: s.nlink };
}

function kindOf(s: fs.Stats): string {
  if (s.isDirectory()) return "文件夹";
  if (s.isCharacterDevice() || s.isBlockDevice()) return "设备";
  if (s.isFIFO()) return "管道（FIFO）";
  if (s.isSocket()) return "套接字";
  return "特殊文件";
}

/** Reads an input file: symlinks followed, only regular files, with a message for each way it fails. */
export function readInputFile(file: string): InputFile {
  let realPath: string;
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
    if (st.isDirectory()) throw new UserError(`「${file}」是文件夹，不是文件。请给出 .xlsx 文件的路径。`);
    if (!st.isFile()) throw new UserError(`「${file}」是${kindOf(st)}，不是普通文件，无法作为工作簿读取。请给出 .xlsx 文件的路径。`);
    if (st.size > MAX_INPUT_BYTES) throw new UserError(`「${file}」有 ${Math.round(st.size / 1024 / 1024)} MB，远超自评表的大小，ZiPing 不读取。请确认选择的是自评表。`);
    realPath = fs.realpathSync(file);
  } catch (e) {
    throw readError(e, file);
  }
  let fd: number | undefined;
  try {
    fd = fs.openSync(realPath, "r");
    const fst = fs.fstatSync(fd);
    if (!fst.isFile()) throw new UserError(`「${file}」是${kindOf(fst)}，不是普通文件，无法作为工作簿读取。请给出 .xlsx 文件的路径。`);
    const bytes = Buffer.allocUnsafe(fst.size);
    let at = 0;
    while (at < bytes.length) {
      const n = fs.readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) break;
      at += n;
    }
    return { path: file, realPath, bytes: at === bytes.length ? bytes : bytes.subarray(0, at), stat: statOf(fst) };
  } catch (e) {
    throw readError(e, file);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function readError(e: unknown, file: string): UserError {
  if (e instanceof UserError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new UserError(`找不到文件「${file}」。请检查路径和文件名。`);
  if (code === "EACCES" || code === "EPERM") return new UserError(`没有权限读取「${file}」。请检查文件权限，或先复制到自己的目录。`);
  if (code === "ELOOP") return new UserError(`「${file}」是循环的符号链接，找不到真正的文件。请给出 .xlsx 文件本身的路径。`);
  if (code === "EISDIR") return new UserError(`「${file}」是文件夹，不是文件。请给出 .xlsx 文件的路径。`);
  return new UserError(`无法读取「${file}」（${code ?? "未知错误"}）。`);
}

/** Reads and opens a workbook file: the package, its snapshot, and what commitFix needs to write it back safely. */
export function openXlsxFile(file: string, options: OpenOptions = {}): OpenedFile {
  const input = readInputFile(file);
  const pkg = XlsxPackage.open(input.bytes, path.basename(file), options);
  return { ...input, pkg, snapshot: pkg.snapshot(path.basename(file)) };
}

/** The n-th backup name beside a file: 表.xlsx → 表.bak.xlsx, 表.bak-2.xlsx, … */
export function backupName(file: string, n = 1): string {
  const ext = path.extname(file);
  const base = path.basename(file, ext);
  return path.join(path.dirname(file), `${base}.bak${n > 1 ? `-${n}` : ""}${ext || ".xlsx"}`);
}

export interface CommitOptions {
  /** Write here (-o) instead of in place. */
  output?: string;
  /** For tests: the write call, to simulate a full disk. */
  writeSync?: (fd: number, buffer: Uint8Array, offset: number, length: number) => number;
}

export interface CommitResult {
  /** The file written (the real file behind any symlink). */
  target: string;
  /** The backup of the original, when fixed in place. */
  backup?: string;
  inPlace: boolean;
  /** True when the file was rewritten through its own inode (hard link, or to keep its owner). */
  rewroteInode: boolean;
}

/** What is cleaned up if the commit does not get through, and by a signal. */
interface Pending {
  temp?: string;
  backup?: string;
  lock?: string;
  committed: boolean;
}

function writeAll(fd: number, bytes: Uint8Array, write: NonNullable<CommitOptions["writeSync"]>, position?: number): void {
  let at = 0;
  while (at < bytes.length) {
    const n = position === undefined ? write(fd, bytes, at, bytes.length - at) : fs.writeSync(fd, bytes, at, bytes.length - at, position + at);
    if (!(n > 0)) throw Object.assign(new Error("short write"), { code: "EIO" });
    at += n;
  }
}

function sameFile(a: FileStat, b: fs.Stats): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino && a.dev === b.dev;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

const LOCK_STALE_UNREADABLE_MS = 60_000;

/** Takes the lock beside `target`, or throws a UserError naming who holds it. */
function takeLock(target: string, shown: string): string {
  const lock = path.join(path.dirname(target), `.${path.basename(target)}.ziping-lock`);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lock, "wx", 0o600);
      try {
        fs.writeSync(fd, `${process.pid}\n`);
      } finally {
        fs.closeSync(fd);
      }
      return lock;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    let content = "";
    let age = 0;
    try {
      content = fs.readFileSync(lock, "utf8");
      age = Date.now() - fs.statSync(lock).mtimeMs;
    } catch {
      continue; // released meanwhile: try again
    }
    const pid = parseInt(content, 10);
    const stale = Number.isFinite(pid) ? !pidAlive(pid) : age > LOCK_STALE_UNREADABLE_MS;
    if (!stale) {
      throw new UserError(`「${shown}」正在由另一个 ZiPing 进程${Number.isFinite(pid) ? `（pid ${pid}）` : ""}修正。请等它完成后再试；原文件未改动。`, "output");
    }
    // A lock left by a process that is gone: take it over, if it is still that one.
    try {
      if (fs.readFileSync(lock, "utf8") === content) fs.unlinkSync(lock);
    } catch {
      /* someone else took it over first; the next attempt sees theirs */
    }
  }
  throw new UserError(`「${shown}」的锁文件无法取得。请稍后再试；原文件未改动。`, "output");
}

function removeQuietly(file: string | undefined): void {
  if (!file) return;
  try {
    fs.unlinkSync(file);
  } catch {
    /* already gone */
  }
}

function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, "r");
    fs.fsyncSync(fd);
  } catch (e) {
    // Some file systems cannot fsync a folder; the rename itself has been done.
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "EINVAL" && code !== "EISDIR" && code !== "ENOTSUP" && code !== "EPERM" && code !== "EBADF") throw e;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function writeError(e: unknown, target: string): UserError {
  if (e instanceof UserError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === "ENOENT" || code === "ENOTDIR" ? "目录不存在"
    : code === "EACCES" || code === "EPERM" || code === "EROFS" ? "没有写入权限"
    : code === "ENOSPC" || code === "EDQUOT" ? "磁盘已满"
    : code === "EBUSY" || code === "ETXTBSY" ? "文件正被其他程序（如 Excel）占用"
    : code === "EIO" ? "写入出错（磁盘或网络盘故障）"
    : `写入失败（${code ?? "未知错误"}）`;
  return new UserError(`无法写入「${target}」：${why}。原文件未改动；请换一个位置（-o）或关闭占用该文件的程序后重试。`, "output");
}

/** A pause before the rename, for the test that sends SIGINT at the moment of writing (never set outside tests). */
async function testPause(): Promise<void> {
  const ms = Number(process.env.ZIPING_TEST_PAUSE_BEFORE_RENAME_MS);
  if (ms > 0) {
    process.stderr.write("ZIPING_TEST_PAUSED\n");
    await new Promise((r) => setTimeout(r, ms));
  }
}

/**
 * Writes the fixed bytes: in place (with a backup) or to `options.output`. Resolves when the new file
 * is on disk (written, fsynced, renamed, folder fsynced); rejects with a UserError otherwise, leaving
 * the original as it was and no temporary file behind.
 */
export async function commitFix(input: InputFile, bytes: Uint8Array, options: CommitOptions = {}): Promise<CommitResult> {
  const write = options.writeSync ?? ((fd, b, o, l) => fs.writeSync(fd, b, o, l));
  let target = input.realPath;
  let inPlace = true;
  let expect: FileStat | undefined = input.stat;
  let shown = input.path;
  if (options.output !== undefined) {
    shown = options.output;
    const out = path.resolve(options.output);
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(out);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT" && fs.lstatSync(out, { throwIfNoEntry: false })?.isSymbolicLink()) {
        throw new UserError(`「${shown}」是指向不存在文件的符号链接，不能写入。请用 -o 给出普通文件的路径；原文件未改动。`, "output");
      }
      if (code !== "ENOENT") throw writeError(e, shown);
    }
    if (st && !st.isFile()) {
      throw new UserError(`「${shown}」是${kindOf(st)}，不是普通文件，ZiPing 不会写入它。请用 -o 给出一个普通文件或新文件的路径；原文件未改动。`, "output");
    }
    if (st && st.ino === input.stat.ino && st.dev === input.stat.dev) {
      // -o naming the input itself is a fix in place, with its backup.
      target = input.realPath;
    } else {
      inPlace = false;
      expect = st ? statOf(st) : undefined;
      target = st ? fs.realpathSync(out) : out;
    }
  }
  const dir = path.dirname(target);
  if (expect && (expect.mode & 0o222) === 0) {
    throw new UserError(`「${shown}」是只读文件，ZiPing 不会改写它。如需修正，请先取消只读属性，或用 -o 另存一份；原文件未改动。`, "output");
  }
  if (expect) {
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch {
      throw new UserError(`没有权限写入「${shown}」。请检查文件权限，或用 -o 另存一份；原文件未改动。`, "output");
    }
  }

  const pending: Pending = { committed: false };
  const onSignal = (signal: NodeJS.Signals) => {
    if (!pending.committed) {
      removeQuietly(pending.temp);
      removeQuietly(pending.backup);
    }
    removeQuietly(pending.lock);
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
    // Die of the same signal, as the default handler would have.
    process.kill(process.pid, signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  let rewroteInode = false;
  try {
    try {
      pending.lock = takeLock(target, shown);
    } catch (e) {
      throw e instanceof UserError ? e : writeError(e, shown);
    }
    const check = () => {
      if (!expect) {
        if (fs.existsSync(target)) throw new UserError(`「${shown}」在修正期间被创建了。为免覆盖，未写入；请重新运行。`, "output");
        return;
      }
      let now: fs.Stats;
      try {
        now = fs.statSync(target);
      } catch {
        throw new UserError(`「${shown}」在读取之后被移动或删除了。为免丢失内容，未写入；请重新运行。`, "output");
      }
      if (!sameFile(expect, now)) throw new UserError(`「${shown}」在读取之后被修改了（可能是另一个程序或另一次修正）。为免覆盖，未写入；请重新运行检查。原文件未改动。`, "output");
    };
    check();
    const mode = expect ? expect.mode & 0o7777 : 0o666;
    const keepOwner = (fd: number) => {
      if (!expect) return true;
      const me = fs.fstatSync(fd);
      if (me.uid === expect.uid && me.gid === expect.gid) return true;
      try {
        fs.fchownSync(fd, expect.uid, expect.gid);
        return true;
      } catch {
        return false;
      }
    };
    try {
      if (inPlace) {
        // The backup holds exactly the bytes read (the file was checked unchanged since).
        for (let n = 1; ; n++) {
          const name = backupName(target, n);
          let fd: number;
          try {
            fd = fs.openSync(name, "wx", mode);
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code === "EEXIST") continue;
            throw e;
          }
          pending.backup = name;
          try {
            writeAll(fd, input.bytes, write);
            fs.fchmodSync(fd, mode);
            keepOwner(fd);
            fs.fsyncSync(fd);
          } finally {
            fs.closeSync(fd);
          }
          break;
        }
      }
      const temp = path.join(dir, `.${path.basename(target)}.ziping-${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
      const fd = fs.openSync(temp, "wx", mode);
      pending.temp = temp;
      let ownerKept: boolean;
      try {
        writeAll(fd, bytes, write);
        if (expect) fs.fchmodSync(fd, mode);
        ownerKept = keepOwner(fd);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      // A signal that came during the writes is handled here, before anything is replaced.
      await new Promise((r) => setImmediate(r));
      await testPause();
      check();
      if (expect && (expect.nlink > 1 || !ownerKept)) {
        // Rewrite through the file's own inode: a hard link stays one file, the owner stays the owner.
        rewroteInode = true;
        const tfd = fs.openSync(target, "r+");
        try {
          try {
            writeAll(tfd, bytes, write, 0);
            fs.ftruncateSync(tfd, bytes.length);
            fs.fsyncSync(tfd);
          } catch (e) {
            // Put the original back (it is also in the backup) before reporting.
            try {
              writeAll(tfd, input.bytes, (f, b, o, l) => fs.writeSync(f, b, o, l), 0);
              fs.ftruncateSync(tfd, input.bytes.length);
              fs.fsyncSync(tfd);
            } catch {
              /* the backup holds it */
            }
            throw e;
          }
        } finally {
          fs.closeSync(tfd);
        }
        pending.committed = true;
        removeQuietly(temp);
        pending.temp = undefined;
      } else {
        fs.renameSync(temp, target);
        pending.committed = true;
        pending.temp = undefined;
      }
      fsyncDir(dir);
    } catch (e) {
      throw writeError(e, shown);
    }
    return { target, backup: pending.backup, inPlace, rewroteInode };
  } catch (e) {
    if (!pending.committed) {
      removeQuietly(pending.temp);
      removeQuietly(pending.backup);
    }
    throw e;
  } finally {
    removeQuietly(pending.lock);
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  }
}

/**
 * Writes a small file of ZiPing's own (a wording library, a report) without leaving it half-written:
 * a temporary file in the same folder, fsynced, then renamed over the target. Only a regular file or
 * a new path is written.
 */
export function writeFileSafely(target: string, data: Uint8Array | string): void {
  const out = path.resolve(target);
  const st = fs.statSync(out, { throwIfNoEntry: false });
  if (st && !st.isFile()) throw new UserError(`「${target}」是${kindOf(st)}，不是普通文件，ZiPing 不会写入它。请换一个文件名。`, "output");
  const real = st ? fs.realpathSync(out) : out;
  const temp = path.join(path.dirname(real), `.${path.basename(real)}.ziping-${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, "wx", st ? st.mode & 0o7777 : 0o666);
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    writeAll(fd, bytes, (f, b, o, l) => fs.writeSync(f, b, o, l));
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, real);
    fsyncDir(path.dirname(real));
  } catch (e) {
    if (fd !== undefined) fs.closeSync(fd);
    removeQuietly(temp);
    throw writeError(e, target);
  }
}
