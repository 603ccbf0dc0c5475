import { createStore, get, set, del, UseStore } from "idb-keyval";
import { Library, SectionTemplate, emptyLibrary, parseLibrary } from "../engine";

/** Where the pane keeps the prior-year library and the user's own templates: on this machine only. */
export interface LibraryStore {
  load(): Promise<Library>;
  save(lib: Library): Promise<void>;
  clear(): Promise<void>;
  loadTemplates(): Promise<SectionTemplate[]>;
  saveTemplates(t: SectionTemplate[]): Promise<void>;
}

/** IndexedDB through idb-keyval: the browser's own database, nothing leaves the machine. */
export class IndexedDbLibraryStore implements LibraryStore {
  private readonly store: UseStore;
  constructor() {
    this.store = createStore("ziping", "library");
  }
  async load(): Promise<Library> {
    const raw = await get<string>("library", this.store);
    if (!raw) return emptyLibrary();
    try {
      return parseLibrary(raw);
    } catch {
      return emptyLibrary();
    }
  }
  async save(lib: Library): Promise<void> {
    await set("library", JSON.stringify(lib), this.store);
  }
  async clear(): Promise<void> {
    await del("library", this.store);
  }
  async loadTemplates(): Promise<SectionTemplate[]> {
    return (await get<SectionTemplate[]>("templates", this.store)) ?? [];
  }
  async saveTemplates(t: SectionTemplate[]): Promise<void> {
    await set("templates", t, this.store);
  }
}

export class MemoryLibraryStore implements LibraryStore {
  private lib = emptyLibrary();
  private templates: SectionTemplate[] = [];
  async load() {
    return this.lib;
  }
  async save(lib: Library) {
    this.lib = lib;
  }
  async clear() {
    this.lib = emptyLibrary();
  }
  async loadTemplates() {
    return this.templates;
  }
  async saveTemplates(t: SectionTemplate[]) {
    this.templates = t;
  }
}
