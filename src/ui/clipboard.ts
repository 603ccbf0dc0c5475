/**
 * Puts text on the clipboard from a click. The Clipboard API first; where a webview refuses it
 * (older Office and WPS panes), a selected textarea and execCommand("copy"), which still work from
 * a user's click. Returns whether either worked; the caller offers the text to copy by hand if not.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // refused: try the old way
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
