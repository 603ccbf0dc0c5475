import {
  BUILT_IN_TEMPLATES,
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
  emptyLibrary,
  insertionChange,
  parseLibrary,
  templateText,
} from "../engine";
import { Assistant } from "./assistant";
import { LibraryStore } from "./libraryStore";
import { Observable } from "./observable";
import { itemsFromSnapshot, itemsFromXlsx } from "./importPrior";

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

  constructor(readonly assistant: Assistant, private readonly store: LibraryStore) {
    super({ library: emptyLibrary(), templates: [] });
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
    return this.retriever.retriever.suggest(form, section, limit);
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

  /** Inserts text into a section's cell or the selected cell, as one guarded, undoable write. */
  async insert(text: string, label: string, into: WordingSection, mode: InsertMode, target: InsertTarget): Promise<void> {
    if (target === "selected") {
      const sel = await this.assistant.selection();
      if (!sel) return this.note("没有读到选中的单元格：请先在表格中选中要写入的单元格。");
      if (sel.formula) return this.note(`选中的 ${addressToA1(sel.cell)} 是公式单元格，不写入文字。`);
      const raw = sel.value === null ? "" : String(typeof sel.value === "object" ? sel.value.error : sel.value);
      await this.assistant.insertText({ ...insertionChange({ cell: sel.cell, raw }, text, mode, "insert"), expected: { value: sel.value } }, `${label}（${addressToA1(sel.cell)}）`);
      return;
    }
    const form = this.form;
    const ref = form ? (into === "achieved" ? form.goals.achieved : form[into]) : undefined;
    if (!ref) return this.note(`表中没有找到「${WORDING_SECTIONS[into]}」一栏，无法插入。`);
    await this.assistant.insertText(insertionChange(ref, text, mode, "insert"), `${label}（${WORDING_SECTIONS[into]}）`);
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
          messages.push(items.length ? `「${file.name}」导入 ${items.length} 条` : `「${file.name}」中没有找到自评表`);
        }
      } catch (e) {
        messages.push(`「${file.name}」无法导入：${(e as Error).message}`);
      }
    }
    await this.keep(next, messages.join("；"));
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
