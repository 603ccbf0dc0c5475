/**
 * Number formats as the snapshot has always reported them (through ExcelJS): the same built-in table
 * (ids whose code does not depend on the locale; 27–36 have none there), the same reading of custom
 * codes, the same round trip of date-formatted numbers. The engine's rules were written against these.
 */

/** ExcelJS's built-in number formats (lib/xlsx/defaultnumformats.js, the locale-free entries). */
export const BUILTIN_FORMATS: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

const BUILTIN_IDS = new Map<string, number>(Object.entries(BUILTIN_FORMATS).map(([id, code]) => [code, Number(id)]));

/** The built-in id of a format code, if it has one. */
export function builtinFormatId(code: string): number | undefined {
  return BUILTIN_IDS.get(code);
}

/**
 * A custom format code as the snapshot reports it. ExcelJS drops each backslash escape (`0.00\ ` → `0.00 `,
 * `\(0\)` → `(0)`); the engine's number formatting was written and tested against that, so it stays.
 */
export function customFormatCode(raw: string): string {
  return raw.replace(/[\\](.)/g, "$1");
}

/** ExcelJS's test for a date format: a date or time letter outside quotes and brackets. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(f);
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date-formatted number as the snapshot has always given it: ExcelJS turned it into a Date (rounded to
 * the millisecond, shifted by 1462 days in a 1904 workbook) and the snapshot turned that back into a
 * 1900-system serial. Done the same way, so every rule sees the same number.
 */
export function dateRoundTrip(v: number, date1904: boolean): number {
  const ms = Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  const t = new Date(ms).getTime();
  return (t - EXCEL_EPOCH) / 86400000;
}
