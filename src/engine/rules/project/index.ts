import { projectComputed } from "./project-computed";
import { projectGrade } from "./project-grade";
import { projectQualitative } from "./project-qualitative-band";
import { projectWeights } from "./project-weights";
import { projectExplanations } from "./project-explanations";
import { ProjectRule } from "../rule";

/** Every rule of the 项目支出绩效自评表, in the order their findings are listed. */
export const PROJECT_RULES: ProjectRule[] = [projectComputed, projectGrade, projectQualitative, projectWeights, projectExplanations];
export { projectLabel } from "./label";
