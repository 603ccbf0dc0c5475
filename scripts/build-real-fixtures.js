#!/usr/bin/env node
// Builds test/fixtures/real/*/form.xlsx from the form.json next to it.
// form.json: { sheets: [ { name, rows: [[value|null, ...], ...], merges: ["A1:J1", ...],
//                          formats: { "F6": "0.00%" }, widths: [12, 10, ...] } ] }
// Output is deterministic: fixed document dates and fixed zip entry dates.
'use strict';

const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');
const JSZip = require('jszip');

const ROOT = path.join(__dirname, '..', 'test', 'fixtures', 'real');
const FIXED_DATE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));
const FONT = { name: '宋体', size: 11 };

function colName(n) {
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function parseRef(ref) {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error('bad cell ref ' + ref);
  let c = 0;
  for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col: c };
}

// display width of a string: CJK and full-width characters count as 2
function textWidth(s) {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0) > 0xff ? 2 : 1;
  return w;
}

function buildSheet(wb, spec) {
  const ws = wb.addWorksheet(spec.name || 'Sheet1');
  const rows = spec.rows || [];
  const ncols = rows.reduce((m, r) => Math.max(m, r.length), 0);
  const widths = spec.widths || [];
  for (let c = 1; c <= ncols; c++) {
    ws.getColumn(c).width = widths[c - 1] || 10;
  }
  // width available to each cell (merged areas get the sum of their columns)
  const span = new Map();
  for (const rng of spec.merges || []) {
    const [a, b] = rng.split(':');
    const p = parseRef(a);
    const q = parseRef(b);
    let w = 0;
    for (let c = p.col; c <= q.col; c++) w += widths[c - 1] || 10;
    span.set(a, w);
  }
  rows.forEach((row, ri) => {
    row.forEach((v, ci) => {
      if (v === null || v === undefined) return;
      const ref = colName(ci + 1) + (ri + 1);
      const cell = ws.getCell(ref);
      cell.value = v;
      const avail = span.get(ref) || widths[ci] || 10;
      const wrap = typeof v === 'string' && (v.includes('\n') || textWidth(v) > avail);
      cell.alignment = { vertical: 'middle', wrapText: wrap };
    });
  });
  for (const [ref, fmt] of Object.entries(spec.formats || {})) {
    ws.getCell(ref).numFmt = fmt;
  }
  for (const rng of spec.merges || []) ws.mergeCells(rng);
  // one font for every cell of the used range, merged or not
  for (let r = 1; r <= rows.length; r++) {
    for (let c = 1; c <= ncols; c++) ws.getCell(r, c).font = FONT;
  }
  return ws;
}

async function buildOne(dir) {
  const spec = JSON.parse(fs.readFileSync(path.join(dir, 'form.json'), 'utf8'));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ZiPing fixtures';
  wb.lastModifiedBy = 'ZiPing fixtures';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const sheet of spec.sheets) buildSheet(wb, sheet);
  const raw = await wb.xlsx.writeBuffer();
  // re-pack with fixed entry dates so the bytes do not depend on the clock
  const zip = await JSZip.loadAsync(raw);
  const out = new JSZip();
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir).sort();
  for (const name of names) {
    const data = await zip.files[name].async('nodebuffer');
    out.file(name, data, { date: FIXED_DATE, createFolders: false });
  }
  const buf = await out.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'DOS',
  });
  fs.writeFileSync(path.join(dir, 'form.xlsx'), buf);
  return buf.length;
}

async function main() {
  const dirs = fs
    .readdirSync(ROOT, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(ROOT, d.name, 'form.json')))
    .map((d) => d.name)
    .sort();
  for (const d of dirs) {
    const size = await buildOne(path.join(ROOT, d));
    console.log(`${d}/form.xlsx ${size} bytes`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
