import { cellText, formatNumber } from "../../src/engine/grid/format";

/** A number as its cell's format shows it (formats are read once and remembered: each is used twice here). */
describe("formatNumber", () => {
  const cases: [number, string | undefined, string][] = [
    [0.9513, "0.00%", "95.13%"],
    [1.0087, "0.00%", "100.87%"],
    [-0.3558, "0.00%", "-35.58%"],
    [0.5, "0%", "50%"],
    [18372.1, "#,##0.00", "18,372.10"],
    [2577, "#,##0", "2,577"],
    [-10145.17, "#,##0.00", "-10,145.17"],
    [-10145.17, "#,##0.00;[Red]-#,##0.00", "-10,145.17"],
    [-10145.17, "#,##0.00;(#,##0.00)", "(10,145.17)"],
    [1234.5, '"¥"#,##0.0"元"', "¥1,234.5元"],
    [1234.5, "#,##0.00_ ", "1,234.50"],
    [1234.5, "0.00\\元", "1234.50元"],
    [12, "@", "12"],
    [3, "General", "3"],
    [3, undefined, "3"],
    [44561, "yyyy-mm-dd", "44561"],
  ];
  it.each(cases)("%p in %p reads %p", (v, fmt, expected) => {
    expect(formatNumber(v, fmt)).toBe(expected);
    expect(formatNumber(v, fmt)).toBe(expected);
    expect(cellText({ v, fmt })).toBe(expected);
  });
});
