#!/usr/bin/env node
"use strict";
/**
 * Builds examples/2021-天河区城管局-部门整体支出绩效自评表.xlsx from the seed's text export
 * (examples/source/…txt), laid out as the form is printed: merged label cells, one row per
 * indicator, tasks merged down their rows, the six indicators of task 1 sharing one cell a line
 * each, and the page breaks of the original (task 1 and task 6 continue after a blank row).
 * Every string and figure comes from the seed; only the layout is decided here.
 */
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");

const NAME = "2021-天河区城管局-部门整体支出绩效自评表";
const SOURCE = path.join(__dirname, "..", "examples", "source", `${NAME}.txt`);
const TARGET = path.join(__dirname, "..", "examples", `${NAME}.xlsx`);

function readSeed(file) {
  const lines = fs.readFileSync(file, "utf8").split(/\r?\n/);
  const cellsOf = (prefix) => {
    const line = lines.find((l) => l.replace(/^\t+/, "").startsWith(prefix));
    if (!line) throw new Error(`seed: no line starting with ${prefix}`);
    return line.split("\t");
  };
  const seed = {};
  const head = cellsOf("部门名称");
  seed.department = head[2];
  seed.yearText = head[5];
  const f1 = cellsOf("部门资金情况");
  seed.adjusted = f1[2];
  seed.initial = f1[4];
  const f2 = cellsOf("实际支出数");
  seed.actual = f2[2];
  seed.adjustment = f2[4];
  seed.general = cellsOf("其中：一般公共预算")[2];
  const f4 = cellsOf("预算完成率");
  seed.completionRate = f4[2];
  seed.adjustmentRate = f4[4];
  const goalIdx = lines.findIndex((l) => l.includes("部门整体支出的预期目标"));
  const goals = lines[goalIdx + 1].split("\t");
  seed.expectedGoal = goals[1];
  seed.achievedGoal = goals[3];

  // The task block: from its header to 重点项目绩效情况.
  const start = lines.findIndex((l) => l.startsWith("主要任务\t"));
  const end = lines.findIndex((l) => l.startsWith("重点项目绩效情况"));
  const tasks = [];
  let current;
  for (const line of lines.slice(start + 1, end)) {
    if (line.trim() === "") {
      if (current) current.pageBreakAfter = current.rows.length;
      continue;
    }
    const c = line.split("\t").map((s) => s.trim());
    const numbered = /^(\d+)\s*(.*)$/.exec(c[0]);
    if (numbered) {
      let name, goal, ind, val, fund;
      if (numbered[2]) [name, goal, ind, val, fund] = [numbered[2], c[1], c[2], c[3], c[5] || c[4]];
      else [name, goal, ind, val, fund] = [c[1], c[2], c[3], c[4], c[5]];
      current = { number: Number(numbered[1]), name, goal: [goal], rows: [], fund, pageBreakAfter: undefined };
      tasks.push(current);
      // The seed's text export flattened the multi-line cell into spaces: one indicator per word.
      current.rows.push({ indicators: ind.split(/\s+/), values: val.split(/\s+/) });
      continue;
    }
    const filled = c.filter((s) => s !== "");
    let goalPart;
    if (filled.length >= 3 && filled[0].length > 30) goalPart = filled.shift();
    if (goalPart) current.goal.push(goalPart);
    const [ind, val, fund] = filled;
    current.rows.push({ indicators: [ind], values: [val], afterBreak: current.pageBreakAfter !== undefined && current.pageBreakAfter === current.rows.length });
    if (fund) current.fund = fund;
  }
  seed.tasks = tasks;
  const section = (label) => cellsOf(label)[1].trim();
  seed.keyProject = section("重点项目绩效情况");
  seed.overall = section("部门整体绩效");
  seed.problems = section("存在问题");
  seed.measures = section("改进措施或下一步计划");
  seed.notes = lines.filter((l) => /^(注：1\.|2\. 各业务)/.test(l)).join("\n");
  return seed;
}

const num = (s) => Number(String(s).replace(/,/g, ""));
const pct = (s) => Number(String(s).replace("%", "")) / 100;

async function build() {
  const seed = readSeed(SOURCE);
  const wb = new ExcelJS.Workbook();
  wb.creator = "ZiPing examples";
  wb.created = new Date(Date.UTC(2022, 2, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet("部门整体支出绩效自评表", { pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [{ width: 8 }, { width: 16 }, { width: 40 }, { width: 14 }, { width: 26 }, { width: 16 }, { width: 16 }];
  const border = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };
  const font = { name: "宋体", size: 10 };
  const put = (addr, value, opts = {}) => {
    const cell = ws.getCell(addr);
    cell.value = value;
    cell.font = { ...font, ...(opts.bold ? { bold: true } : {}) };
    cell.alignment = { vertical: "middle", horizontal: opts.align ?? "left", wrapText: true };
    if (opts.fmt) cell.numFmt = opts.fmt;
    if (opts.border !== false) cell.border = border;
    return cell;
  };
  const label = (range, text) => {
    if (range.includes(":")) ws.mergeCells(range);
    put(range.split(":")[0], text, { align: "center", bold: true });
  };
  const borderRange = (top, bottom) => {
    for (let r = top; r <= bottom; r++) for (let c = 1; c <= 7; c++) ws.getCell(r, c).border = border;
  };

  put("A1", "附件7", { border: false });
  ws.mergeCells("A2:G2");
  put("A2", "部门整体支出绩效自评表", { align: "center", bold: true, border: false }).font = { name: "宋体", size: 16, bold: true };
  put("G3", "单位：万元", { align: "right", border: false });

  label("A4:B4", "部门名称（汇总）");
  ws.mergeCells("C4:E4");
  put("C4", seed.department);
  label("F4", "被评价年度");
  put("G4", seed.yearText, { align: "center" });

  label("A5:A8", "部门资金情况");
  const money = (addr, s) => put(addr, num(s), { align: "right", fmt: s.includes(",") ? "#,##0.00" : "0.00" });
  label("B5:C5", "部门调整预算收入");
  money("D5", seed.adjusted);
  label("E5:F5", "部门年初预算收入");
  money("G5", seed.initial);
  label("B6:C6", "实际支出数");
  money("D6", seed.actual);
  label("E6:F6", "年度预算调整数");
  money("G6", seed.adjustment);
  label("B7:C7", "其中：一般公共预算");
  money("D7", seed.general);
  ws.mergeCells("E7:G7");
  label("B8:C8", "预算完成率");
  put("D8", pct(seed.completionRate), { align: "right", fmt: "0.00%" });
  label("E8:F8", "预算调整率");
  put("G8", pct(seed.adjustmentRate), { align: "right", fmt: "0.00%" });

  label("A9:A10", "年度目标");
  label("B9:D9", "部门整体支出的预期目标");
  label("E9:G9", "部门整体支出的目标完成情况");
  ws.mergeCells("B10:D10");
  put("B10", seed.expectedGoal, { align: "left" });
  ws.mergeCells("E10:G10");
  put("E10", seed.achievedGoal, { align: "left" });
  ws.getRow(10).height = 409;

  label("A11:B11", "主要任务");
  label("C11", "预期目标");
  label("D11", "目标完成情况");
  label("E11", "关键指标");
  label("F11", "指标完成情况");
  label("G11", "任务涉及资金");

  let r = 12;
  for (const task of seed.tasks) {
    // Rows before and after a page break are separate merged blocks, as in the printed form.
    const blocks = [];
    let block = [];
    task.rows.forEach((row) => {
      if (row.afterBreak && block.length) {
        blocks.push(block);
        block = [];
      }
      block.push(row);
    });
    blocks.push(block);
    blocks.forEach((rows, bi) => {
      if (bi > 0) {
        ws.getRow(r).height = 8; // the blank row a page break leaves in the export
        r++;
      }
      const top = r;
      const bottom = r + rows.length - 1;
      const mergeDown = (col) => {
        if (bottom > top) ws.mergeCells(top, col, bottom, col);
      };
      if (bi === 0) {
        mergeDown(1);
        put(`A${top}`, task.number, { align: "center" });
        mergeDown(2);
        put(`B${top}`, task.name, { align: "center" });
        mergeDown(7);
        put(`G${top}`, num(task.fund), { align: "right", fmt: "#,##0.00" });
      } else {
        mergeDown(1);
        mergeDown(2);
        mergeDown(7);
      }
      mergeDown(3);
      if (task.goal[bi]) put(`C${top}`, task.goal[bi]);
      mergeDown(4);
      rows.forEach((row, i) => {
        const rr = top + i;
        const multi = row.indicators.length > 1;
        put(`E${rr}`, row.indicators.join("\n"));
        const value = row.values.join("\n");
        // A single figure typed into Excel becomes a number; everything else stays text.
        if (!multi && /^\d+$/.test(value)) put(`F${rr}`, Number(value), { align: "center" });
        else put(`F${rr}`, value, { align: "center" });
        if (multi) ws.getRow(rr).height = 15 * row.indicators.length;
      });
      borderRange(top, bottom);
      r = bottom + 1;
    });
  }
  const section = (title, text) => {
    put(`A${r}`, title, { align: "center", bold: true });
    ws.mergeCells(`B${r}:G${r}`);
    put(`B${r}`, text);
    ws.getRow(r).height = 300;
    r++;
  };
  section("重点项目绩效情况", seed.keyProject);
  section("部门整体绩效", seed.overall);
  section("存在问题", seed.problems);
  section("改进措施或下一步计划", seed.measures);
  ws.mergeCells(`A${r}:G${r}`);
  put(`A${r}`, seed.notes, { border: false });
  ws.getRow(r).height = 40;

  const buf = await wb.xlsx.writeBuffer();
  fs.writeFileSync(TARGET, Buffer.from(buf));
  return TARGET;
}

if (require.main === module) {
  build().then(
    (file) => console.log(`已生成 ${path.relative(process.cwd(), file)}`),
    (e) => {
      console.error(`生成示例失败：${e.message}`);
      process.exitCode = 1;
    },
  );
}

module.exports = { build, readSeed, SOURCE, TARGET };
