#!/usr/bin/env node
// ExcelJS half of scripts/make-rich-fixtures.py (which runs it and pins the zips' times).
// Usage: node scripts/make-rich-fixtures.js OUTDIR PNGFILE
// Writes exceljs-{comments,datavalidation,condformat,image}.xlsx: the example form with the
// planted slips (G6 empty, D8 = 0.95) plus one feature each.
'use strict';
const path = require('path');
const fs = require('fs');
const ExcelJS = require('exceljs');

const ROOT = path.resolve(__dirname, '..');
const BASE = path.join(ROOT, 'examples', '2021-天河区城管局-部门整体支出绩效自评表.xlsx');
const FORM = '部门整体支出绩效自评表';
const FIXED = new Date(Date.UTC(2024, 0, 1));

async function form() {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(BASE);
  const ws = wb.getWorksheet(FORM);
  ws.getCell('G6').value = null;
  ws.getCell('D8').value = 0.95;
  wb.created = FIXED;
  wb.modified = FIXED;
  wb.creator = 'ZiPing fixtures';
  wb.lastModifiedBy = 'ExcelJS';
  return { wb, ws };
}

async function main() {
  const [outDir, pngFile] = process.argv.slice(2);
  const features = {
    async comments(wb, ws) {
      ws.getCell('D8').note = { texts: [{ text: '预算完成率请核对' }], editAs: 'oneCells' };
      ws.getCell('G6').note = '年度预算调整数待财务科填写';
      ws.getCell('B10').note = { texts: [{ font: { bold: true }, text: '注意：' }, { text: '含网页标记' }] };
    },
    async datavalidation(wb, ws) {
      ws.getCell('G4').dataValidation = {
        type: 'list', allowBlank: true, formulae: ['"2020年,2021年,2022年"'],
        showErrorMessage: true, errorTitle: '年度', error: '请从列表选择',
      };
      ws.getCell('G6').dataValidation = {
        type: 'decimal', operator: 'between', formulae: [-100000, 100000],
        showInputMessage: true, promptTitle: '年度预算调整数', prompt: '单位：万元',
      };
    },
    async condformat(wb, ws) {
      ws.addConditionalFormatting({
        ref: 'D8:G8',
        rules: [{ type: 'cellIs', operator: 'lessThan', formulae: [0], priority: 1,
          style: { font: { color: { argb: 'FF9C0006' } }, fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } } }],
      });
      ws.addConditionalFormatting({
        ref: 'D5:D7',
        rules: [{ type: 'dataBar', priority: 2, cfvo: [{ type: 'min' }, { type: 'max' }], color: { argb: 'FF638EC6' } }],
      });
    },
    async image(wb, ws) {
      const id = wb.addImage({ buffer: fs.readFileSync(pngFile), extension: 'png' });
      ws.addImage(id, { tl: { col: 8, row: 1 }, ext: { width: 96, height: 64 } });
    },
  };
  for (const [name, add] of Object.entries(features)) {
    const { wb, ws } = await form();
    await add(wb, ws);
    await wb.xlsx.writeFile(path.join(outDir, `exceljs-${name}.xlsx`));
  }
  process.stdout.write(require('exceljs/package.json').version + '\n');
}

main().catch((e) => { console.error(e); process.exit(1); });
