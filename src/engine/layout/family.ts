import { FieldKey, FundColKey, FundRowKey, GoalKey, IndicatorColKey, Vocabulary } from "./vocabulary";

/**
 * A layout family: one kind of 自评表 as a region prints it, declared as data. Which blocks it has is
 * read from the sheet; the declaration says how to tell the family apart, the words it prints
 * besides the shared vocabulary, and how it is scored. The built-in families are JSON files beside
 * this one; `ziping check --layout FILE.json` adds a user's own in the same form (layout.schema.json).
 */
export interface LayoutFamily {
  /** Stable id, in --json and on the command line: lower-case words joined by "-". */
  id: string;
  /** The family's name, in Chinese, as users call it. */
  name: string;
  /** Where the layout comes from: a regulation, a province's notice, or the file it was read from. */
  source: string;
  /** project: 项目支出; department: 部门整体; evaluation: a scoring table (指标分值 / 自评得分); goals: no scores at all. */
  kind: "project" | "department" | "evaluation" | "goals";
  /**
   * table: blocks with column headers (every family but one); pairs: labels with their value to the
   * right and a task table (广州 附件7), read by the department reader.
   */
  reader: "table" | "pairs";
  /** How the family is told apart from the others, by what the reader found. */
  match: FamilyMatch;
  /** Words this family prints besides the shared vocabulary. */
  words?: FamilyWords;
  scoring: ScoringScheme;
}

export interface FamilyMatch {
  /** The title holds one of these. */
  title?: string[];
  /** Columns the form must have: "budget.<column>" or "indicators.<column>". */
  columns?: string[];
  /** Columns the form must not have. */
  without?: string[];
  /** Headers carry column letters, as 全年预算数（A）. */
  letters?: boolean;
  /** The indicator table's header has two rows. */
  twoRowHeader?: boolean;
  /** Budget rows the form must have ("basic", "project"). */
  rows?: FundRowKey[];
}

export interface FamilyWords {
  budgetColumns?: Partial<Record<FundColKey, string[]>>;
  budgetRows?: Partial<Record<FundRowKey, string[]>>;
  indicatorColumns?: Partial<Record<IndicatorColKey, string[]>>;
  fields?: Partial<Record<FieldKey, string[]>>;
  goals?: Partial<Record<GoalKey, string[]>>;
}

export interface GradeBand {
  /** The lowest total (inclusive) that earns the grade. */
  min: number;
  grade: string;
}

export interface ScoringScheme {
  /**
   * The budget's points: min(执行率, 100%) × 分值, the rate over 全年预算数 (or 年初预算数 where the
   * form has no other). null: the form does not score its budget.
   */
  budget: null | {
    /** Points when the form prints none in a cell or a label. */
    points: number;
  };
  /**
   * ratio: 财预〔2020〕10号 (正向 B ≥ A → w, else B/A × w; 反向 …; 定性 in bands);
   * coefficient: 得分系数 × 指标权重; capped: a score up to its 分值 (evaluation tables);
   * none: scores are not computed per indicator (they still add up to the total).
   */
  indicators: "ratio" | "coefficient" | "capped" | "none";
  /** 定性 indicators scored within 达成 80–100%, 部分达成 60–80%, 未达成 0–60% of their weight. */
  qualitativeBands: boolean;
  /** What the weights add up to; null when the form does not say. */
  weightTotal: number | null;
  /** Grades by total, highest first; null when the form has no grade. */
  grades: GradeBand[] | null;
}

/** 财预〔2020〕10号: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below. */
export const STANDARD_GRADES: GradeBand[] = [
  { min: 90, grade: "优" },
  { min: 80, grade: "良" },
  { min: 60, grade: "中" },
  { min: 0, grade: "差" },
];

/** The grade of a total under a family's bands. */
export function gradeFor(total: number, bands: GradeBand[] = STANDARD_GRADES): string {
  for (const b of bands) if (total >= b.min - 1e-9) return b.grade;
  return bands[bands.length - 1]?.grade ?? "";
}

/** A family's words as vocabulary additions. */
export function familyVocabulary(words: FamilyWords | undefined): Partial<{ [P in keyof Vocabulary]: Partial<Vocabulary[P]> }> | undefined {
  if (!words) return undefined;
  return { fundColumns: words.budgetColumns, fundRows: words.budgetRows, indicatorColumns: words.indicatorColumns, fields: words.fields, goals: words.goals };
}

/** What the reader found that families are told apart by. */
export interface FormFeatures {
  title: string;
  features: Set<string>;
  rows: Set<FundRowKey>;
}

/** The kind a title names: 部门整体 / 评价 / 绩效目标 / 项目. */
export function kindOfTitle(title: string): LayoutFamily["kind"] | undefined {
  const t = title.replace(/\s+/g, "");
  // 「自评价表」 is a self-evaluation form like 「自评表」; 「评价表」「评价自评表」 are scoring tables.
  if (/(^|[^自])评价(自评)?表/.test(t)) return "evaluation";
  if (/绩效目标(自评|完成情况|执行情况)/.test(t)) return "goals";
  if (/部门整体|单位整体|部门绩效/.test(t)) return "department";
  if (/项目/.test(t)) return "project";
  return undefined;
}

/**
 * How well a family fits what was read: undefined when a required condition fails; otherwise the
 * more conditions it names and meets, the higher (a family that says more about a form wins over
 * a general one).
 */
export function familyFit(family: LayoutFamily, found: FormFeatures): number | undefined {
  const m = family.match;
  let score = 0;
  if (m.title) {
    if (!m.title.some((w) => found.title.replace(/\s+/g, "").includes(w))) return undefined;
    score += 2;
  }
  for (const c of m.columns ?? []) {
    if (!found.features.has(c)) return undefined;
    score += 1;
  }
  for (const c of m.without ?? []) {
    if (found.features.has(c)) return undefined;
    score += 0.5;
  }
  for (const r of m.rows ?? []) {
    if (!found.rows.has(r)) return undefined;
    score += 1;
  }
  if (m.letters !== undefined) {
    if (m.letters !== found.features.has("letters")) return undefined;
    score += 1;
  }
  if (m.twoRowHeader !== undefined) {
    if (m.twoRowHeader !== found.features.has("twoRowHeader")) return undefined;
    score += 1;
  }
  return score;
}

/** The family that fits best; families earlier in the list win ties. */
export function chooseFamily(families: LayoutFamily[], found: FormFeatures): LayoutFamily | undefined {
  let best: LayoutFamily | undefined;
  let bestScore = -1;
  for (const f of families) {
    if (f.reader !== "table") continue;
    const s = familyFit(f, found);
    if (s !== undefined && s > bestScore) {
      best = f;
      bestScore = s;
    }
  }
  return best;
}
