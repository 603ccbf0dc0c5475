/// <reference types="office-js" />
import { Assistant } from "../app/assistant";

/** The notice the 一键校验 ribbon command reports when it does not open the pane. */
export function noticeText(assistant: Assistant): { text: string; openPane: boolean } {
  const a = assistant.current.analysis;
  if (!a) return { text: assistant.current.message ?? "校验没有完成，请打开助手查看。", openPane: true };
  if (!a.form && a.projects.length === 0) return { text: a.recognition.reason ?? "未找到自评表。", openPane: false };
  const errors = a.findings.filter((f) => f.severity === "error").length;
  const warnings = a.findings.length - errors;
  if (errors > 0) return { text: `发现强制问题 ${errors} 项、提示 ${warnings} 项，已打开助手。`, openPane: true };
  return { text: warnings ? `校验通过：没有强制问题，另有提示 ${warnings} 项（打开助手查看）。` : "校验通过：没有发现问题。", openPane: false };
}

/**
 * The ribbon's 一键校验 (ExecuteFunction): checks without opening the pane, reports the result in a
 * small notice, and opens the pane when there are errors. It shares the pane's assistant (shared runtime).
 */
export async function validateCommand(assistant: Assistant, event: { completed(): void }): Promise<void> {
  try {
    await assistant.check();
    const { text, openPane } = noticeText(assistant);
    if (openPane) await Office.addin.showAsTaskpane();
    else await showNotice(text);
  } catch {
    /* the pane shows errors; a command must still complete */
  } finally {
    event.completed();
  }
}

/** A small dialog with the result, closed by the user or after a few seconds. */
function showNotice(text: string): Promise<void> {
  return new Promise((resolve) => {
    const url = new URL("commands.html", window.location.href);
    url.searchParams.set("msg", text);
    Office.context.ui.displayDialogAsync(url.toString(), { height: 18, width: 28, displayInIframe: true }, () => resolve());
  });
}
