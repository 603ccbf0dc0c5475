import { projectRule } from "../rule";

/**
 * A block the form has but the reader could not read (no indicator under a found indicator header,
 * a budget block with no figure) is said, with where: the form's totals are then not what they seem,
 * and the reviewer should look. 提示: the block may be missing from the form, or written in a way
 * ZiPing does not read yet (a local layout can be declared with --layout).
 */
export const blockUnread = projectRule({
  meta: {
    id: "block-unread",
    severity: "warning",
    section: "projectIndicators",
    description: "表中找到了表头、却没有读到内容的栏目（如绩效指标表头下没有指标）须核对",
    fixable: false,
    messages: {
      indicators: "{{what}}：指标可能未填写，或写法与常见式样不同；总分和等级因此没有按指标核对",
      budget: "{{what}}：资金数可能未填写，或写成了文字；执行率和预算执行得分因此没有核对",
    },
  },
  check({ form }, report) {
    for (const u of form.unread) {
      if (u.kind === "indicators") report({ messageId: "indicators", data: { what: u.what }, cell: u.cell });
      else if (u.kind === "budget") report({ messageId: "budget", data: { what: u.what }, section: "projectFunds", cell: u.cell });
    }
  },
});
