import { completionRateOver100 } from "./completion-rate-over-100";
import { derivedFormula, derivedValue } from "./derived-value";
import { evaluationYear } from "./evaluation-year";
import { generalBudgetWithinSpending, taskFundsWithinSpending } from "./funds-within-spending";
import { indicatorLineMismatch } from "./indicator-line-mismatch";
import { indicatorValueEmpty } from "./indicator-value-empty";
import { indicatorValueIsTarget } from "./indicator-value-is-target";
import { keyProjectRequired, problemsAndMeasuresRequired } from "./narrative-required";
import { negativeBudget } from "./negative-budget";
import { rateIndicatorValue } from "./rate-indicator-value";
import { requiredFields } from "./required-fields";
import { taskFund, taskNumbering, tasksRequired } from "./task-structure";
import { Rule } from "./types";
import { indicatorProseMismatch } from "./indicator-prose-mismatch";
import { malformedFigure } from "./malformed-figure";
import { markupInText } from "./markup-in-text";
import { reportDriftRule } from "./report-drift";
import { numberingSequence } from "./numbering-sequence";
import { problemsMeasuresPairing } from "./problems-measures-pairing";
import { yearMismatch } from "./year-mismatch";
import { unitSpelling } from "./unit-spelling";

/** Every rule of the 部门整体支出绩效自评表, in the order their findings are listed. */
export const DEPARTMENT_RULES: Rule[] = [
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

/** The checks of the form's prose against itself and its figures (issue 5), run in the same pass. */
export const NARRATIVE_RULES: Rule[] = [
  indicatorProseMismatch,
  malformedFigure,
  unitSpelling,
  reportDriftRule,
  markupInText,
  numberingSequence,
  problemsMeasuresPairing,
  yearMismatch,
];

export const ALL_RULES: Rule[] = [...DEPARTMENT_RULES, ...NARRATIVE_RULES];

export * from "./types";
