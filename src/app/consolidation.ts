import { ConsolidationUnit, analyze } from "../engine";
import { Assistant, sentence } from "./assistant";
import { Observable } from "./observable";
import type { PickedFile } from "./wording";

export interface ConsolidationState {
  /** The unit files picked, by name, in the order given. */
  files: string[];
  busy: boolean;
  note?: string;
}

/**
 * 汇总核对 in the pane: the 一级预算部门's officer picks the units' forms from disk; each is read
 * here (the package reader, as the CLI reads) and the open workbook's form is checked against them
 * with every check from then on, its findings in the usual list.
 */
export class ConsolidationController extends Observable<ConsolidationState> {
  constructor(readonly assistant: Assistant) {
    super({ files: [], busy: false });
  }

  async chooseUnits(picked: PickedFile[]): Promise<void> {
    if (picked.length === 0) return;
    this.set({ busy: true, note: undefined });
    // Loaded only now, as the import of prior years is: the pane's first load stays small.
    const { XlsxPackage } = await import(/* webpackChunkName: "xlsx" */ "../hosts/xlsx/package");
    const units: ConsolidationUnit[] = [];
    for (const file of picked) {
      try {
        const snapshot = XlsxPackage.open(new Uint8Array(await file.arrayBuffer()), file.name).snapshot(file.name);
        units.push({ file: file.name, analysis: analyze(snapshot, this.assistant.analyzeOptions) });
      } catch (e) {
        units.push({ file: file.name, error: sentence((e as Error).message) });
      }
    }
    this.assistant.setUnits(units);
    await this.assistant.check();
    const c = this.assistant.current.consolidation;
    const counted = c?.units.length ?? 0;
    const mismatches = c?.findings.filter((f) => f.severity === "error").length ?? 0;
    const note = !c
      ? "当前工作簿中没有找到自评表，无法核对。"
      : c.reason
        ? sentence(c.reason)
        : `已与 ${counted} 个单位的表格核对${mismatches ? `：发现 ${mismatches} 处不符，见问题列表「汇总核对」。` : "：资金合计与各单位一致。"}${c.unitProblems.length ? `另有 ${c.unitProblems.length} 个文件需要注意（见下）。` : ""}`;
    this.set({ files: picked.map((p) => p.name), busy: false, note });
  }

  async clear(): Promise<void> {
    this.assistant.setUnits(undefined);
    this.set({ files: [], note: "已清除单位文件，不再做汇总核对。" });
    if (this.assistant.current.analysis) await this.assistant.check();
  }
}
