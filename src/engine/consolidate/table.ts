import { addressToA1 } from "../grid/address";
import { WorkbookSnapshot } from "../grid/snapshot";
import { describeChangeShown } from "../patch";
import { SECTION_NAMES } from "../form/sections";
import { Finding, SEVERITY_NAMES } from "../rules";

/**
 * The 问题清单 (list of findings) as a table: the same columns in the reviewer's workbook
 * (ziping check --report) and on the clipboard (the pane's 复制问题清单), so the two never differ.
 */
export const FINDING_COLUMNS = ["文件", "工作表", "单元格", "栏目", "级别", "说明", "可自动修正"] as const;

/** One file's findings, with the workbook they were read from (for sheet names and how values show). */
export interface FindingSource {
  file: string;
  snapshot?: WorkbookSnapshot;
  findings: Finding[];
  /** Why the file could not be read: it is listed as one row of level 无法读取, never left out. */
  unreadable?: string;
}

/** One row of the 问题清单, as values (the report workbook styles them; TSV joins them). */
export interface FindingRow {
  file: string;
  sheet: string;
  cell: string;
  section: string;
  level: string;
  message: string;
  fix: string;
  /** 强制: the reviewer's workbook marks these rows. */
  error: boolean;
  finding?: Finding;
}

/** The 可自动修正 cell: 「是：D5：18,000.00 → 18,372.10」, or 「否」. */
export function fixCellText(f: Finding, snapshot?: WorkbookSnapshot): string {
  if (!f.fix?.length) return f.edit ? "是" : "否";
  return `是：${f.fix.map((c) => describeChangeShown(c, snapshot)).join("；")}`;
}

/** Every finding of every file, one row each; a file that could not be read is one row saying why. */
export function findingRows(sources: FindingSource[]): FindingRow[] {
  const rows: FindingRow[] = [];
  for (const s of sources) {
    if (s.unreadable !== undefined) {
      rows.push({ file: s.file, sheet: "", cell: "", section: "文件", level: "无法读取", message: s.unreadable, fix: "否", error: true });
      continue;
    }
    for (const f of s.findings) {
      const section = SECTION_NAMES[f.section] ?? f.section;
      rows.push({
        file: s.file,
        sheet: s.snapshot?.sheets[f.cell.sheet]?.name ?? "",
        cell: addressToA1(f.cell),
        section: f.form ? `${f.form} · ${section}` : section,
        level: SEVERITY_NAMES[f.severity],
        message: f.message,
        fix: fixCellText(f, s.snapshot),
        error: f.severity === "error",
        finding: f,
      });
    }
  }
  return rows;
}

/** The 问题清单 as rows of text, the header first. */
export function findingsAsTable(sources: FindingSource[]): string[][] {
  return [[...FINDING_COLUMNS], ...findingRows(sources).map((r) => [r.file, r.sheet, r.cell, r.section, r.level, r.message, r.fix])];
}

/**
 * One field as Excel and WPS read text from the clipboard: a field holding a tab, a line break or a
 * double quote is put in double quotes, its quotes doubled; anything else is written as it is.
 */
export function tsvField(text: string): string {
  return /[\t\r\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The 问题清单 as tab-separated text that pastes into Excel and WPS as rows and columns: fields
 * separated by tabs, rows by CRLF (what Excel itself puts on the clipboard), a line break inside a
 * field kept inside its quotes.
 */
export function findingsAsTsv(sources: FindingSource[]): string {
  return findingsAsTable(sources)
    .map((row) => row.map(tsvField).join("\t"))
    .join("\r\n")
    .concat("\r\n");
}
