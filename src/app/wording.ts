import {
  BUILT_IN_TEMPLATES,
  CellChange,
  CellAddress,
  DepartmentForm,
  InsertMode,
  Library,
  Retriever,
  SectionTemplate,
  Suggestion,
  WORDING_SECTIONS,
  WordingSection,
  addToLibrary,
  addressToA1,
  alreadyHolds,
  cellPurpose,
  continueNumbering,
  emptyLibrary,
  excerpt,
  insertInto,
  insertionRefusal,
  insertionChange,
  parseLibrary,
  templateText,
} from "../engine";
import { Assistant, sentence } from "./assistant";
import { LibraryStore } from "./libraryStore";
import { LayoutsController } from "./layouts";
import { Observable } from "./observable";
import { itemsFromSnapshot, itemsFromXlsx } from "./importPrior";

/** What 导入往年自评表 can read, said whenever a file gives it nothing. */
export const IMPORTABLE = "可导入往年的部门整体支出绩效自评表（.xlsx，含存在问题、改进措施等栏目），或导出的措辞库（.json）；.xls 请先在 Excel 或 WPS 中另存为 .xlsx";

/** A file the user picked (the browser's File has this shape). */
export interface PickedFile {
  name: string;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface WordingState {
  library: Library;
  templates: SectionTemplate[];
  /** The last thing the panel did, in Chinese. */
  note?: string;
  /** An insertion that waits for the user's yes: it would replace text, or insert the same text twice. */
  pending?: PendingInsert;
  /** The suggestions already inserted (by library item id): they leave the list. */
  used: string[];
}

export interface PendingInsert {
  question: string;
  change: CellChange;
  label: string;
  itemId?: string;
}

/** What an insertion is: its text, its label for the journal, and the library item it came from. */
export interface InsertRequest {
  text: string;
  label: string;
  into: WordingSection;
  mode: InsertMode;
  target: InsertTarget;
  itemId?: string;
}

/** Where inserted text goes: the section's own cell, or the cell selected in the sheet. */
export type InsertTarget = "section" | "selected";

/**
 * The wording panel's controller, as Assistant is the pane's: the prior-year library and the user's
 * templates (kept on this machine by the store), suggestions for this year's form, imports, and
 * insertion through the assistant's guarded writes and journal. The panel renders and calls.
 */
export class WordingController extends Observable<WordingState> {
  private retriever?: { library: Library; retriever: Retriever };

  /** 表格式样: kept in the same local store as the library. */
  readonly layouts: LayoutsController;

  constructor(readonly assistant: Assistant, private readonly store: LibraryStore) {
    super({ library: emptyLibrary(), templates: [], used: [] });
    this.layouts = new LayoutsController(assistant, store);
  }

  async load(): Promise<void> {
    const [library, templates] = await Promise.all([this.store.load(), this.store.loadTemplates()]);
    this.set({ library, templates });
  }

  /** The form the assistant last checked, if it is a department form. */
  get form(): DepartmentForm | undefined {
    return this.assistant.current.analysis?.form;
  }

  /** The best prior-year items for a section of this year's form. */
  suggestions(section: WordingSection, limit = 8): Suggestion[] {
    const form = this.form;
    const lib = this.state.library;
    if (!form || lib.items.length === 0) return [];
    if (this.retriever?.library !== lib) this.retriever = { library: lib, retriever: new Retriever(lib.items) };
    // An item already inserted, or whose text the section already holds, leaves the list.
    const ref = section === "achieved" ? form.goals.achieved : form[section];
    const used = new Set(this.state.used);
    return this.retriever.retriever.suggest(form, section, limit + used.size).filter((s) => !used.has(s.item.id) && !(ref && alreadyHolds(ref.raw, s.adapted))).slice(0, limit);
  }

  templatesFor(section: WordingSection): SectionTemplate[] {
    return [...BUILT_IN_TEMPLATES, ...this.state.templates].filter((t) => t.section === section);
  }

  /** The text of a template for this year's form. */
  templateText(t: SectionTemplate): string | undefined {
    return this.form ? templateText(t, this.form) : undefined;
  }

  private note(note: string): void {
    this.set({ note });
  }

  /**
   * Inserts text into a section's cell or the selected cell, as one guarded, undoable write. Text
   * goes only where text belongs; it continues the numbering of the items already there; replacing
   * text, or inserting what the cell already holds, waits for the user's yes (pending).
   */
  async insert(request: InsertRequest): Promise<void> {
    const { into, mode, target } = request;
    let cell: CellAddress;
    let raw: string;
    let expected: CellChange["expected"];
    let where: string;
    if (target === "selected") {
      const sel = await this.assistant.selection();
      if (!sel) return this.note("没有读到选中的单元格：请先在表格中选中要写入的单元格。");
      const analysis = this.assistant.current.analysis;
      const refusal = sel.formula ? insertionRefusal({ kind: "formula" }, sel.cell) : analysis ? insertionRefusal(cellPurpose(analysis, sel.cell), sel.cell) : undefined;
      if (refusal) return this.note(refusal);
      cell = sel.cell;
      raw = sel.value === null ? "" : String(typeof sel.value === "object" ? sel.value.error : sel.value);
      expected = { value: sel.value };
      where = addressToA1(sel.cell);
    } else {
      const form = this.form;
      const ref = form ? (into === "achieved" ? form.goals.achieved : form[into]) : undefined;
      if (!ref) return this.note(`表中没有找到「${WORDING_SECTIONS[into]}」一栏，无法插入。`);
      cell = ref.cell;
      raw = ref.raw;
      expected = { value: ref.raw === "" ? null : ref.raw };
      where = WORDING_SECTIONS[into];
    }
    const text = mode === "append" ? continueNumbering(request.text, raw) : request.text;
    const change: CellChange = { cell, expected, value: insertInto(raw, text, mode), source: "insert" };
    const label = `${request.label}（${where}）`;
    const filled = raw.trim() !== "";
    const question =
      mode === "replace" && filled
        ? `${where}已有内容「${excerpt(raw, 24)}」，替换后原有内容将被覆盖（可用「撤销」恢复）。确定替换吗？`
        : filled && alreadyHolds(raw, request.text)
          ? `${where}中已有这段文字，确定再插入一次吗？`
          : undefined;
    if (question) {
      this.set({ pending: { question, change, label, itemId: request.itemId }, note: undefined });
      return;
    }
    await this.write(change, label, request.itemId);
  }

  /** The user said yes to the pending insertion. */
  async confirm(): Promise<void> {
    const p = this.state.pending;
    if (!p) return;
    this.set({ pending: undefined });
    await this.write(p.change, p.label, p.itemId);
  }

  /** The user said no: nothing is written. */
  cancel(): void {
    if (this.state.pending) this.set({ pending: undefined, note: "已取消，未写入。" });
  }

  private async write(change: CellChange, label: string, itemId?: string): Promise<void> {
    this.set({ note: undefined });
    const outcome = await this.assistant.insertText(change, label, "wording");
    if (itemId && outcome?.applied.length) this.set({ used: [...this.state.used, itemId] });
  }

  private async keep(next: Library, note: string): Promise<void> {
    await this.store.save(next);
    this.set({ library: next, note });
  }

  /** Imports prior-year forms (.xlsx) and library exports (.json) the user picked. */
  async importFiles(files: PickedFile[]): Promise<void> {
    if (files.length === 0) return;
    let next = this.state.library;
    const messages: string[] = [];
    for (const file of files) {
      try {
        if (/\.json$/i.test(file.name)) {
          const lib = parseLibrary(await file.text());
          next = addToLibrary(next, lib.items);
          messages.push(`「${file.name}」导入 ${lib.items.length} 条`);
        } else {
          const items = await itemsFromXlsx(await file.arrayBuffer(), file.name);
          next = addToLibrary(next, items);
          messages.push(items.length ? `「${file.name}」导入 ${items.length} 条` : `「${file.name}」中没有可用于措辞的自评表（${IMPORTABLE}）`);
        }
      } catch (e) {
        messages.push(`「${file.name}」无法导入：${sentence((e as Error).message).replace(/。$/, "")}（${IMPORTABLE}）`);
      }
    }
    await this.keep(next, sentence(messages.join("；")));
  }

  /** Imports the prior-year forms on the open workbook's other sheets. */
  async importSheets(): Promise<void> {
    const snapshot = this.assistant.current.snapshot;
    if (!snapshot) return;
    const items = itemsFromSnapshot(snapshot, snapshot.fileName, this.form?.sheet);
    await this.keep(addToLibrary(this.state.library, items), items.length ? `从本工作簿的其他工作表导入 ${items.length} 条` : "本工作簿的其他工作表中没有往年的自评表");
  }

  /** Saves what a section of this year's form holds as the user's own template. */
  async saveTemplate(name: string, section: WordingSection): Promise<void> {
    const form = this.form;
    const ref = form ? (section === "achieved" ? form.goals.achieved : form[section]) : undefined;
    if (!name.trim() || !ref?.text.trim()) return;
    const t: SectionTemplate = { id: `user-${Date.now()}`, name: name.trim(), section, text: ref.text, builtIn: false };
    const templates = [...this.state.templates, t];
    await this.store.saveTemplates(templates);
    this.set({ templates, note: `已把「${WORDING_SECTIONS[section]}」的内容保存为模板「${t.name}」` });
  }

  async clear(): Promise<void> {
    await this.store.clear();
    this.set({ library: emptyLibrary(), note: "措辞库已清空" });
  }

  /** The library as JSON, for 导出措辞库. */
  exportJson(): string {
    return JSON.stringify(this.state.library);
  }
}
