/**
 * The few DOM helpers of the classic pane, in what Internet Explorer 11 offers (no append, remove,
 * closest, replaceChildren or NodeList.forEach). Text is always a text node: a cell's content is never
 * parsed as HTML.
 */
export type Child = Node | string | null | undefined | false;

export function h(tag: string, attrs: Record<string, string | undefined> = {}, children: Child[] = []): HTMLElement {
  const el = document.createElement(tag);
  for (const name of Object.keys(attrs)) {
    const value = attrs[name];
    if (value !== undefined) el.setAttribute(name, value);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  return el;
}

export function clear(el: HTMLElement): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export function button(text: string, onClick: () => void, attrs: Record<string, string | undefined> = {}): HTMLButtonElement {
  const b = h("button", { type: "button", ...attrs }, [text]) as HTMLButtonElement;
  b.onclick = () => onClick();
  return b;
}

/** Sets or removes an attribute. */
export function attr(el: HTMLElement, name: string, value: string | undefined): void {
  if (value === undefined) el.removeAttribute(name);
  else el.setAttribute(name, value);
}

/** Shows or hides an element (the `hidden` attribute, which Internet Explorer 11 honours). */
export function show(el: HTMLElement, visible: boolean): void {
  if (visible) el.removeAttribute("hidden");
  else el.setAttribute("hidden", "");
}
