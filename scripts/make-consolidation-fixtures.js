#!/usr/bin/env node
// Builds the 汇总 fixtures of test/fixtures/consolidation/ from the sample form (examples/, 广州 附件7
// layout) and two real forms (test/fixtures/real/21: 湖南 layout; 07: 贵州 layout), changing only
// names, years and figures (each unit's derived cells kept consistent with its own figures).
//
//   node scripts/make-consolidation-fixtures.js [OUT_DIR]     (default test/fixtures/consolidation)
//
// guangzhou/  a 一级预算部门 (广州市天河区城市管理和综合执法局) in the 广州 layout:
//   汇总.xlsx                         the consolidated form, with a planted mismatch (调整预算 100.00 short)
//                                     and 年初预算 0.01 off (inside 3 units × 0.005)
//   units/01-本级.xlsx                the sample itself (…（本级）)
//   units/02-环境卫生管理所.xlsx        广州 layout, other figures, task funds scaled
//   units/03-监控指挥中心.xlsx          湖南 layout (real form 21), other figures; no 一般公共预算 column
//   units/04-市政设施维护中心-2020.xlsx 广州 layout, 被评价年度 2020 (another year)
//   units/05-通讯录.xlsx               a workbook with no form
//   units/06-环境卫生管理所-副本.xlsx    a copy of 02 (the same unit twice)
//   units/说明.txt                     not a workbook
// guizhou/    a 乡镇 in the 贵州 layout (real form 07: 年度资金总额 / 基本支出 / 项目支出 rows):
//   汇总.xlsx                         项目支出·年初预算 9.00 short
//   units/01-本级.xlsx, units/02-农业服务中心.xlsx
//
// Output is deterministic: fixed document dates and zip entry dates. Tests call makeFixtures(dir).
'use strict';

const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');
const JSZip = require('jszip');

const ROOT = path.join(__dirname, '..');
const SAMPLE = path.join(ROOT, 'examples', '2021-天河区城管局-部门整体支出绩效自评表.xlsx');
const HUNAN = path.join(ROOT, 'test', 'fixtures', 'real', '21-hunan-lingling-linye-zhengti', 'form.xlsx');
const GUIZHOU = path.join(ROOT, 'test', 'fixtures', 'real', '07-guizhou-taibai-zhengti', 'form.xlsx');
const FIXED_DATE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

const round2 = (x) => Math.round((x + Number.EPSILON * Math.sign(x)) * 100) / 100;
const round4 = (x) => Math.round((x + Number.EPSILON * Math.sign(x)) * 10000) / 10000;

async function load(file) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file));
  return wb;
}

async function save(wb, file) {
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.creator = 'ZiPing fixtures';
  wb.lastModifiedBy = 'ZiPing fixtures';
  const raw = await wb.xlsx.writeBuffer();
  const zip = await JSZip.loadAsync(raw);
  const out = new JSZip();
  for (const name of Object.keys(zip.files).filter((n) => !zip.files[n].dir).sort()) {
    out.file(name, await zip.files[name].async('nodebuffer'), { date: FIXED_DATE, createFolders: false });
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }));
}

/**
 * A 广州 form from the sample: name, year and the four figures; the derived cells computed from them
 * (年度预算调整数 = 调整 − 年初, 预算完成率 = 实际 ÷ 调整, 预算调整率 = 调整数 ÷ 年初); task funds scaled.
 */
async function guangzhou({ name, year = '2021年', adjusted, initial, actual, general, fundScale = 1, firstTask }) {
  const wb = await load(SAMPLE);
  const ws = wb.worksheets[0];
  ws.getCell('C4').value = name;
  ws.getCell('G4').value = year;
  ws.getCell('D5').value = adjusted;
  ws.getCell('G5').value = initial;
  ws.getCell('D6').value = actual;
  ws.getCell('D7').value = general;
  const adjustment = round2(adjusted - initial);
  ws.getCell('G6').value = adjustment;
  ws.getCell('D8').value = round4(actual / adjusted);
  ws.getCell('G8').value = round4(adjustment / initial);
  if (fundScale !== 1) for (const a of ['G12', 'G18', 'G25', 'G36', 'G42']) ws.getCell(a).value = round2(ws.getCell(a).value * fundScale);
  if (firstTask) ws.getCell('B12').value = firstTask;
  return wb;
}

/** The 湖南 form (real form 21) as another unit: its name, one year, three figures and its split by source and use. */
async function hunan({ name, initial, annual, actual, general, other, basic, project }) {
  const wb = await load(HUNAN);
  const ws = wb.worksheets[0];
  ws.getCell('A3').value = '单位名称';
  ws.getCell('B3').value = name;
  ws.getCell('C5').value = initial;
  ws.getCell('D5').value = annual;
  ws.getCell('E5').value = actual;
  const rate = actual / annual;
  ws.getCell('G5').value = `${(round4(rate) * 100).toFixed(2)}%`;
  ws.getCell('H5').value = round2(Math.min(rate, 1) * 10);
  ws.getCell('B6').value = `按收入性质分:${annual.toFixed(2)}`;
  ws.getCell('E6').value = `按支出性质分:${annual.toFixed(2)}`;
  ws.getCell('B7').value = `其中: 一般公共预算:${general.toFixed(2)}万元`;
  ws.getCell('E7').value = `其中:基本支出:${basic.toFixed(2)}万元`;
  ws.getCell('E8').value = `项目支出:${project.toFixed(2)}万元`;
  ws.getCell('B10').value = `其他资金:${other.toFixed(2)}万元`;
  return wb;
}

/** The 贵州 form (real form 07): title with the year, the unit's name, three rows of 年初预算数 / 全年执行数 and their scores. */
async function guizhou({ name, rows }) {
  const wb = await load(GUIZHOU);
  const ws = wb.worksheets[0];
  ws.getCell('A1').value = '2021年度部门整体支出绩效自评表';
  ws.getCell('A2').value = `单位(盖章):${name}`;
  ws.getCell('B3').value = name;
  rows.forEach(([initial, actual], i) => {
    const r = 5 + i;
    ws.getCell(`C${r}`).value = initial;
    ws.getCell(`D${r}`).value = actual;
    ws.getCell(`F${r}`).value = round2(Math.min(actual / initial, 1) * 10);
  });
  return wb;
}

async function contacts() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('通讯录');
  ws.addRow(['姓名', '单位', '电话']);
  ws.addRow(['张三', '广州市天河区环境卫生管理所', '020-00000001']);
  ws.addRow(['李四', '广州市天河区城市管理监控指挥中心', '020-00000002']);
  return wb;
}

async function makeFixtures(out = path.join(ROOT, 'test', 'fixtures', 'consolidation')) {
  const gz = path.join(out, 'guangzhou');
  const units = path.join(gz, 'units');
  // The 汇总 of 本级 + 环境卫生管理所 + 监控指挥中心:
  //   调整预算 18372.10 + 3215.46 + 856.40 = 22443.96 (written 22343.96: 100.00 short)
  //   年初预算 28517.27 + 3000.00 + 820.00 = 32337.27 (written 32337.28: inside 3 × 0.005)
  //   实际支出 18372.10 + 3100.25 + 842.18 = 22314.53
  //   其中：一般公共预算 15914.14 + 2980.13 + (the 湖南 layout has no such figure) — written 19500.00
  const total = await guangzhou({ name: '广州市天河区城市管理和综合执法局', adjusted: 22343.96, initial: 32337.28, actual: 22314.53, general: 19500 });
  await save(total, path.join(gz, '汇总.xlsx'));
  fs.mkdirSync(units, { recursive: true });
  fs.copyFileSync(SAMPLE, path.join(units, '01-本级.xlsx'));
  const sanitation = { name: '广州市天河区环境卫生管理所', adjusted: 3215.46, initial: 3000, actual: 3100.25, general: 2980.13, fundScale: 0.3, firstTask: '做好辖区道路清扫保洁' };
  await save(await guangzhou(sanitation), path.join(units, '02-环境卫生管理所.xlsx'));
  await save(await hunan({ name: '广州市天河区城市管理监控指挥中心', initial: 820, annual: 856.4, actual: 842.18, general: 800, other: 56.4, basic: 600, project: 256.4 }), path.join(units, '03-监控指挥中心.xlsx'));
  await save(await guangzhou({ name: '广州市天河区市政设施维护中心', year: '2020年', adjusted: 1200, initial: 1100, actual: 1150.5, general: 1100, fundScale: 0.1 }), path.join(units, '04-市政设施维护中心-2020.xlsx'));
  await save(await contacts(), path.join(units, '05-通讯录.xlsx'));
  await save(await guangzhou(sanitation), path.join(units, '06-环境卫生管理所-副本.xlsx'));
  fs.writeFileSync(path.join(units, '说明.txt'), '各单位报送的部门整体支出绩效自评表。\n');

  const gzh = path.join(out, 'guizhou');
  // 本级 + 农业服务中心: 总额 1472.55 / 1380.70, 基本支出 1185.19 / 1145.30, 项目支出 287.36 / 235.40 (written 278.36: 9.00 short).
  await save(await guizhou({ name: '绥阳县太白镇人民政府（本级）', rows: [[1172.55, 1100.2], [985.19, 950], [187.36, 150.2]] }), path.join(gzh, 'units', '01-本级.xlsx'));
  await save(await guizhou({ name: '绥阳县太白镇农业服务中心', rows: [[300, 280.5], [200, 195.3], [100, 85.2]] }), path.join(gzh, 'units', '02-农业服务中心.xlsx'));
  await save(await guizhou({ name: '绥阳县太白镇人民政府', rows: [[1472.55, 1380.7], [1185.19, 1145.3], [278.36, 235.4]] }), path.join(gzh, '汇总.xlsx'));
  return out;
}

module.exports = { makeFixtures };

if (require.main === module) {
  makeFixtures(process.argv[2]).then(
    (dir) => console.log(`汇总测试用表已写入 ${path.relative(process.cwd(), dir) || dir}`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
