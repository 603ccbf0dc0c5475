/** Where a command writes: stdout for results, stderr for problems. Tests pass their own. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const consoleIo: Io = { out: (l) => process.stdout.write(l + "\n"), err: (l) => process.stderr.write(l + "\n") };

/**
 * `ziping check DIR | head -1`: when the reader of our output goes away, stop quietly with the exit
 * code so far, as other command-line tools do, instead of a stack trace. Files are never being written
 * then: fix prints only after its file is committed.
 */
export function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount("error") > 0) continue;
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
      throw e;
    });
  }
}
