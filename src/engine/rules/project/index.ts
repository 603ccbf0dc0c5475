import { projectComputed } from "./project-computed";
import { projectGrade } from "./project-grade";
import { projectQualitative } from "./project-qualitative-band";
import { projectWeights } from "./project-weights";
import { projectExplanations } from "./project-explanations";
import { blockUnread } from "./block-unread";
import { scoreWithinWeight } from "./score-within-weight";
import { indicatorCoefficient } from "./indicator-coefficient";
import { budgetBreakdown } from "./budget-breakdown";
import { indicatorValues } from "./indicator-values";
import { placeholderCells } from "./placeholder-cells";
import { ProjectRule } from "../rule";

/** Every rule of the 项目支出绩效自评表, in the order their findings are listed. */
export const PROJECT_RULES: ProjectRule[] = [blockUnread, budgetBreakdown, projectComputed, indicatorValues, scoreWithinWeight, indicatorCoefficient, projectGrade, projectQualitative, projectWeights, projectExplanations, placeholderCells];
export { projectLabel, formSubject, FORM_KIND_NAMES } from "./label";
