export {};
/** commands.html: the notice the 一键校验 command shows. Text only; closes itself. */
const params = new URLSearchParams(window.location.search);
const message = params.get("msg") ?? "";
const el = document.getElementById("message");
if (el) el.textContent = message;
const closeNotice = () => {
  try {
    (window as unknown as { Office?: { context?: { ui?: { messageParent?: (m: string) => void } } } }).Office?.context?.ui?.messageParent?.("close");
  } catch {
    /* outside Office there is no parent to tell */
  }
};
document.getElementById("close")?.addEventListener("click", closeNotice);
setTimeout(closeNotice, 6000);
