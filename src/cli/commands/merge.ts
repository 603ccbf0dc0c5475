import * as fs from "fs";
import * as path from "path";
import { LayoutFamily, addressToA1, planMerge } from "../../engine";
import { UserError } from "../../hosts/xlsx/errors";
import { readInputFile, writeFileSafely } from "../../hosts/xlsx/files";
import { EXIT_OK, EXIT_UNUSABLE } from "../exitCodes";
import { Io, consoleIo } from "../io";
import { expandInputs } from "../inputs";
import { loadUnits, realPathOf } from "../units";
import { writeMergedWorkbook } from "../mergeWorkbook";

export interface MergeOptions {
  output?: string;
  /** Layout families declared by the user (--layout), to read the units' forms. */
  layouts?: LayoutFamily[];
}

/**
 * ziping merge: a draft 汇总 form from the units' forms, in the layout of the first unit's form
 * (engine: planMerge; the workbook: mergeWorkbook). The output is written whole or not at all
 * (a temporary file renamed into place), and never over one of the inputs.
 */
export async function runMerge(inputs: string[], opts: MergeOptions, io: Io = consoleIo): Promise<number> {
  const output = opts.output;
  if (!output) {
    io.err("请用 -o 给出汇总草稿的文件名，例如：ziping merge 单位文件夹 -o 汇总.xlsx");
    return EXIT_UNUSABLE;
  }
  if (!/\.xlsx$/i.test(output)) {
    io.err(`汇总草稿要写成 .xlsx 文件（-o ${output}）。请给出以 .xlsx 结尾的文件名。`);
    return EXIT_UNUSABLE;
  }
  const { files } = expandInputs(inputs);
  const real = realPathOf(output);
  const clash = files.find((f) => realPathOf(f) === real);
  if (clash) {
    io.err(`「${output}」是要汇总的单位文件之一，ZiPing 不会覆盖它。请给 -o 换一个文件名（或放在单位文件夹之外）。`);
    return EXIT_UNUSABLE;
  }
  const st = fs.statSync(output, { throwIfNoEntry: false });
  if (st && !st.isFile()) {
    io.err(`「${output}」不是普通文件，无法写入。请换一个文件名。`);
    return EXIT_UNUSABLE;
  }
  const { units, skipped } = loadUnits(inputs, { layouts: opts.layouts }, st ? [{ path: output, why: "本次要写的汇总草稿，不计入" }] : []);
  if (units.length === 0) {
    io.err("没有找到要汇总的 .xlsx 文件。请给出各单位自评表的文件，或包含它们的文件夹。");
    for (const s of skipped) io.err(`  跳过 ${s.file}：${s.why}`);
    return EXIT_UNUSABLE;
  }
  const plan = planMerge(units, { layouts: opts.layouts });
  if ("reason" in plan) {
    io.err(plan.reason);
    for (const p of plan.unitProblems) io.err(`  ${p.message}`);
    return EXIT_UNUSABLE;
  }
  try {
    const template = readInputFile(plan.template.file);
    const { bytes, notes } = await writeMergedWorkbook(template.bytes, path.basename(plan.template.file), plan);
    writeFileSafely(output, bytes);
    io.out(`汇总草稿：${output}`);
    io.out(`  式样：${plan.template.layoutName}（取自 ${plan.template.file}，工作表「${plan.template.sheetName}」）`);
    io.out(`  名称：${plan.name} · ${plan.year ?? "年度未读到"} 年度 · ${plan.units.length} 个单位：`);
    plan.units.forEach((u, i) => io.out(`    ${i + 1}. ${u.name || "（未写名称）"}（${u.file}）`));
    io.out("  已填写：");
    for (const w of plan.writes.filter((x) => x.value !== null && !/按单位汇集$/.test(x.what))) io.out(`    ${addressToA1(w.cell)}  ${w.what}`);
    const prose = plan.writes.filter((x) => /按单位汇集$/.test(x.what) && x.value !== null);
    if (prose.length) io.out(`    文字栏目按单位标题汇集：${prose.map((x) => x.what.replace(/按单位汇集$/, "")).join("、")}`);
    if (plan.body) io.out(`    任务与指标：每个单位一行标题，其下列出该单位的 ${plan.template.kind === "department" && plan.template.layout === "guangzhou-department" ? "主要任务和关键指标" : "绩效指标"}（共 ${plan.body.rows.length} 行）；单位标题行供编辑时对照，定稿前请删除或改写`);
    const all = [...plan.notCarried, ...notes];
    if (all.length) {
      io.out("  未能带过来、需要人工处理的：");
      for (const n of all) io.out(`    · ${n}`);
    }
    const left = plan.unitProblems.filter((p) => p.excluded);
    for (const p of plan.unitProblems) io.out(`  ${p.excluded ? "未计入" : "请核对"}：${p.message}`);
    if (skipped.length) {
      io.out(`  跳过 ${skipped.length} 个文件：`);
      for (const s of skipped) io.out(`    ${s.file}：${s.why}`);
    }
    io.out("  这是草稿：请逐项核对后再报送，并用 ziping check 汇总.xlsx --units 单位文件夹 核对汇总数。");
    return left.length ? EXIT_UNUSABLE : EXIT_OK;
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    io.err(e.message);
    return EXIT_UNUSABLE;
  }
}
