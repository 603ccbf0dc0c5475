import * as fs from "fs";
import * as path from "path";
import { Analysis, ConsolidationUnit, WorkbookSnapshot, analyze } from "../../src/engine";
import { XlsxPackage } from "../../src/hosts/xlsx/package";

/** The committed fixtures (scripts/make-consolidation-fixtures.js writes them). */
export const FIXTURES = path.join(__dirname, "..", "fixtures", "consolidation");
export const GZ = path.join(FIXTURES, "guangzhou");
export const GZH = path.join(FIXTURES, "guizhou");

export function snapshotOf(file: string): WorkbookSnapshot {
  return XlsxPackage.open(fs.readFileSync(file), path.basename(file)).snapshot(path.basename(file));
}

export function analysisOf(file: string): Analysis {
  return analyze(snapshotOf(file));
}

/** Unit files as the pane would hand them in: the name shown, and the analysis. */
export function unitsOf(dir: string, names: string[]): ConsolidationUnit[] {
  return names.map((n) => ({ file: n, analysis: analysisOf(path.join(dir, n)) }));
}

/** The good units of the 广州 fixture: 本级 and two 下属单位 (one in the 湖南 layout). */
export const GOOD_UNITS = ["01-本级.xlsx", "02-环境卫生管理所.xlsx", "03-监控指挥中心.xlsx"];
export const ALL_UNITS = [...GOOD_UNITS, "04-市政设施维护中心-2020.xlsx", "05-通讯录.xlsx", "06-环境卫生管理所-副本.xlsx"];
