import { Analysis, CellAddress, CellChange, ConsolidationResult, ConsolidationUnit, LayoutFamily, Patch, WorkbookSnapshot, addressToA1, analyze, buildPatch, checkConsolidation, foundForm, hasErrors, sortFindings } from "../engine";
import { ApplyOutcome, Host } from "../hosts/types";
import { Journal } from "./journal";
import { Observable } from "./observable";

export interface AssistantState {
  status: "idle" | "checking" | "applying" | "error";
  analysis?: Analysis;
  snapshot?: WorkbookSnapshot;
  /** The last thing that happened, in Chinese, for the pane's status line. */
  message?: string;
  /** Changes skipped by the last apply, with why. */
  skipped: { cell: string; reason: string }[];
  canUndo: boolean;
  undoLabel?: string;
  /** Whether the findings' cells are marked with a fill in the sheet. */
  marking: boolean;
  /** When the workbook was last checked, and how many times since the pane opened. */
  checkedAt?: Date;
  checks: number;
  /**
   * What the last write did, and where it was asked for: the pane shows its message beside the button
   * that caused it (a finding's 应用, the toolbar, the wording panel), not at the top of a scrolled pane.
   */
  lastAction?: { origin: string; message: string; cells: CellAddress[] };
  /** 汇总核对: the open workbook's form against the unit files the user picked, with each check. */
  consolidation?: ConsolidationResult;
}

/** Where an action was asked for: the toolbar, the wording panel, or a finding (by its key). */
export type Origin = string;

/**
 * The pane's and the ribbon command's one controller: read → analyze → apply → re-check, with the
 * journal for undo. It holds no UI and no host API: the same object serves Excel, WPS and the demo.
 */
export class Assistant extends Observable<AssistantState> {
  readonly journal: Journal;
  private stopWatching?: () => void;
  private watchedSheet?: number;
  private recheckTimer?: ReturnType<typeof setTimeout>;
  /** Writes of our own also raise change events; checks started by them are skipped. */
  private ownWriteUntil = 0;

  constructor(readonly host: Host, private readonly options: { debounceMs?: number } = {}) {
    super({ status: "idle", skipped: [], canUndo: false, marking: false, checks: 0 });
    this.journal = new Journal(host.storage);
  }

  private async refreshUndo(): Promise<void> {
    await this.journal.load();
    this.set({ canUndo: this.journal.size > 0, undoLabel: this.journal.last?.label });
  }

  /** A check under way, shared by whoever asks meanwhile; `after` is the last write of ours it follows. */
  private checking?: { after: number; run: Promise<Analysis | undefined> };

  /**
   * 一键校验: reads the workbook and checks it. A check already under way is shared, not started
   * again: on a cold start the ribbon command and the opening pane both ask, and the workbook is read
   * once. A check started before one of our writes is not shared after it (ownWriteUntil moves).
   */
  check(): Promise<Analysis | undefined> {
    if (!this.checking || this.checking.after !== this.ownWriteUntil) {
      const run: Promise<Analysis | undefined> = this.runCheck().finally(() => {
        if (this.checking?.run === run) this.checking = undefined;
      });
      this.checking = { after: this.ownWriteUntil, run };
    }
    return this.checking.run;
  }

  private async runCheck(): Promise<Analysis | undefined> {
    this.set({ status: "checking", message: undefined });
    try {
      await this.refreshUndo();
      const snapshot = await this.host.readSnapshot();
      return this.finishCheck(snapshot);
    } catch (e) {
      this.set({ status: "error", message: failureMessage(this.host, e) });
      return undefined;
    }
  }

  /** Layout families the user imported (the pane keeps them with its other local data). */
  private layouts: LayoutFamily[] = [];

  /** Uses these layout families from the next check on. */
  setLayouts(layouts: LayoutFamily[]): void {
    this.layouts = layouts;
  }

  /** The options every analysis of this pane uses (the imported layouts): other files are read alike. */
  get analyzeOptions(): { layouts: LayoutFamily[] } {
    return { layouts: this.layouts };
  }

  /** The unit files of 汇总核对 (already read and analyzed), or none. */
  private units?: ConsolidationUnit[];

  /** Checks the open workbook against these units from the next check on (undefined: no longer). */
  setUnits(units: ConsolidationUnit[] | undefined): void {
    this.units = units;
    if (!units) this.set({ consolidation: undefined });
  }

  private finishCheck(snapshot: WorkbookSnapshot): Analysis {
    let analysis = analyze(snapshot, { layouts: this.layouts });
    let consolidation: ConsolidationResult | undefined;
    if (this.units && foundForm(analysis)) {
      // The 汇总 findings join the form's own, in the same list; their fixes join the same patch.
      consolidation = checkConsolidation(analysis, this.units, { layouts: this.layouts });
      const { patch } = buildPatch([...analysis.patch.changes, ...consolidation.patch.changes]);
      analysis = { ...analysis, findings: sortFindings([...analysis.findings, ...consolidation.findings]), patch };
    }
    const errors = analysis.findings.filter((f) => f.severity === "error").length;
    const result = foundForm(analysis) ? (analysis.findings.length === 0 ? "校验通过：没有发现问题。" : `发现强制问题 ${errors} 项、提示 ${analysis.findings.length - errors} 项。`) : analysis.recognition.reason;
    const checkedAt = new Date();
    // A second 一键校验 says it checked again, and when: the list may look the same.
    const again = this.state.checks > 0 ? `已重新校验（${clock(checkedAt)}）：` : "";
    this.set({ status: "idle", analysis, snapshot, message: `${again}${result ?? ""}`, checkedAt, checks: this.state.checks + 1, consolidation });
    void this.watch(analysis);
    if (this.state.marking) void this.refreshMarks();
    return analysis;
  }

  get canMark(): boolean {
    return !!this.host.markCells && !!this.host.clearMarks;
  }

  /** Marks the findings' cells in the sheet (a light fill), or removes the add-in's own marks. */
  async setMarking(on: boolean): Promise<void> {
    if (!this.canMark) return;
    this.set({ marking: on });
    try {
      if (on) await this.refreshMarks();
      else await this.host.clearMarks!();
    } catch (e) {
      this.set({ message: failureMessage(this.host, e) });
    }
  }

  private async refreshMarks(): Promise<void> {
    await this.host.clearMarks!();
    const cells = this.state.analysis?.findings.map((f) => f.cell) ?? [];
    if (cells.length) await this.host.markCells!(cells);
  }

  /** Re-checks only the form's sheet after an edit (debounced by the caller's events). */
  async recheck(): Promise<void> {
    const prev = this.state.snapshot;
    const sheet = this.state.analysis?.form?.sheet;
    if (!prev || sheet === undefined || (this.state.analysis?.projects.length ?? 0) > 0 || !this.host.readSheet || this.state.status !== "idle") {
      await this.check();
      return;
    }
    try {
      const snapshot = await this.host.readSheet(sheet, prev);
      this.finishCheck(snapshot);
    } catch (e) {
      this.set({ status: "error", message: failureMessage(this.host, e) });
    }
  }

  private async watch(analysis: Analysis): Promise<void> {
    const sheet = analysis.form?.sheet;
    if (!this.host.onSheetChanged || sheet === undefined || sheet === this.watchedSheet) return;
    this.stopWatching?.();
    this.watchedSheet = sheet;
    try {
      this.stopWatching = await this.host.onSheetChanged(sheet, () => {
        if (Date.now() < this.ownWriteUntil) return;
        clearTimeout(this.recheckTimer);
        this.recheckTimer = setTimeout(() => void this.recheck(), this.options.debounceMs ?? 800);
      });
    } catch {
      this.watchedSheet = undefined; // events are a convenience; 一键校验 still works without them
    }
  }

  dispose(): void {
    clearTimeout(this.recheckTimer);
    this.stopWatching?.();
  }

  private async applyChanges(changes: CellChange[], label: string, origin: Origin): Promise<ApplyOutcome | undefined> {
    if (changes.length === 0) return undefined;
    this.set({ status: "applying", lastAction: undefined });
    try {
      this.ownWriteUntil = Date.now() + 2000;
      const outcome = await this.host.applyPatch({ changes } as Patch);
      await this.journal.record(label, outcome);
      const skipped = outcome.skipped.map((s) => ({ cell: addressToA1(s.change.cell), reason: s.reason }));
      this.set({ status: "idle", skipped });
      await this.check();
      const done = outcome.applied.length;
      const cells = outcome.applied.map((a) => a.change.cell);
      const message = done ? `已修改 ${cells.map((c) => addressToA1(c)).join("、")}${skipped.length ? `，${skipped.length} 处未修改` : ""}。` : `没有修改任何单元格：${skipped[0]?.reason ?? ""}。`;
      // From the toolbar the status line beside it says both; elsewhere the result is said where it was asked for.
      this.set({ skipped, message: origin === "toolbar" ? `${message}${this.state.message ?? ""}` : this.state.message, lastAction: { origin, message, cells } });
      await this.showCell(cells[0]);
      return outcome;
    } catch (e) {
      this.set({ status: "error", message: failureMessage(this.host, e), lastAction: { origin, message: failureMessage(this.host, e), cells: [] } });
      return undefined;
    }
  }

  /** Selects a changed cell and brings it into view: what was done is seen, not only said. */
  private async showCell(cell: CellAddress | undefined): Promise<void> {
    if (!cell) return;
    try {
      await this.host.selectCell(cell);
    } catch {
      // Selecting is a courtesy; the write is done.
    }
  }

  /** 应用: one finding's fix. */
  applyFix(changes: CellChange[], origin: Origin = "finding"): Promise<ApplyOutcome | undefined> {
    return this.applyChanges(changes, `应用修正 ${changes.map((c) => addressToA1(c.cell)).join("、")}`, origin);
  }

  /** 全部应用: every certain fix, as one patch. */
  applyAll(): Promise<ApplyOutcome | undefined> {
    const changes = this.state.analysis?.patch.changes ?? [];
    return this.applyChanges(changes, `全部应用（${changes.length} 处）`, "toolbar");
  }

  /** 填充计算项: only the derived cells. */
  fillDerived(): Promise<ApplyOutcome | undefined> {
    const changes = this.state.analysis?.derivedPatch.changes ?? [];
    return this.applyChanges(changes, `填充计算项（${changes.length} 处）`, "toolbar");
  }

  /** Inserts text (a template or a suggestion) through the same guarded patch and journal. */
  insertText(change: CellChange, label: string, origin: Origin = "wording"): Promise<ApplyOutcome | undefined> {
    return this.applyChanges([change], label, origin);
  }

  /** 撤销: undoes the last apply from the journal, guarded like any write. */
  async undo(): Promise<ApplyOutcome | undefined> {
    await this.journal.load();
    const entry = await this.journal.pop();
    if (!entry) return undefined;
    this.set({ status: "applying", lastAction: undefined });
    try {
      this.ownWriteUntil = Date.now() + 2000;
      const outcome = await this.host.applyPatch({ changes: entry.undo });
      const skipped = outcome.skipped.map((s) => ({ cell: addressToA1(s.change.cell), reason: s.reason }));
      await this.check();
      const cells = outcome.applied.map((a) => a.change.cell);
      const message = `已撤销「${entry.label}」${skipped.length ? `，${skipped.length} 处因已被修改而未恢复` : ""}。`;
      this.set({ skipped, message, lastAction: { origin: "toolbar", message, cells } });
      await this.showCell(cells[0]);
      return outcome;
    } catch (e) {
      this.set({ status: "error", message: failureMessage(this.host, e) });
      return undefined;
    }
  }

  /** The cell the user has selected in the sheet, where the host can tell. */
  async selection() {
    try {
      return this.host.getSelection ? await this.host.getSelection() : undefined;
    } catch {
      return undefined;
    }
  }

  /** Selects a finding's cell; with the passage it is about, where the host can show one (the demo marks it). */
  async select(cell: CellAddress, passage?: string): Promise<void> {
    try {
      await this.host.selectCell(cell, passage);
    } catch (e) {
      this.set({ message: failureMessage(this.host, e) });
    }
  }

  hasErrors(): boolean {
    return !!this.state.analysis && hasErrors(this.state.analysis);
  }
}

/** 14:05 — when a check was made, as a clock shows it. */
function clock(d: Date): string {
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}:${String(d.getSeconds()).padStart(2, "0")}`;
}

/** One sentence ending in one 。: a message that already ends a sentence is not given a second stop. */
export function sentence(text: string): string {
  const t = text.trim().replace(/[。．.；;，,\s]+$/, "");
  return /[！？!?]$/.test(t) ? t : `${t}。`;
}

/**
 * A failure as one Chinese sentence; never a stack trace. The host says what its own API's errors
 * mean; a problem with the user's file (UserError) already says what to do.
 */
export function failureMessage(host: Host, e: unknown): string {
  const own = host.describeError?.(e);
  if (own) return own;
  const err = e as { name?: string; message?: string };
  if (err?.name === "UserError" && err.message) return sentence(err.message);
  return `操作没有完成：${sentence(err?.message ?? String(e))}工作簿未被修改，请重试。`;
}
