#!/usr/bin/env node
"use strict";
/**
 * A `ziping fix` in a child process, for the file tests that need two processes or a signal:
 *   node fixChild.js FILE [OUT]
 * Reads FILE, writes "fixed by <pid>" into A1 of its first sheet, commits in place (or to OUT) and
 * prints the result as JSON; a refusal prints {"error": message} and exits 2. With ZIPING_CHILD_WAIT_FILE
 * it waits, after reading, until that file exists (so a test can order two fixes).
 * The sources are TypeScript: they are transpiled on the fly (no build needed).
 */
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

require.extensions[".ts"] = (module, filename) => {
  const out = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
    fileName: filename,
  }).outputText;
  module._compile(out, filename);
};

const { openXlsxFile, commitFix } = require(path.join(__dirname, "..", "..", "src", "hosts", "xlsx", "files.ts"));

async function main() {
  const [file, output] = process.argv.slice(2);
  try {
    const input = openXlsxFile(file);
    const cell = input.snapshot.sheets[0].cells[0]?.[0];
    const outcome = input.pkg.applyPatch({ changes: [{ cell: { sheet: 0, row: 0, col: 0 }, expected: { value: cell ? cell.v : null, formula: cell && cell.f }, value: `fixed by ${process.pid}`, source: "test" }] });
    if (outcome.applied.length !== 1) throw new Error("not applied");
    const wait = process.env.ZIPING_CHILD_WAIT_FILE;
    if (wait) {
      process.stderr.write("ZIPING_CHILD_READ\n");
      while (!fs.existsSync(wait)) await new Promise((r) => setTimeout(r, 20));
    }
    const result = await commitFix(input, input.pkg.toBytes(), output ? { output } : {});
    process.stdout.write(JSON.stringify({ ok: true, pid: process.pid, ...result }));
  } catch (e) {
    process.stdout.write(JSON.stringify({ error: e.message }));
    process.exitCode = 2;
  }
}
main();
