import { analyze, Analysis, Finding, Rule, Section, Severity, SECTION_NAMES, applyPatchToSnapshot, addressToA1, WorkbookSnapshot } from "../../src/engine";
import { FormSpec, buildForm } from "./formBuilder";

/** One expected finding: which message, where, and (optionally) the data it was filled from. */
export interface ExpectedFinding {
  messageId: string;
  cell: string;
  /** The data the message was filled from; only the keys given are compared. */
  data?: Record<string, string | number>;
  severity?: Severity;
  section?: Section;
}

export interface InvalidCase {
  name: string;
  form: FormSpec | WorkbookSnapshot;
  errors: ExpectedFinding[];
  /** The fix's writes by A1 address (a formula as "=…"); null asserts that nothing is fixed. */
  output: Record<string, unknown> | null;
}

export interface ValidCase {
  name: string;
  form: FormSpec | WorkbookSnapshot;
}

function toSnapshot(f: FormSpec | WorkbookSnapshot): WorkbookSnapshot {
  return "sheets" in f ? f : buildForm(f);
}

function foundAForm(a: Analysis): boolean {
  return !!a.form || a.projects.length > 0;
}

/**
 * ESLint's RuleTester, for cells: valid forms give no finding of the rule; invalid ones give exactly
 * the listed findings, matched by messageId, cell and data (never by message text); a fix, once
 * applied, leaves nothing for the rule to fix again. Rules run strict (test/setup), so a fix from a
 * rule not declared fixable, an unknown messageId or an unfilled placeholder throws.
 */
export function testRule(rule: Rule<never>, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const { meta } = rule;
  const only = { rules: [rule as Rule] };
  describe(meta.id, () => {
    it("declares its metadata", () => {
      expect(meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(["error", "warning", "info"]).toContain(meta.severity);
      expect(Object.keys(SECTION_NAMES)).toContain(meta.section);
      expect(meta.description).toMatch(/[\u4e00-\u9fa5]/);
      expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
      for (const m of Object.values(meta.messages)) expect(m).toMatch(/[\u4e00-\u9fa5]/);
    });
    it("has valid and invalid cases", () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
      if (meta.fixable) expect(cases.invalid.some((c) => c.output !== null)).toBe(true);
      // Every message the rule declares is shown to be reachable.
      const used = new Set(cases.invalid.flatMap((c) => c.errors.map((e) => e.messageId)));
      expect(Object.keys(meta.messages).filter((id) => !used.has(id))).toEqual([]);
    });
    describe("valid", () => {
      for (const c of cases.valid) {
        it(c.name, () => {
          const a = analyze(toSnapshot(c.form), only);
          expect(foundAForm(a)).toBe(true);
          expect(a.findings.map((f) => `${f.messageId} ${addressToA1(f.cell)} ${f.message}`)).toEqual([]);
        });
      }
    });
    describe("invalid", () => {
      for (const c of cases.invalid) {
        it(c.name, () => {
          const snapshot = toSnapshot(c.form);
          const a = analyze(snapshot, only);
          expect(foundAForm(a)).toBe(true);
          const got = a.findings.map((f: Finding) => ({ messageId: f.messageId, cell: addressToA1(f.cell), data: f.data ?? {}, severity: f.severity, section: f.section }));
          expect(got.map((g) => `${g.messageId} ${g.cell}`)).toEqual(c.errors.map((e) => `${e.messageId} ${e.cell}`));
          c.errors.forEach((e, i) => {
            if (e.data) expect(got[i].data).toMatchObject(e.data);
            if (e.severity) expect(got[i].severity).toBe(e.severity);
            if (e.section) expect(got[i].section).toBe(e.section);
          });
          const writes = Object.fromEntries(a.findings.flatMap((f) => f.fix ?? []).map((ch) => [addressToA1(ch.cell), ch.formula ? `=${ch.formula}` : ch.value]));
          if (c.output === null) {
            expect(a.findings.filter((f) => f.fix || f.edit)).toEqual([]);
          } else {
            expect(writes).toEqual(c.output);
            const again = analyze(applyPatchToSnapshot(snapshot, a.patch).snapshot, only);
            expect(again.findings.filter((f) => f.fix || f.edit)).toEqual([]);
          }
        });
      }
    });
  });
}
