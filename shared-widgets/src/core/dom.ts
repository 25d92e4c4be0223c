/** A tiny hyperscript: the widgets build their DOM with this instead of a framework. */
export type Child = Node | string | number | null | undefined | false | Child[];
export type Attrs = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

/**
 * Children as the DOM takes them (it writes numbers as text): lists flattened; null, undefined, false and ''
 * (which would add nothing) left out.
 */
const nodes = (children: Child[]) =>
  (children as unknown[]).flat(Infinity).filter((child) => child || child === 0) as (Node | string)[];

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (typeof value === 'function') element.addEventListener(key.slice(2), value);
    else if (value === true) element.setAttribute(key, '');
    // setAttribute writes a number as text itself.
    else if (value !== false && value !== null && value !== undefined)
      element.setAttribute(key, value as string);
  }
  element.append(...nodes(children));
  return element;
}

/** Replaces every child of `parent`. */
export const fill = (parent: Element, ...children: Child[]) => parent.replaceChildren(...nodes(children));

/**
 * An id unique in the page, so two forms on one page never share a label target. Each form's chunk has its
 * own copy of this module (a donation and a ticket form on one page count apart), hence a random part per copy.
 */
const copy = Math.random().toString(36).slice(2, 6);
let counter = 0;
export const uid = (prefix = 'g') => `${prefix}${copy}${++counter}`;

/** `[name="value"]`, safe whatever the value holds (names may come from a host's error answer). */
export const byAttr = (name: string, value: string) => `[${name}="${value.replace(/["\\]/g, '\\$&')}"]`;
