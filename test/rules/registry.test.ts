import * as fs from "fs";
import * as path from "path";
import { CONSOLIDATION_RULES, RULE_REGISTRY, Rule } from "../../src/engine";

/**
 * As ESLint's checkRuleFiles: a rule cannot land without its own file named by its id, its own table
 * test, and its line in the README's rule tables; nothing in those places names a rule that is gone.
 */
const ROOT = path.join(__dirname, "..", "..");
const RULES_DIR = path.join(ROOT, "src", "engine", "rules");
/** Files of the rules folder that are the contract and the registry, not rules. */
const NOT_RULES = new Set(["rule.ts", "finding.ts", "index.ts", "project/index.ts", "project/label.ts"]);

function ruleFiles(dir: string, prefix = ""): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? ruleFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : e.name.endsWith(".ts") ? [`${prefix}${e.name}`] : []));
}

const ids = RULE_REGISTRY.map((r) => r.meta.id);
/** The 汇总 rules: the same contract, run over several workbooks at once (src/engine/consolidate). */
const consolidationIds = CONSOLIDATION_RULES.map((r) => r.meta.id);

describe("the rule registry", () => {
  it("has unique ids", () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(RULE_REGISTRY.map((r) => [r.meta.id, r] as const))("%s lives in a file named by its id and is exported from it", (id, rule) => {
    const file = ruleFiles(RULES_DIR).find((f) => path.basename(f, ".ts") === id);
    expect(file).toBeDefined();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(RULES_DIR, file!)) as Record<string, Rule>;
    expect(Object.values(mod)).toContain(rule);
  });

  it("has no rule file outside the registry", () => {
    const stray = ruleFiles(RULES_DIR).filter((f) => !NOT_RULES.has(f) && !ids.includes(path.basename(f, ".ts")));
    expect(stray).toEqual([]);
  });

  it.each(ids)("%s has its table test, which runs it through the rule tester", (id) => {
    const file = path.join(ROOT, "test", "rules", `${id}.test.ts`);
    expect(fs.existsSync(file)).toBe(true);
    const text = fs.readFileSync(file, "utf8");
    expect(text).toMatch(/\btestRule\(/);
    const source = ruleFiles(RULES_DIR).find((f) => path.basename(f, ".ts") === id)!;
    expect(text).toContain(`/rules/${source.replace(/\.ts$/, "")}"`);
  });

  it("has no table test for a rule that is gone", () => {
    const tests = fs.readdirSync(path.join(ROOT, "test", "rules")).filter((f) => f.endsWith(".test.ts") && f !== "registry.test.ts").map((f) => f.replace(/\.test\.ts$/, ""));
    expect(tests.filter((t) => !ids.includes(t))).toEqual([]);
  });

  it("is described in the README's rule tables, one line per rule, with its severity", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const rows = [...readme.matchAll(/^\|\s*`([a-z0-9-]+)`\s*\|\s*([^|]+)\|/gm)].map((m) => ({ id: m[1], severity: m[2].trim() }));
    expect(rows.map((r) => r.id).filter((id) => !ids.includes(id) && !consolidationIds.includes(id))).toEqual([]);
    for (const rule of [...RULE_REGISTRY, ...(CONSOLIDATION_RULES as unknown as Rule[])]) {
      const row = rows.filter((r) => r.id === rule.meta.id);
      expect(row.map((r) => r.id)).toEqual([rule.meta.id]);
      expect(row[0].severity).toContain(rule.meta.severity === "error" ? "强制" : "提示");
      if (rule.meta.fixable) expect(row[0].severity).toMatch(/fix|修正/);
    }
  });

  it.each(CONSOLIDATION_RULES.flatMap((r) => Object.keys(r.meta.messages).map((m) => [r.meta.id, m] as const)))("the 汇总 rule %s reaches its message %s in test/consolidate", (id, messageId) => {
    const text = fs.readFileSync(path.join(ROOT, "test", "consolidate", "checkConsolidation.test.ts"), "utf8");
    expect(text.includes(`${id} ${messageId} `) || new RegExp(`messageId\\)\\.toBe\\("${messageId}"\\)`).test(text)).toBe(true);
  });
});
