import { CellChange } from "../engine";
import { ApplyOutcome, HostStorage } from "../hosts/types";

export interface JournalEntry {
  /** What the user did, in Chinese: "应用修正 G6", "全部应用（3 处）". */
  label: string;
  at: string;
  /** The writes that undo the entry, each expecting the value the entry wrote. */
  undo: CellChange[];
}

const KEY = "ziping.journal";
/** Document settings hold about 2 MB; the journal keeps the last entries well under that. */
const MAX_ENTRIES = 20;
const MAX_CHARS = 500_000;

/**
 * The add-in's own record of its writes (old values and formulas), kept in the document, so the user
 * can undo the last apply even after Excel's undo stack was cleared or the pane was closed.
 */
export class Journal {
  private entries: JournalEntry[] = [];
  private loaded = false;

  constructor(private readonly storage: HostStorage) {}

  async load(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    try {
      const raw = await this.storage.load(KEY);
      const parsed = raw ? (JSON.parse(raw) as JournalEntry[]) : [];
      this.entries = Array.isArray(parsed) ? parsed : [];
    } catch {
      this.entries = []; // an unreadable journal is dropped rather than trusted
    }
  }

  get last(): JournalEntry | undefined {
    return this.entries[this.entries.length - 1];
  }

  get size(): number {
    return this.entries.length;
  }

  async record(label: string, outcome: ApplyOutcome): Promise<void> {
    if (outcome.applied.length === 0) return;
    const undo: CellChange[] = outcome.applied.map(({ change, before }) => ({
      cell: change.cell,
      expected: { value: change.value, formula: change.formula },
      value: before.value,
      formula: before.formula,
      source: "undo",
    }));
    this.entries.push({ label, at: new Date().toISOString(), undo });
    while (this.entries.length > MAX_ENTRIES || (this.entries.length > 1 && JSON.stringify(this.entries).length > MAX_CHARS)) this.entries.shift();
    await this.persist();
  }

  async pop(): Promise<JournalEntry | undefined> {
    const e = this.entries.pop();
    await this.persist();
    return e;
  }

  private async persist(): Promise<void> {
    await this.storage.save(KEY, JSON.stringify(this.entries));
  }
}
