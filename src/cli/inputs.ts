import * as fs from "fs";
import * as path from "path";

/** Folders stand for the .xlsx files inside them (Excel's ~$ lock files and ZiPing's backups left out). */
export function expandInputs(inputs: string[]): string[] {
  const files: string[] = [];
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
          else if (/\.xlsx$/i.test(entry.name) && !entry.name.startsWith("~$") && !/\.bak\.xlsx$/i.test(entry.name)) files.push(p);
        }
      };
      walk(input);
    } else files.push(input);
  }
  return files;
}
