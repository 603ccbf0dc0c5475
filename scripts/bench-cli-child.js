#!/usr/bin/env node
"use strict";
/**
 * One timed pass over a folder of forms, in a process of its own (see bench.js): node's heap
 * carries over from one measurement to the next in a shared process, and skews the second.
 * Modes: readFile and load are plain ExcelJS; package is the package reader's snapshot (src/hosts/xlsx/package);
 * structural and check are ziping's own path (check as the command runs it).
 * The first five files go through the same path untimed, so module loading and the JIT's warm-up
 * are left out of every figure alike. Prints the milliseconds and the process's peak memory (MB).
 */
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");
const { analyze, DEPARTMENT_RULES } = require("../dist/engine");
const { openXlsxFile } = require("../dist/hosts/xlsx/files");
const { runCheck } = require("../dist/cli/main");
const { XlsxPackage } = require("../dist/hosts/xlsx/package");

const [mode, dir] = process.argv.slice(2);
const files = fs.readdirSync(dir).sort().map((f) => path.join(dir, f));
const quiet = { out: () => {}, err: () => {} };

const passes = {
  async readFile(list) {
    for (const f of list) await new ExcelJS.Workbook().xlsx.readFile(f);
  },
  async load(list) {
    for (const f of list) await new ExcelJS.Workbook().xlsx.load(fs.readFileSync(f));
  },
  async package(list) {
    for (const f of list) XlsxPackage.open(fs.readFileSync(f), path.basename(f)).snapshot();
  },
  async structural(list) {
    for (const f of list) analyze(openXlsxFile(f).snapshot, { rules: DEPARTMENT_RULES });
  },
  async check(list) {
    await runCheck(list, {}, quiet);
  },
};

(async () => {
  const pass = passes[mode];
  await pass(files.slice(0, 5), true);
  const t = process.hrtime.bigint();
  await pass(files);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  console.log(JSON.stringify({ ms, peakMB: process.resourceUsage().maxRSS / 1024 }));
})();
