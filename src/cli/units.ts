import * as fs from "fs";
import * as path from "path";
import { AnalyzeOptions, ConsolidationResult, ConsolidationUnit, SEVERITY_NAMES, WorkbookSnapshot, addressToA1, analyze } from "../engine";
import { UserError } from "../hosts/xlsx/errors";
import { openXlsxFile } from "../hosts/xlsx/files";
import { Skipped, expandInputs } from "./inputs";
import { fixText, padWidth } from "./report";

/** The real path of a file, or its resolved path when it cannot be followed. */
export function realPathOf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/**
 * Reads the unit files of a 汇总 (files and folders, as check reads them): each analyzed, or the
 * reason it could not be read (a damaged file is a unit problem, not the end of the run). Files in
 * `leaveOut` (the 汇总 itself, the output of merge) are passed over and said so.
 */
export function loadUnits(inputs: string[], options: AnalyzeOptions, leaveOut: { path: string; why: string }[] = []): { units: ConsolidationUnit[]; skipped: Skipped[] } {
  const { files, skipped } = expandInputs(inputs);
  const out = leaveOut.map((l) => ({ ...l, real: realPathOf(l.path) }));
  const units: ConsolidationUnit[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const real = realPathOf(file);
    const left = out.find((l) => l.real === real);
    if (left) {
      skipped.push({ file, why: left.why });
      continue;
    }
    if (seen.has(real)) continue; // the same file named twice (a folder and a file in it)
    seen.add(real);
    try {
      const input = openXlsxFile(file);
      units.push({ file, analysis: analyze(input.snapshot, options) });
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      units.push({ file, error: e.message });
    }
  }
  return { units, skipped };
}

/** The 汇总 checked against its units, in Chinese: who was counted, each figure, the findings, the files left out. */
export function consolidationLines(totalFile: string, r: ConsolidationResult, snapshot?: WorkbookSnapshot, verbose = false): string[] {
  const lines: string[] = [];
  lines.push(`汇总核对：${totalFile}`);
  if (!r.total) {
    lines.push(`  ${r.reason ?? "汇总表中没有找到自评表。"}`);
    return lines;
  }
  lines.push(`  汇总表：${r.total.name || "（未写名称）"} · ${r.total.year ?? "（未写年度）"} 年度 · ${r.total.layoutName}`);
  lines.push(`  计入汇总的单位 ${r.units.length} 个：`);
  r.units.forEach((u, i) => lines.push(`    ${i + 1}. ${u.name || "（未写名称）"} · ${u.year ?? "年度未读到"} · ${u.form.layoutName} · ${u.file}`));
  if (r.figures.length) {
    const unit = r.total.moneyUnit;
    const money = (wan: number) => (wan * (unit === "元" ? 10000 : 1)).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const mark: Record<string, string> = { ok: "✓", mismatch: "✗ 不符", empty: "✗ 未填", "not-number": "✗ 不是金额", unchecked: "？ 无法核对" };
    lines.push(`  资金核对（${unit}）：`);
    const width = Math.max(...r.figures.map((c) => [...c.figure.label].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0)));
    for (const c of r.figures) {
      const written = c.figure.value !== undefined ? money(c.figure.value) : c.figure.field.text || "（空）";
      lines.push(`    ${padWidth(c.figure.label, width)}  ${addressToA1(c.figure.field.cell).padEnd(4)}  汇总表 ${written.padStart(12)}  各单位合计 ${money(c.sum).padStart(12)}  ${mark[c.status]}`);
    }
  }
  if (r.findings.length) {
    lines.push("");
    lines.push("  【汇总核对】");
    for (const f of r.findings) lines.push(`    ${SEVERITY_NAMES[f.severity]}  ${addressToA1(f.cell).padEnd(5)} ${f.message}${fixText(f, snapshot)}${verbose ? `  [${f.rule}]` : ""}`);
  }
  const left = r.unitProblems.filter((p) => p.excluded);
  const notes = r.unitProblems.filter((p) => !p.excluded);
  if (left.length) {
    lines.push("");
    lines.push(`  未计入汇总的单位文件 ${left.length} 个：`);
    for (const p of left) lines.push(`    ${p.message}`);
  }
  if (notes.length) {
    lines.push("");
    lines.push("  请核对：");
    for (const p of notes) lines.push(`    ${p.message}`);
  }
  const errors = r.findings.filter((f) => f.severity === "error").length;
  lines.push("");
  lines.push(`  小结：汇总核对强制 ${errors} 项，提示 ${r.findings.length - errors} 项，可自动修正 ${r.patch.changes.length} 处${left.length ? `；${left.length} 个单位文件未计入` : ""}${errors === 0 && !left.length ? "；汇总表与各单位相符" : ""}`);
  return lines;
}

/** The same as one JSON object (a line of its own after the 汇总's own line). */
export function consolidationJson(totalFile: string, r: ConsolidationResult) {
  return {
    file: totalFile,
    consolidation: {
      reason: r.reason,
      total: r.total ? { name: r.total.name, year: r.total.year, layout: r.total.layout, sheet: r.total.sheetName } : undefined,
      units: r.units.map((u) => ({ file: u.file, name: u.name, year: u.year, layout: u.form.layout })),
      unitProblems: r.unitProblems.map((p) => ({ file: p.file, kind: p.kind, severity: p.severity, excluded: p.excluded, message: p.message })),
      figures: r.figures.map((c) => ({
        name: c.figure.label,
        key: c.figure.key,
        cell: addressToA1(c.figure.field.cell),
        written: c.figure.value,
        sum: c.sum,
        tolerance: c.tolerance,
        status: c.status,
        parts: c.parts.map((p) => ({ file: p.file, name: p.name, value: p.value, cell: p.cell ? addressToA1(p.cell) : undefined, note: p.note })),
      })),
      findings: r.findings.map((f) => {
        const out: Record<string, unknown> = { rule: f.rule, severity: f.severity, section: f.section, cell: addressToA1(f.cell), message: f.message };
        if (f.fix?.length) out.fix = f.fix.map((c) => (c.formula ? { cell: addressToA1(c.cell), formula: `=${c.formula}`, value: c.value } : { cell: addressToA1(c.cell), value: c.value }));
        return out;
      }),
    },
  };
}
