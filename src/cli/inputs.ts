import * as fs from "fs";
import * as path from "path";

/** A file of a folder that is not checked, and why, in Chinese. */
export interface Skipped {
  file: string;
  why: string;
}

/** Why a file found in a folder is not checked; undefined when it is a workbook to check. */
export function skipReason(name: string): string | undefined {
  if (name.startsWith("~$")) return "Excel / WPS 打开文件时留下的临时文件，已忽略";
  if (name.startsWith(".~lock.")) return "LibreOffice 打开文件时留下的临时文件，已忽略";
  if (/\.bak(-\d+)?\.(xlsx|xlsm)$/i.test(name)) return "ZiPing 修正时保留的备份，已忽略";
  if (/\.(xlsx|xlsm)$/i.test(name)) return undefined;
  if (/\.xls$/i.test(name)) return "旧版 .xls 格式：请在 Excel 或 WPS 中打开，另存为「Excel 工作簿 (*.xlsx)」后再检查";
  if (/\.et$/i.test(name)) return "WPS 表格的 .et 格式：请在 WPS 中另存为 .xlsx 后再检查";
  if (/\.ods$/i.test(name)) return "OpenDocument 表格（.ods）：请另存为 .xlsx 后再检查";
  if (/\.xlsb$/i.test(name)) return "Excel 二进制工作簿（.xlsb）：请另存为 .xlsx 后再检查";
  if (/\.(csv|txt|pdf|docx?|wps|zip|rar|7z|png|jpe?g)$/i.test(name)) return "不是工作簿，已忽略";
  return "不是 .xlsx 文件，已忽略";
}

/**
 * Folders stand for the workbooks inside them (.xlsx and .xlsm); the other files of a folder are
 * listed as skipped, with why. A file named on the command line is always checked (and told apart
 * if it is not a workbook).
 */
export function expandInputs(inputs: string[]): { files: string[]; skipped: Skipped[] } {
  const files: string[] = [];
  const skipped: Skipped[] = [];
  for (const input of inputs) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(input);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
          const p = path.join(dir, entry.name);
          if (entry.isDirectory()) walk(p);
          else {
            const why = skipReason(entry.name);
            if (why === undefined) files.push(p);
            else if (!entry.name.startsWith(".") || entry.name.startsWith(".~lock.")) skipped.push({ file: p, why });
          }
        }
      };
      walk(input);
    } else files.push(input);
  }
  return { files, skipped };
}
