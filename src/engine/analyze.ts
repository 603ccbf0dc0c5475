import { WorkbookSnapshot } from "./grid/snapshot";
import { DepartmentForm } from "./form/model";
import { Recognition, RecognizeOptions, recognize } from "./form/recognize";
import { DerivedCell, deriveDepartment } from "./derive/derive";
import { ALL_RULES, Finding, Rule, SECTION_ORDER, Severity } from "./rules";
import { CellChange, Patch, buildPatch } from "./patch";
import { changesFromEdits } from "./narrative/edits";

export interface AnalyzeOptions extends RecognizeOptions {
  /** Rules to run instead of the template's own (tests use this to run one rule). */
  rules?: Rule[];
}

export interface Analysis {
  recognition: Recognition;
  form?: DepartmentForm;
  derived: DerivedCell[];
  findings: Finding[];
  /** Every certain fix and derived value, as one patch touching each cell at most once. */
  patch: Patch;
  /** Only the derived values (填充计算项). */
  derivedPatch: Patch;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SECTION_ORDER.indexOf(a.section) - SECTION_ORDER.indexOf(b.section) ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.cell.row - b.cell.row ||
      a.cell.col - b.cell.col,
  );
}

/** The whole engine pass: recognize → derive → check → fixes. Pure: the snapshot is not changed. */
export function analyze(snapshot: WorkbookSnapshot, options: AnalyzeOptions = {}): Analysis {
  const recognition = recognize(snapshot, options);
  const form = recognition.form;
  if (!form) return { recognition, derived: [], findings: [], patch: { changes: [] }, derivedPatch: { changes: [] } };
  const derived = deriveDepartment(form, snapshot);
  const rules = options.rules ?? ALL_RULES;
  const findings: Finding[] = [];
  const cache = new Map<string, unknown>();
  for (const rule of rules) findings.push(...rule.check({ form, derived, snapshot, cache }));
  // A text edit is a finding's own fix alone; in the patch, all edits of one cell become one write.
  for (const f of findings) if (f.edit && !f.fix) f.fix = changesFromEdits([f.edit], f.rule);
  const sorted = sortFindings(findings);
  const derivedChanges = derived.flatMap((d) => (d.change ? [d.change] : []));
  const textChanges = changesFromEdits(sorted.flatMap((f) => (f.edit ? [f.edit] : [])), "text");
  const fixChanges: CellChange[] = [...derivedChanges, ...textChanges, ...sorted.flatMap((f) => (f.edit ? [] : f.fix ?? []))];
  return {
    recognition,
    form,
    derived,
    findings: sorted,
    patch: buildPatch(fixChanges).patch,
    derivedPatch: buildPatch(derivedChanges).patch,
  };
}

export function hasErrors(a: Analysis): boolean {
  return a.findings.some((f) => f.severity === "error");
}
