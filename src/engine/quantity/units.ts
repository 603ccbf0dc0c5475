/** Canonical spellings of the units these forms write, so "m ²", "㎡" and "平方米" compare equal. */
const UNIT_ALIASES = new Map<string, string>(Object.entries({
  "%": "%",
  "％": "%",
  "百分比": "%",
  "百分点": "%",
  "个百分点": "%",
  "‰": "‰",
  "m²": "平方米",
  "m2": "平方米",
  "㎡": "平方米",
  "平方米": "平方米",
  "平米": "平方米",
  "平方": "平方米",
  "km²": "平方公里",
  "平方公里": "平方公里",
  "m³": "立方米",
  "m3": "立方米",
  "立方米": "立方米",
  "方": "立方米",
  "m": "米",
  "米": "米",
  "km": "公里",
  "公里": "公里",
  "千米": "公里",
  "t": "吨",
  "吨": "吨",
  "kg": "千克",
  "公斤": "千克",
  "千克": "千克",
  "元": "元",
  "人次": "人次",
  "台次": "台次",
  "家次": "家次",
  "场次": "场次",
  "篇次": "篇次",
  "车次": "车次",
}));

/** The canonical unit for a unit as written (spaces removed); unknown units stay as written. */
export function canonicalUnit(written: string): string {
  const direct = UNIT_ALIASES.get(written);
  if (direct !== undefined) return direct;
  const u = written.replace(/\s+/g, "");
  if (u === "") return "";
  return UNIT_ALIASES.get(u) ?? UNIT_ALIASES.get(u.toLowerCase()) ?? u;
}

/**
 * Units for counts whose measure words differ but count the same things often enough that a
 * mismatch is not worth reporting (篇 vs 篇次). Used by comparisons, not by the parser.
 */
export function unitsCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  const strip = (u: string) => u.replace(/次$/, "");
  return a !== "" && b !== "" && (strip(a) === strip(b));
}
