/**
 * Builds DOM nodes. Text always goes in as text nodes and attributes through setAttribute, never
 * through innerHTML: a server string such as `<img src=x onerror=…>` stays visible text.
 */
import type { Row } from '../../../src/webview/protocol';

export type Child = Node | string | number | undefined | null | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing`);
  return element as T;
}

/** A two-column table of label/value rows, its header cells naming each row. */
export function rowsTable(caption: string, rows: readonly Row[], className = 'facts'): HTMLTableElement {
  return h(
    'table',
    { class: className },
    h('caption', { class: 'visually-hidden' }, caption),
    h('tbody', {}, ...rows.map((row) => h('tr', {}, h('th', { scope: 'row' }, row.label), h('td', {}, row.value)))),
  );
}

/** Replaces the app's content and marks it loaded. */
export function showApp(...children: Child[]): HTMLElement {
  const app = byId('app');
  app.replaceChildren();
  append(app, ...children);
  app.setAttribute('aria-busy', 'false');
  return app;
}

/** Shows or hides a message element; empty text hides it. */
export function setMessage(element: HTMLElement, text: string | undefined): void {
  element.textContent = text ?? '';
  element.hidden = !text;
}
