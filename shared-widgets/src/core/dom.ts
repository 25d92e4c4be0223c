/** A tiny hyperscript: the widgets build their DOM with this instead of a framework. */
export type Child = Node | string | number | null | undefined | false | Child[];
export type Attrs = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

/** Sets an attribute, or removes it when `value` is null. */
export const setAttr = (element: Element, name: string, value: string | null) =>
  value === null ? element.removeAttribute(name) : element.setAttribute(name, value);

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (typeof value === 'function') element.addEventListener(key.slice(2), value);
    else if (value === true) element.setAttribute(key, '');
    else if (value !== false && value !== null && value !== undefined)
      element.setAttribute(key, String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else if (child !== null && child !== undefined && child !== false) {
      parent.appendChild(document.createTextNode(String(child)));
    }
  }
}

/** Replaces every child of `parent`. */
export function fill(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/**
 * An id unique in the page, so two forms on one page never share a label target. Each form's chunk has its
 * own copy of this module (a donation and a ticket form on one page count apart), hence a random part per copy.
 */
const copy = Math.random().toString(36).slice(2, 6);
let counter = 0;
export const uid = (prefix = 'g') => `${prefix}${copy}${(++counter).toString(36)}`;

/** Moves focus to an element that is not focusable by default (a heading, a summary). */
export function focusOn(element: HTMLElement | null | undefined): void {
  if (!element) return;
  if (!element.hasAttribute('tabindex') && !element.matches('input,select,textarea,button,a[href]')) {
    element.setAttribute('tabindex', '-1');
  }
  element.focus();
}

/** `[name="value"]`, safe whatever the value holds (names may come from a host's error answer). */
export const byAttr = (name: string, value: string) => `[${name}="${value.replace(/["\\]/g, '\\$&')}"]`;
