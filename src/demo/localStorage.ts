import { HostStorage } from "../hosts/types";

/** localStorage as host storage: the demo's undo journal survives a reload of the page. */
export class LocalStorageStorage implements HostStorage {
  constructor(private readonly prefix: string) {}
  async load(key: string) {
    try {
      return window.localStorage.getItem(this.prefix + key) ?? undefined;
    } catch {
      return undefined;
    }
  }
  async save(key: string, value: string) {
    try {
      window.localStorage.setItem(this.prefix + key, value);
    } catch {
      /* private mode or full: the journal then lasts as long as the page */
    }
  }
}

