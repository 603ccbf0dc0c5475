import { Analysis, BlockRead, ProjectAnalysis, CellAddress, DepartmentForm, FORM_KIND_NAMES, FieldRef, Finding, Quantity, TextRef, addressToA1 } from "../engine";

const cell = (a: CellAddress | undefined) => (a ? addressToA1(a) : undefined);

function quantityJson(q: Quantity) {
  if (q.kind !== "number") return { kind: q.kind, text: q.text };
  const out: Record<string, unknown> = { kind: q.kind, value: q.value, unit: q.unit };
  if (q.comparison) out.comparison = q.comparison;
  if (q.approx) out.approx = q.approx;
  if (q.isTarget) out.isTarget = true;
  if (q.range) out.range = q.range;
  return out;
}

function fieldJson(f: FieldRef | undefined) {
  if (!f) return undefined;
  return { text: f.text, value: f.quantity.kind === "number" ? f.quantity.value : undefined, cell: cell(f.cell), label: f.label, labelCell: cell(f.labelCell), formula: f.source?.f };
}

function textJson(t: TextRef | undefined) {
  return t ? { cell: cell(t.cell), text: t.text } : undefined;
}

/** The form model for --json: addresses as A1 strings, raw snapshots left out. */
export function modelJson(form: DepartmentForm) {
  return {
    family: "guangzhou-department",
    confidence: form.confidence,
    blocks: departmentBlocks(form),
    header: { department: fieldJson(form.header.department), year: fieldJson(form.header.year), yearNumber: form.header.yearNumber },
    funding: Object.fromEntries(Object.entries(form.funding).map(([k, f]) => [k, fieldJson(f)])),
    goals: { expected: textJson(form.goals.expected), achieved: textJson(form.goals.achieved) },
    tasks: form.tasks.map((t) => ({
      number: t.number,
      name: t.name,
      cell: cell(t.cell),
      rows: `${t.firstRow + 1}-${t.lastRow + 1}`,
      goal: t.goal?.text,
      fund: t.fund ? { text: t.fund.text, value: t.fundTotal, cell: cell(t.fund.cell) } : undefined,
      indicators: t.indicators.length,
    })),
    indicators: form.indicators.map((i) => ({
      task: i.taskNumber ?? null,
      taskName: form.tasks[i.task]?.name,
      name: i.name,
      value: i.valueText,
      quantity: quantityJson(i.quantity),
      cell: cell(i.valueCell),
      nameCell: cell(i.nameCell),
      line: i.lineCount > 1 ? i.line + 1 : undefined,
    })),
    keyProject: textJson(form.keyProject),
    overall: textJson(form.overall),
    problems: textJson(form.problems),
    measures: textJson(form.measures),
  };
}

export function findingJson(f: Finding, sheetName: string) {
  const out: Record<string, unknown> = { rule: f.rule, severity: f.severity, section: f.section, sheet: sheetName, cell: cell(f.cell), message: f.message };
  if (f.form) out.form = f.form;
  if (f.related?.length) out.related = f.related.map(cell);
  if (f.quote) out.quote = f.quote;
  if (f.details) out.details = f.details.map((d) => ({ [f.detailNames?.[0] ?? "a"]: d.a, [f.detailNames?.[1] ?? "b"]: d.b, figures: d.figures }));
  if (f.fix?.length) out.fix = f.fix.map((c) => (c.formula ? { cell: cell(c.cell), formula: `=${c.formula}`, value: c.value } : { cell: cell(c.cell), value: c.value }));
  return out;
}

export function projectJson(p: ProjectAnalysis) {
  const f = p.form;
  const s = p.scoring;
  return {
    sheet: f.sheetName,
    form: FORM_KIND_NAMES[f.kind],
    layout: f.layout,
    family: { id: f.family.id, name: f.family.name, kind: f.kind },
    confidence: f.confidence,
    rows: `${f.region.top + 1}-${f.region.bottom + 1}`,
    year: f.yearNumber,
    moneyUnit: f.moneyUnit,
    blocks: blocksJson(f.blocks),
    unread: f.unread.map((u) => ({ kind: u.kind, what: u.what, cell: cell(u.cell) })),
    name: f.header.name?.text,
    department: f.header.department?.text,
    unit: f.header.unit?.text,
    funds: f.funds.map((r) => ({ row: r.key, label: r.label, ...Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, { text: c!.text, cell: cell(c!.cell) }])) })),
    indicators: s.indicators.map((x) => ({
      level1: x.indicator.level1,
      level2: x.indicator.level2,
      level3: x.indicator.level3,
      nature: x.indicator.nature,
      target: x.indicator.target.text,
      actual: x.indicator.actual.text,
      weight: x.indicator.weight?.quantity.value,
      score: x.indicator.score?.quantity.value,
      expectedScore: x.expected,
      band: x.band?.name,
      cell: cell(x.indicator.score?.cell),
    })),
    scores: { executionRate: s.executionRate, budgetScore: s.budgetScore, total: s.total, grade: s.grade, weightSum: s.weightSum },
    derived: s.derived.map((d) => ({ cell: cell(d.cell), name: d.derivation.name, value: d.expected, display: d.display, status: d.status })),
  };
}

/** Blocks with their cells as A1 addresses. */
function blocksJson(blocks: BlockRead[]) {
  return blocks.map((b) => ({ kind: b.kind, rows: `${b.firstRow + 1}-${b.lastRow + 1}`, items: b.items, cells: Object.fromEntries(Object.entries(b.cells).map(([k, c]) => [k, cell(c)])) }));
}

/** The blocks of the 广州-style department form, as the table forms list theirs. */
function departmentBlocks(form: DepartmentForm) {
  const cells = (o: Record<string, { cell: CellAddress } | undefined>) => Object.fromEntries(Object.entries(o).flatMap(([k, f]) => (f ? [[k, cell(f.cell)]] : [])));
  const out: Record<string, unknown>[] = [
    { kind: "header", cells: cells({ department: form.header.department, year: form.header.year }) },
    { kind: "budget", cells: cells(form.funding) },
    { kind: "goals", cells: cells(form.goals) },
  ];
  if (form.table) out.push({ kind: "tasks", rows: `${form.table.headerRow + 1}-${form.table.lastRow + 1}`, items: form.indicators.length, cells: { tasks: cell({ sheet: form.sheet, row: form.table.headerRow, col: form.table.taskCols[0] }), indicators: cell({ sheet: form.sheet, row: form.table.headerRow, col: form.table.indicatorCol }) } });
  out.push({ kind: "prose", cells: cells({ keyProject: form.keyProject, overall: form.overall, problems: form.problems, measures: form.measures }) });
  return out;
}

export function analysisJson(file: string, a: Analysis) {
  const form = a.form;
  const projects = a.projects.map(projectJson);
  if (!form && projects.length) return { file, sheet: projects[0].sheet, form: projects[0].form, model: null, derived: [], projects, findings: a.findings.map((f) => findingJson(f, a.projects.find((p) => p.form.sheet === f.cell.sheet)?.form.sheetName ?? "")) };
  if (!form) return { file, sheet: null, form: null, reason: a.recognition.reason, candidates: a.recognition.candidates, model: null, derived: [], findings: [] };
  return {
    file,
    sheet: form.sheetName,
    form: "部门整体支出绩效自评表",
    model: modelJson(form),
    derived: a.derived.map((d) => {
      const out: Record<string, unknown> = { cell: cell(d.cell), name: d.derivation.name, value: d.expected, display: d.display, status: d.status };
      const formula = d.change ? d.change.formula : d.currentFormula;
      if (formula) out.formula = `=${formula}`;
      return out;
    }),
    projects,
    findings: a.findings.map((f) => findingJson(f, f.form ? a.projects.find((p) => p.form.sheet === f.cell.sheet)?.form.sheetName ?? "" : form.sheetName)),
  };
}
