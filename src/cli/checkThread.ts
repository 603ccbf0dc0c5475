import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import type { WorkbookSnapshot } from "../engine";
import type { FileReport, ReportOptions } from "./fileReport";

export interface CheckRequest {
  id: number;
  file: string;
  snapshot: WorkbookSnapshot;
  options: ReportOptions;
}

export type CheckResponse = { id: number; report: FileReport; error?: undefined } | { id: number; report?: undefined; error: { message: string; stack?: string } };

/** A report, or the engine's failure on that file (never a rejected promise: a folder's reports are awaited in order). */
export type CheckOutcome = { report: FileReport } | { error: Error };

/**
 * The engine on a thread of its own, so a folder is checked while the next files are read: reading
 * a file (ExcelJS) and checking it (the engine) each take about half the time, and on two or more
 * cores they overlap (npm run bench). One thread is started the first time a folder is checked and
 * kept for the process; it holds no handle open while it has nothing to do.
 */
export class CheckThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, (outcome: CheckOutcome) => void>();
  private nextId = 0;
  private failed?: Error;

  private constructor(script: string) {
    this.worker = new Worker(script);
    this.worker.unref();
    this.worker.on("message", (r: CheckResponse) => this.settle(r.id, r.error ? { error: rebuildError(r.error) } : { report: r.report! }));
    // The thread died (out of memory, a crash): every file still waiting fails, and so does every later one.
    const fail = (error: Error) => {
      this.failed = error;
      for (const id of [...this.waiting.keys()]) this.settle(id, { error });
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`检查线程意外退出（代码 ${code}）`)));
  }

  /** Checks one snapshot on the thread. */
  check(file: string, snapshot: WorkbookSnapshot, options: ReportOptions): Promise<CheckOutcome> {
    if (this.failed) return Promise.resolve({ error: this.failed });
    const id = this.nextId++;
    // The thread keeps the process alive only while a report is awaited.
    if (this.waiting.size === 0) this.worker.ref();
    const outcome = new Promise<CheckOutcome>((resolve) => this.waiting.set(id, resolve));
    this.worker.postMessage({ id, file, snapshot, options } satisfies CheckRequest);
    return outcome;
  }

  private settle(id: number, outcome: CheckOutcome): void {
    const resolve = this.waiting.get(id);
    if (!resolve) return;
    this.waiting.delete(id);
    if (this.waiting.size === 0) this.worker.unref();
    resolve(outcome);
  }

  private static shared?: CheckThread;

  /**
   * The process's check thread, started on first use; undefined when checking in-process is the
   * better choice: a single core (the two would only take turns), or no compiled worker script
   * (the tests run the TypeScript sources, which a worker cannot load).
   */
  static get(mode: "auto" | "always" = "auto"): CheckThread | undefined {
    if (CheckThread.shared && !CheckThread.shared.failed) return CheckThread.shared;
    const script = path.join(__dirname, "checkWorker.js");
    if (!fs.existsSync(script)) {
      if (mode === "always") throw new Error(`没有编译好的检查线程脚本：${script}`);
      return undefined;
    }
    if (mode === "auto" && availableCores() < 2) return undefined;
    try {
      CheckThread.shared = new CheckThread(script);
    } catch (e) {
      if (mode === "always") throw e;
      return undefined; // threads unavailable here: check in-process
    }
    return CheckThread.shared;
  }
}

function availableCores(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}

function rebuildError(e: { message: string; stack?: string }): Error {
  const error = new Error(e.message);
  if (e.stack) error.stack = e.stack;
  return error;
}
