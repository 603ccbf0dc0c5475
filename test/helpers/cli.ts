import { main } from "../../src/cli/main";

/** Runs the CLI in this process, capturing what it prints and its exit code. */
export async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["node", "ziping", ...args], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}
