/**
 * Office.js failures a user can act on, by the error code Excel reports, in one Chinese sentence.
 * Host knowledge stays here: the assistant only asks the host to describe a failure.
 */
export function excelErrorMessage(e: unknown): string | undefined {
  const code = (e as { code?: string })?.code;
  switch (code) {
    case "RequestPayloadSizeLimitExceeded":
      return "工作簿太大，一次读取超出了 Excel 网页版的限制，请稍后重试或在桌面版 Excel 中使用。";
    case "InvalidOperationInCellEditMode":
      return "Excel 正处于单元格编辑状态：请先按 Enter 或 Esc 结束编辑，再点一次。";
    case "AccessDenied":
    case "ItemNotFound":
      return `无法访问工作簿（${code}）：请确认工作簿未受保护、工作表未被删除后重试。`;
    default:
      return undefined;
  }
}
