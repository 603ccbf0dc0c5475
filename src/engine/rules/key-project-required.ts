import { isBlankText } from "../text/blank";
import { departmentRule } from "./rule";

/** Note 1 of the form: every department evaluates at least one key project (500万元 or more where it has one). */
export const keyProjectRequired = departmentRule({
  meta: {
    id: "key-project-required",
    severity: "error",
    section: "keyProject",
    description: "每个部门至少开展一个重点项目绩效评价（表注 1）",
    fixable: false,
    messages: {
      empty: "重点项目绩效情况未填写：每个部门至少开展一个重点项目绩效评价，重点项目指预算金额 500 万元以上的项目；没有的，根据部门职能自选一个",
      missing: "表中没有找到「重点项目绩效情况」一栏：每个部门至少开展一个重点项目绩效评价",
    },
  },
  check({ form }, report) {
    if (!form.keyProject) report({ messageId: "missing", cell: form.title ?? { sheet: form.sheet, row: 0, col: 0 } });
    else if (isBlankText(form.keyProject.text)) report({ messageId: "empty", cell: form.keyProject.cell });
  },
});
