import { projectComputed } from "./project-computed";
import { projectGrade } from "./project-grade";
import { projectQualitative } from "./project-qualitative";
import { projectWeights } from "./project-weights";
import { projectExplanations } from "./project-explanations";
import { ProjectRule } from "./types";

/** Every rule of the 项目支出绩效自评表. */
export const PROJECT_RULES: ProjectRule[] = [projectComputed, projectGrade, projectQualitative, projectWeights, projectExplanations];
export * from "./types";
