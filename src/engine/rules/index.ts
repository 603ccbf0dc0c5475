import { completionRateOver100 } from "./completion-rate-over-100";
import { derivedFormula } from "./derived-formula";
import { derivedValue } from "./derived-value";
import { evaluationYear } from "./evaluation-year";
import { generalBudgetWithinSpending } from "./general-budget-within-spending";
import { indicatorLineMismatch } from "./indicator-line-mismatch";
import { indicatorProseMismatch } from "./indicator-prose-mismatch";
import { indicatorValueEmpty } from "./indicator-value-empty";
import { indicatorValueIsTarget } from "./indicator-value-is-target";
import { keyProjectRequired } from "./key-project-required";
import { malformedFigure } from "./malformed-figure";
import { markupInText } from "./markup-in-text";
import { negativeBudget } from "./negative-budget";
import { numberingSequence } from "./numbering-sequence";
import { problemsAndMeasuresRequired } from "./problems-measures-required";
import { problemsMeasuresPairing } from "./problems-measures-pairing";
import { rateIndicatorValue } from "./rate-indicator-value";
import { reportDriftRule } from "./report-drift";
import { requiredFields } from "./required-fields";
import { taskFund } from "./task-fund";
import { taskFundsWithinSpending } from "./task-funds-within-spending";
import { taskNumbering } from "./task-numbering";
import { tasksRequired } from "./tasks-required";
import { unitSpelling } from "./unit-spelling";
import { yearMismatch } from "./year-mismatch";
import { placeholderText } from "./placeholder-text";
import { PROJECT_RULES } from "./project";
import { DepartmentRule, Rule } from "./rule";

/** Every structural rule of the 部门整体支出绩效自评表, in the order their findings are listed. */
export const DEPARTMENT_RULES: DepartmentRule[] = [
  requiredFields,
  evaluationYear,
  derivedValue,
  derivedFormula,
  completionRateOver100,
  negativeBudget,
  generalBudgetWithinSpending,
  tasksRequired,
  taskNumbering,
  taskFund,
  taskFundsWithinSpending,
  indicatorValueEmpty,
  indicatorLineMismatch,
  indicatorValueIsTarget,
  rateIndicatorValue,
  keyProjectRequired,
  problemsAndMeasuresRequired,
];

/** The checks of the form's prose against itself and its figures, run in the same pass. */
export const NARRATIVE_RULES: DepartmentRule[] = [
  indicatorProseMismatch,
  malformedFigure,
  unitSpelling,
  reportDriftRule,
  markupInText,
  numberingSequence,
  problemsMeasuresPairing,
  yearMismatch,
  placeholderText,
];

/** Every rule the department form runs. */
export const ALL_RULES: DepartmentRule[] = [...DEPARTMENT_RULES, ...NARRATIVE_RULES];

/** The registry: every rule of every form, by id (the README's tables and the tests are held to it). */
export const RULE_REGISTRY: Rule[] = [...ALL_RULES, ...PROJECT_RULES] as Rule[];

export { PROJECT_RULES, projectLabel, formSubject, FORM_KIND_NAMES } from "./project";
export * from "./rule";
export * from "./finding";
