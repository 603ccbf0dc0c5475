#!/usr/bin/env node
// Checks test/fixtures/real/*: form.json parses and is well formed (merges inside the sheet,
// not overlapping, covered cells empty); every cell that expected.json names exists in
// form.json with the stated value; form.xlsx (when present) holds the same values and merges.
'use strict';

const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');

const ROOT = path.join(__dirname, '..', 'test', 'fixtures', 'real');
let failures = 0;
function fail(dir, msg) {
  failures++;
  console.error(`FAIL ${dir}: ${msg}`);
}

function parseRef(ref) {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return null;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col: c };
}

function same(a, b) {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  return JSON.stringify(a) === JSON.stringify(b);
}

function checkForm(dir, form) {
  if (!Array.isArray(form.sheets) || form.sheets.length === 0) {
    fail(dir, 'form.json has no sheets');
    return;
  }
  for (const sh of form.sheets) {
    const rows = sh.rows;
    const ncols = rows.reduce((m, r) => Math.max(m, r.length), 0);
    rows.forEach((r, i) => {
      if (r.length !== ncols) fail(dir, `${sh.name} row ${i + 1} has ${r.length} cells, sheet is ${ncols} wide`);
    });
    if (sh.widths && sh.widths.length !== ncols) fail(dir, `${sh.name} widths has ${sh.widths.length} entries for ${ncols} columns`);
    const boxes = [];
    for (const rng of sh.merges || []) {
      const [a, b] = rng.split(':');
      const p = parseRef(a);
      const q = parseRef(b);
      if (!p || !q || p.row > q.row || p.col > q.col) {
        fail(dir, `bad merge ${rng}`);
        continue;
      }
      if (q.row > rows.length || q.col > ncols) fail(dir, `merge ${rng} outside the sheet`);
      for (const o of boxes) {
        if (!(q.row < o.p.row || p.row > o.q.row || q.col < o.p.col || p.col > o.q.col)) fail(dir, `merge ${rng} overlaps ${o.rng}`);
      }
      boxes.push({ rng, p, q });
      for (let r = p.row; r <= q.row; r++) {
        for (let c = p.col; c <= q.col; c++) {
          if (r === p.row && c === p.col) continue;
          const v = (rows[r - 1] || [])[c - 1];
          if (v !== null && v !== undefined) fail(dir, `merge ${rng} covers a value at row ${r} col ${c}`);
        }
      }
    }
    for (const ref of Object.keys(sh.formats || {})) {
      const p = parseRef(ref);
      if (!p || p.row > rows.length || p.col > ncols) fail(dir, `format on ${ref} outside the sheet`);
    }
  }
}

function cellValue(form, ref) {
  let sheet = form.sheets[0];
  if (ref.includes('!')) {
    const [name, r] = ref.split('!');
    sheet = form.sheets.find((s) => s.name === name);
    ref = r;
  }
  const p = parseRef(ref);
  if (!sheet || !p) return { ok: false };
  if (p.row > sheet.rows.length || p.col > (sheet.rows[0] || []).length) return { ok: false };
  const v = sheet.rows[p.row - 1][p.col - 1];
  return { ok: true, value: v === undefined ? null : v };
}

function expect(dir, form, ref, value, where) {
  const got = cellValue(form, ref);
  if (!got.ok) return fail(dir, `${where}: cell ${ref} is not in form.json`);
  if (!same(got.value, value)) fail(dir, `${where}: ${ref} is ${JSON.stringify(got.value)}, expected.json says ${JSON.stringify(value)}`);
}

function exists(dir, form, ref, where) {
  if (!cellValue(form, ref).ok) fail(dir, `${where}: cell ${ref} is not in form.json`);
}

function checkExpected(dir, form, exp) {
  for (const k of ['kind', 'figures', 'indicators', 'scores', 'slips', 'notes']) {
    if (!(k in exp)) fail(dir, `expected.json lacks "${k}"`);
  }
  for (const f of exp.figures || []) expect(dir, form, f.cell, f.value, `figure ${f.label}`);
  for (const i of (exp.indicators && exp.indicators.sample) || []) {
    if (i.cell) expect(dir, form, i.cell, i.name, `indicator ${i.name}`);
    for (const [k, ref] of Object.entries(i.cells || {})) expect(dir, form, ref, i[k], `indicator ${i.name} ${k}`);
  }
  const sc = exp.scores || {};
  for (const [k, v] of Object.entries(sc)) {
    if (v && !Array.isArray(v) && typeof v === 'object' && v.cell) expect(dir, form, v.cell, v.written, `scores.${k}`);
  }
  for (const list of ['indicatorsWritten', 'budgetRows']) {
    for (const w of sc[list] || []) expect(dir, form, w.cell, w.written, `scores.${list}`);
  }
  for (const b of sc.blocks || []) if (b.cell) exists(dir, form, b.cell, `block ${b.label}`);
  for (const s of exp.slips || []) {
    exists(dir, form, s.cell, 'slip');
    if (!['error', 'warning'].includes(s.severity)) fail(dir, `slip ${s.cell} has severity ${s.severity}`);
  }
}

async function checkXlsx(dir, form, file) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  for (const sh of form.sheets) {
    const ws = wb.getWorksheet(sh.name);
    if (!ws) {
      fail(dir, `form.xlsx lacks sheet ${sh.name}`);
      continue;
    }
    sh.rows.forEach((row, ri) => {
      row.forEach((v, ci) => {
        const cell = ws.getCell(ri + 1, ci + 1);
        const got = cell.isMerged && cell.master !== cell ? null : cell.value;
        if (!same(got, v)) fail(dir, `form.xlsx ${cell.address} is ${JSON.stringify(got)}, form.json has ${JSON.stringify(v)}`);
      });
    });
    const merges = Object.keys(ws._merges).map((k) => ws._merges[k].range).sort();
    const want = [...(sh.merges || [])].sort();
    if (!same(merges, want)) fail(dir, `form.xlsx merges differ from form.json`);
    for (const [ref, fmt] of Object.entries(sh.formats || {})) {
      if (ws.getCell(ref).numFmt !== fmt) fail(dir, `form.xlsx ${ref} format ${ws.getCell(ref).numFmt}, want ${fmt}`);
    }
  }
}

async function main() {
  const dirs = fs
    .readdirSync(ROOT, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  for (const d of dirs) {
    const dir = path.join(ROOT, d);
    for (const f of ['source.md', 'form.json', 'expected.json']) {
      if (!fs.existsSync(path.join(dir, f))) fail(d, `missing ${f}`);
    }
    let form, exp;
    try {
      form = JSON.parse(fs.readFileSync(path.join(dir, 'form.json'), 'utf8'));
      exp = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'));
    } catch (e) {
      fail(d, `JSON: ${e.message}`);
      continue;
    }
    checkForm(d, form);
    checkExpected(d, form, exp);
    const src = fs.readFileSync(path.join(dir, 'source.md'), 'utf8');
    if (!/^# .+\n- 地址: /.test(src)) fail(d, 'source.md must start with "# title" then "- 地址: "');
    const xlsx = path.join(dir, 'form.xlsx');
    if (fs.existsSync(xlsx)) await checkXlsx(d, form, xlsx);
    else console.warn(`note ${d}: no form.xlsx (run scripts/build-real-fixtures.js)`);
  }
  console.log(`${dirs.length} fixtures checked, ${failures} failure(s)`);
  process.exit(failures ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
