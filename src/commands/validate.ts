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

/** How the notice behaves; tests shorten the waits. */
export const NOTICE = {
  /** The function page closes the notice itself after this long, should the page never say so. */
  closeAfterMs: 8000,
  /** close() is asynchronous: a new notice retries while the old one is still closing (12007). */
  retryMs: 150,
  tries: 20,
};

/**
 * The ribbon's 一键校验 (ExecuteFunction): checks without opening the pane, reports the result in a
 * small notice, and opens the pane when there are errors. It shares the pane's assistant (shared
 * runtime), so on a cold start the pane's own check and this one are one read.
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
    // Completed once the notice is up: the next click is not queued behind an open notice.
    event.completed();
  }
}

/** The notice open from this page (one dialog per page: the pane and the command share it). */
let open: { dialog: Office.Dialog; timer: ReturnType<typeof setTimeout> } | undefined;

function closeNotice(): void {
  const n = open;
  open = undefined;
  if (!n) return;
  clearTimeout(n.timer);
  try {
    n.dialog.close();
  } catch {
    /* already gone */
  }
}

/**
 * A small dialog with the result (commands.html): the page messages "close" when 关闭 is clicked or
 * after a few seconds, and this page closes it (Dialog API: only the host page can close a dialog).
 * A notice still open is closed first; while it is still closing, Office answers 12007 and the new one
 * is tried again shortly.
 */
function showNotice(text: string): Promise<void> {
  closeNotice();
  const url = new URL("commands.html", window.location.href);
  url.searchParams.set("msg", text);
  return new Promise((resolve) => {
    let tries = 0;
    const attempt = () =>
      Office.context.ui.displayDialogAsync(url.toString(), { height: 20, width: 30, displayInIframe: true }, (result) => {
        if (result.status === Office.AsyncResultStatus.Failed) {
          if (result.error?.code === 12007 && ++tries < NOTICE.tries) setTimeout(attempt, NOTICE.retryMs);
          else resolve(); // 12009 (blocked on the web) and the like: the pane still has the result
          return;
        }
        const dialog = result.value;
        const mine = () => open?.dialog === dialog;
        open = { dialog, timer: setTimeout(() => mine() && closeNotice(), NOTICE.closeAfterMs) };
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => (mine() ? closeNotice() : dialog.close()));
        // The user closed it with its X (12006): nothing left to close.
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () => {
          if (!mine()) return;
          clearTimeout(open!.timer);
          open = undefined;
        });
        resolve();
      });
    attempt();
  });
}
