import { WorkbookSnapshot } from "./grid/snapshot";
import { DepartmentForm } from "./form/model";
import { Recognition, RecognizeOptions, recognizeAll } from "./form/recognize";
import { ProjectForm } from "./form/projectModel";
import { ProjectScoring, scoreProject } from "./derive/projectScoring";
import { DerivedCell, deriveDepartment } from "./derive/derive";
import { ALL_RULES, DepartmentContext, Finding, PROJECT_RULES, ProjectContext, Rule, Severity, projectLabel, runRule } from "./rules";
import { SECTION_ORDER } from "./form/sections";
import { CellChange, Patch, buildPatch } from "./patch";
import { changesFromEdits } from "./narrative/edits";
import { forgetTexts } from "./text/memo";
import { forgetSheetIndexes } from "./form/labels";

export interface AnalyzeOptions extends RecognizeOptions {
  /** Only these rules, of whichever form they check (tests use this to run one rule). */
  rules?: Rule[];
}

export interface ProjectAnalysis {
  form: ProjectForm;
  scoring: ProjectScoring;
  findings: Finding[];
}

export interface Analysis {
  /** The workbook as read: what the findings' cells hold, how the sheet shows their values. */
  snapshot: WorkbookSnapshot;
  recognition: Recognition;
  form?: DepartmentForm;
  /** The 项目支出绩效自评表 of the workbook, each with its scores and findings. */
  projects: ProjectAnalysis[];
  derived: DerivedCell[];
  findings: Finding[];
  /** Every certain fix and derived value, as one patch touching each cell at most once. */
  patch: Patch;
  /** Only the derived values (填充计算项). */
  derivedPatch: Patch;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function sortFindings(findings: Finding[]): Finding[] {
  // The department form first, then each project form by sheet; within a form, by section.
  const formRank = (f: Finding) => (f.form ? 1 + f.cell.sheet : 0);
  return [...findings].sort(
    (a, b) =>
      formRank(a) - formRank(b) ||
      SECTION_ORDER.indexOf(a.section) - SECTION_ORDER.indexOf(b.section) ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.cell.row - b.cell.row ||
      a.cell.col - b.cell.col,
  );
}

/** The whole engine pass: recognize → derive → check → fixes. Pure: the snapshot is not changed. */
export function analyze(snapshot: WorkbookSnapshot, options: AnalyzeOptions = {}): Analysis {
  forgetTexts();
  try {
    return analyzeForm(snapshot, options);
  } finally {
    forgetTexts();
    forgetSheetIndexes();
  }
}

function analyzeForm(snapshot: WorkbookSnapshot, options: AnalyzeOptions): Analysis {
  const { recognition, tables } = recognizeAll(snapshot, options);
  const form = recognition.form;
  const chosen = (list: Rule[]) => (options.rules ? list.filter((r) => options.rules!.includes(r)) : list);
  const projectRules = chosen(PROJECT_RULES as Rule[]) as Rule<ProjectContext>[];
  const projects: ProjectAnalysis[] = tables.map((p) => {
    const scoring = scoreProject(p, snapshot);
    const ctx: ProjectContext = { form: p, scoring, snapshot, cache: new Map() };
    const label = projectLabel(p);
    return { form: p, scoring, findings: projectRules.flatMap((r) => runRule(r, ctx, label)) };
  });
  const derived = form ? deriveDepartment(form, snapshot) : [];
  const findings: Finding[] = projects.flatMap((p) => p.findings);
  if (form) {
    const ctx: DepartmentContext = { form, derived, snapshot, cache: new Map() };
    for (const rule of chosen(ALL_RULES as Rule[]) as Rule<DepartmentContext>[]) findings.push(...runRule(rule, ctx));
  }
  // A text edit is a finding's own fix alone; in the patch, all edits of one cell become one write.
  for (const f of findings) if (f.edit && !f.fix) f.fix = changesFromEdits([f.edit], f.rule);
  const sorted = sortFindings(findings);
  const derivedChanges = [...derived, ...projects.flatMap((p) => p.scoring.derived)].flatMap((d) => (d.change ? [d.change] : []));
  const textChanges = changesFromEdits(sorted.flatMap((f) => (f.edit ? [f.edit] : [])), "text");
  const fixChanges: CellChange[] = [...derivedChanges, ...textChanges, ...sorted.flatMap((f) => (f.edit ? [] : f.fix ?? []))];
  return {
    snapshot,
    recognition,
    form,
    projects,
    derived,
    findings: sorted,
    patch: buildPatch(fixChanges).patch,
    derivedPatch: buildPatch(derivedChanges).patch,
  };
}

/** Whether the workbook held any form the engine knows. */
export function foundForm(a: Analysis): boolean {
  return !!a.form || a.projects.length > 0;
}

export function hasErrors(a: Analysis): boolean {
  return a.findings.some((f) => f.severity === "error");
}
