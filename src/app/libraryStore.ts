import { createStore, get, set, del, UseStore } from "idb-keyval";
import { Library, SectionTemplate, emptyLibrary, parseLibrary } from "../engine";

/** Where the pane keeps the prior-year library and the user's own templates: on this machine only. */
export interface LibraryStore {
  load(): Promise<Library>;
  save(lib: Library): Promise<void>;
  clear(): Promise<void>;
  loadTemplates(): Promise<SectionTemplate[]>;
  saveTemplates(t: SectionTemplate[]): Promise<void>;
  /** The layout files the user imported (表格式样), as they were written: re-read on each load. */
  loadLayouts(): Promise<StoredLayout[]>;
  saveLayouts(l: StoredLayout[]): Promise<void>;
}

export interface StoredLayout {
  file: string;
  text: string;
}

/**
 * IndexedDB through idb-keyval: the browser's own database, nothing leaves the machine. Where a
 * webview has no IndexedDB (old embedded browsers), the library lasts as long as the pane.
 */
export class IndexedDbLibraryStore implements LibraryStore {
  private readonly store: UseStore;
  private readonly fallback?: MemoryLibraryStore;
  constructor() {
    if (typeof indexedDB === "undefined") this.fallback = new MemoryLibraryStore();
    this.store = this.fallback ? (undefined as unknown as UseStore) : createStore("ziping", "library");
  }
  async load(): Promise<Library> {
    if (this.fallback) return this.fallback.load();
    const raw = await get<string>("library", this.store);
    if (!raw) return emptyLibrary();
    try {
      return parseLibrary(raw);
    } catch {
      return emptyLibrary();
    }
  }
  async save(lib: Library): Promise<void> {
    if (this.fallback) return this.fallback.save(lib);
    await set("library", JSON.stringify(lib), this.store);
  }
  async clear(): Promise<void> {
    if (this.fallback) return this.fallback.clear();
    await del("library", this.store);
  }
  async loadTemplates(): Promise<SectionTemplate[]> {
    if (this.fallback) return this.fallback.loadTemplates();
    return (await get<SectionTemplate[]>("templates", this.store)) ?? [];
  }
  async saveTemplates(t: SectionTemplate[]): Promise<void> {
    if (this.fallback) return this.fallback.saveTemplates(t);
    await set("templates", t, this.store);
  }
  async loadLayouts(): Promise<StoredLayout[]> {
    if (this.fallback) return this.fallback.loadLayouts();
    return (await get<StoredLayout[]>("layouts", this.store)) ?? [];
  }
  async saveLayouts(l: StoredLayout[]): Promise<void> {
    if (this.fallback) return this.fallback.saveLayouts(l);
    await set("layouts", l, this.store);
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
  private layouts: StoredLayout[] = [];
  async loadLayouts() {
    return this.layouts;
  }
  async saveLayouts(l: StoredLayout[]) {
    this.layouts = l;
  }
}
