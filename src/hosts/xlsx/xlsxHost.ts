import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { UserError } from "./errors";
import { loadWorkbook } from "./workbook";

export { snapshotWorksheet, snapshotWorkbook, loadWorkbook, applyPatchToWorkbook } from "./workbook";
export type { PatchOutcome } from "./workbook";

export async function readWorkbookFile(file: string): Promise<ExcelJS.Workbook> {
  let buf: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new UserError(`「${file}」是文件夹，不是文件。请给出 .xlsx 文件的路径。`);
    buf = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof UserError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError(`找不到文件「${file}」。请检查路径和文件名。`);
    if (code === "EACCES" || code === "EPERM") throw new UserError(`没有权限读取「${file}」。请检查文件权限，或先复制到自己的目录。`);
    throw new UserError(`无法读取「${file}」（${code ?? "未知错误"}）。`);
  }
  return loadWorkbook(buf, path.basename(file));
}

/** The backup kept beside a file fixed in place: 表.xlsx → 表.bak.xlsx. */
export function backupPathFor(file: string): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}.bak${ext || ".xlsx"}`);
}

/**
 * Writes the workbook without ever leaving a half-written file: the bytes are produced in memory,
 * written to a temporary file beside the target and renamed over it. With `backupOf`, the original
 * file is copied beside it first.
 */
export async function writeWorkbookAtomic(wb: ExcelJS.Workbook, target: string, backupOf?: string): Promise<void> {
  let bytes: Buffer;
  try {
    bytes = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  } catch {
    throw new UserError(`无法生成「${path.basename(target)}」的内容，原文件未改动。`, "output");
  }
  writeFileAtomic(target, bytes, backupOf);
}

/**
 * Writes a file without ever leaving it half-written: to a temporary file beside the target, then a
 * rename. With `backupOf`, that file is first copied beside itself (表.xlsx → 表.bak.xlsx).
 */
export function writeFileAtomic(target: string, bytes: Buffer | string, backupOf?: string): void {
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const st = fs.statSync(dir);
    if (!st.isDirectory()) throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
    if (backupOf) fs.copyFileSync(backupOf, backupPathFor(backupOf));
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, target);
  } catch (e) {
    try {
      if (fs.existsSync(tmp)) fs.unlinkSync(tmp);
    } catch {
      /* the temporary file could not be removed either; nothing more to do */
    }
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" || code === "ENOTDIR" ? "目录不存在" : code === "EACCES" || code === "EPERM" || code === "EROFS" ? "没有写入权限" : code === "ENOSPC" ? "磁盘已满" : code === "EBUSY" ? "文件正被其他程序（如 Excel）占用" : `写入失败（${code ?? "未知错误"}）`;
    throw new UserError(`无法写入「${target}」：${why}。原文件未改动；请换一个位置（-o）或关闭占用该文件的程序后重试。`, "output");
  }
}
