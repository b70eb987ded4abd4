/**
 * LXCA "formatted text" (`[{text, format: [...], link?}]`, spec §2) as DOM. The server never
 * sends HTML: formatting comes as words, so text is always a text node and a link is kept only
 * when it is an http(s) URL.
 *   block words start a new block: paragraph, newline (line break), quotation,
 *     listElement (an item of the current list; bulletList/orderedList pick or start the list)
 *   inline words wrap the run: bold, italic, underline, link
 */
import type { FormattedPart } from '../../../src/webview/protocol';
import { h } from './dom';

const inlineTags: Record<string, 'strong' | 'em' | 'u'> = { bold: 'strong', italic: 'em', underline: 'u' };

/** The link when it is an absolute http(s) URL; anything else (javascript:, relative…) is dropped. */
export function safeLink(link: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function run(part: FormattedPart): Node {
  let node: Node = document.createTextNode(part.text);
  for (const word of part.format) {
    const tag = inlineTags[word];
    if (tag) node = h(tag, {}, node);
  }
  const href = part.format.includes('link') || part.link ? safeLink(part.link ?? part.text) : undefined;
  return href ? h('a', { href, title: href }, node) : node;
}

export function renderFormattedText(parts: readonly FormattedPart[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let block: HTMLElement | undefined;
  let list: HTMLOListElement | HTMLUListElement | undefined;
  const newBlock = (element: HTMLElement, container: Node = fragment) => {
    container.appendChild(element);
    block = element;
  };
  for (const part of parts) {
    const words = new Set(part.format);
    if (words.has('listElement') || words.has('bulletList') || words.has('orderedList')) {
      const ordered = words.has('orderedList');
      if (!list || (ordered ? list.tagName !== 'OL' : words.has('bulletList') && list.tagName !== 'UL')) {
        list = ordered ? h('ol') : h('ul');
        fragment.appendChild(list);
      }
      newBlock(h('li'), list);
    } else if (words.has('paragraph') || words.has('quotation')) {
      list = undefined;
      newBlock(words.has('quotation') ? h('blockquote') : h('p'));
    } else if (words.has('newline')) {
      (block ?? fragment).appendChild(h('br'));
    }
    (block ?? fragment).appendChild(run(part));
  }
  return fragment;
}
