import { LayoutFamily, parseLayoutText } from "../engine";
import { Assistant, sentence } from "./assistant";
import { LibraryStore, StoredLayout } from "./libraryStore";
import { Observable } from "./observable";
import type { PickedFile } from "./wording";

export interface LayoutsState {
  /** Each imported file with the families it declares. */
  files: { file: string; families: LayoutFamily[] }[];
  note?: string;
}

/**
 * 表格式样: layout files (docs/layouts.md) the user imports once; they are kept on this machine with
 * the wording library and used by every check from then on, as `--layout` is on the command line.
 */
export class LayoutsController extends Observable<LayoutsState> {
  constructor(readonly assistant: Assistant, private readonly store: LibraryStore) {
    super({ files: [] });
  }

  async load(): Promise<void> {
    const stored = await this.store.loadLayouts();
    const files: LayoutsState["files"] = [];
    const broken: string[] = [];
    for (const s of stored) {
      try {
        files.push({ file: s.file, families: parseLayoutText(s.text, s.file) });
      } catch {
        broken.push(s.file); // a file that no longer reads (a newer schema) is set aside, not fatal
      }
    }
    this.use(files, broken.length ? `以下式样文件已无法读取，未使用：${broken.join("、")}。` : undefined);
    // The pane may have checked before the stored layouts were read: check again with them.
    if (files.length && this.assistant.current.analysis) await this.assistant.check();
  }

  private use(files: LayoutsState["files"], note?: string): void {
    this.assistant.setLayouts(files.flatMap((f) => f.families));
    this.set({ files, note });
  }

  private async keep(files: LayoutsState["files"], texts: StoredLayout[], note: string): Promise<void> {
    await this.store.saveLayouts(texts);
    this.use(files, note);
    if (this.assistant.current.analysis) await this.assistant.check();
  }

  /** Imports layout files; a broken one is refused with the field it trips on, the others kept. */
  async importFiles(picked: PickedFile[]): Promise<void> {
    if (picked.length === 0) return;
    const texts = (await this.store.loadLayouts()).slice();
    const files = this.state.files.slice();
    const notes: string[] = [];
    for (const p of picked) {
      try {
        const text = await p.text();
        const families = parseLayoutText(text, p.name);
        const at = files.findIndex((f) => f.file === p.name);
        if (at >= 0) {
          files[at] = { file: p.name, families };
          texts[texts.findIndex((t) => t.file === p.name)] = { file: p.name, text };
        } else {
          files.push({ file: p.name, families });
          texts.push({ file: p.name, text });
        }
        notes.push(`已导入「${p.name}」：${families.map((f) => f.name).join("、")}`);
      } catch (e) {
        notes.push(`「${p.name}」未导入：${sentence((e as Error).message).replace(/。$/, "")}`);
      }
    }
    await this.keep(files, texts, sentence(notes.join("；")));
  }

  async remove(file: string): Promise<void> {
    const texts = (await this.store.loadLayouts()).filter((t) => t.file !== file);
    await this.keep(
      this.state.files.filter((f) => f.file !== file),
      texts,
      `已删除式样「${file}」。`,
    );
  }
}
