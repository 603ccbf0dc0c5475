import { analyze, Finding, Rule, applyPatchToSnapshot, addressToA1, WorkbookSnapshot } from "../../src/engine";
import { FormSpec, buildForm } from "./formBuilder";

export interface InvalidCase {
  name: string;
  form: FormSpec | WorkbookSnapshot;
  /** Each expected finding: where it points and words its message must contain. */
  errors: { cell?: string; contains?: string | string[]; severity?: Finding["severity"] }[];
  /** Expected writes of the fix, by A1 address; null asserts no fix. */
  output?: Record<string, unknown> | null;
}

export interface ValidCase {
  name: string;
  form: FormSpec | WorkbookSnapshot;
}

function toSnapshot(f: FormSpec | WorkbookSnapshot): WorkbookSnapshot {
  return "sheets" in f ? f : buildForm(f);
}

/**
 * ESLint's RuleTester, for cells: valid forms give no finding of the rule; invalid ones give exactly
 * the listed findings; a fix, once applied, leaves nothing for the rule to report.
 */
export function testRule(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    it("declares its metadata", () => {
      expect(rule.id).toMatch(/^[a-z0-9-]+$/);
      expect(["error", "warning", "info"]).toContain(rule.severity);
      expect(rule.description).toMatch(/[\u4e00-\u9fa5]/);
      for (const m of Object.values(rule.messages)) expect(m).toMatch(/[\u4e00-\u9fa5]/);
    });
    describe("valid", () => {
      for (const c of cases.valid) {
        it(c.name, () => {
          const a = analyze(toSnapshot(c.form), { rules: [rule] });
          expect(a.form).toBeDefined();
          expect(a.findings.map((f) => f.message)).toEqual([]);
        });
      }
    });
    describe("invalid", () => {
      for (const c of cases.invalid) {
        it(c.name, () => {
          const snapshot = toSnapshot(c.form);
          const a = analyze(snapshot, { rules: [rule] });
          expect(a.form).toBeDefined();
          const got = a.findings.map((f) => ({ cell: addressToA1(f.cell), message: f.message, severity: f.severity, fix: f.fix }));
          expect(got).toHaveLength(c.errors.length);
          c.errors.forEach((e, i) => {
            if (e.cell) expect(got[i].cell).toBe(e.cell);
            const words = e.contains === undefined ? [] : Array.isArray(e.contains) ? e.contains : [e.contains];
            for (const w of words) expect(got[i].message).toContain(w);
            if (e.severity) expect(got[i].severity).toBe(e.severity);
            expect(got[i].message).not.toMatch(/\{\{\w+\}\}/);
          });
          if (c.output === null) expect(a.findings.every((f) => !f.fix)).toBe(true);
          if (c.output) {
            const writes = Object.fromEntries(a.findings.flatMap((f) => f.fix ?? []).map((ch) => [addressToA1(ch.cell), ch.formula ? `=${ch.formula}` : ch.value]));
            expect(writes).toEqual(c.output);
            const fixed = applyPatchToSnapshot(snapshot, a.patch).snapshot;
            const again = analyze(fixed, { rules: [rule] });
            expect(again.findings.filter((f) => f.fix)).toEqual([]);
          }
        });
      }
    });
  });
}
