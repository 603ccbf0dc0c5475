/// <reference types="office-js" />
/**
 * commands.html: the notice the 一键校验 command shows. Its text comes in the address; 关闭, or a
 * few seconds, tell the function page to close it (a dialog page may call only messageParent and
 * isSetSupported, and only after Office.onReady).
 */
const params = new URLSearchParams(window.location.search);
const el = document.getElementById("message");
if (el) el.textContent = params.get("msg") ?? "";

/** How long the notice stays before it asks to be closed. */
export const NOTICE_MS = 6000;

if (typeof Office !== "undefined") {
  void Office.onReady(() => {
    let sent = false;
    const close = () => {
      if (sent) return;
      sent = true;
      try {
        Office.context.ui.messageParent("close");
      } catch {
        /* the function page closes it after a while anyway */
      }
    };
    document.getElementById("close")?.addEventListener("click", close);
    setTimeout(close, NOTICE_MS);
  });
}
