import DOMPurify from 'dompurify';
import { normalizeText } from '../../shared/text/vietnamese.js';

/** A picture that came inside pasted HTML as a data: URL; it becomes an asset after the paste. */
export interface PastedImage {
  fileName: string;
  dataBase64: string;
}

/** Tags the body schema can hold; everything else is unwrapped to its text. */
const ALLOWED_TAGS = [
  'p', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'em', 'i', 'u', 's', 'strike', 'del', 'sub', 'sup',
  'a', 'ul', 'ol', 'li', 'blockquote', 'hr', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'img',
];
const ALLOWED_ATTR = ['href', 'colspan', 'rowspan', 'src'];
const LINK = /^(https?:|mailto:)/i;
const DATA_IMAGE = /^data:(image\/(?:png|jpeg|gif|webp));base64,([A-Za-z0-9+/=\s]+)$/i;

const WORD_LIST_ITEM = /mso-list:\s*l\d+\s+level(\d+)/i;
const ORDERED_MARKER = /^\s*(\d{1,3}|[a-z]|[ivxlc]{1,5})[.)]/i;

/**
 * Word pastes lists as paragraphs with a "mso-list" style and a typed bullet or number; rebuild
 * them as real (nested) lists before the styles are dropped.
 */
export function rebuildWordLists(doc: Document): void {
  const items = Array.from(doc.querySelectorAll('p')).filter((p) => WORD_LIST_ITEM.test(p.getAttribute('style') ?? ''));
  let stack: { level: number; list: HTMLElement }[] = [];
  for (const paragraph of items) {
    // Items right after the list being built continue it; anything in between starts a new one.
    if (paragraph.previousElementSibling !== stack[0]?.list) stack = [];
    const level = Number(WORD_LIST_ITEM.exec(paragraph.getAttribute('style') ?? '')?.[1] ?? 1);
    const marker = paragraph.querySelector('span[style*="mso-list:Ignore" i]');
    const ordered = ORDERED_MARKER.test(marker?.textContent ?? '');
    marker?.remove();
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) > level) stack.pop();
    let top = stack[stack.length - 1];
    if (!top || top.level < level) {
      const list = doc.createElement(ordered ? 'ol' : 'ul');
      const parentItem = top?.list.lastElementChild;
      if (parentItem) parentItem.append(list);
      else paragraph.before(list);
      top = { level, list };
      stack.push(top);
    }
    const item = doc.createElement('li');
    const text = doc.createElement('p');
    text.append(...Array.from(paragraph.childNodes));
    item.append(text);
    top.list.append(item);
    paragraph.remove();
  }
}

/** Word and Google Docs say bold and italic with styles, which are dropped; keep what they mean. */
function keepStyledEmphasis(doc: Document): void {
  // Google Docs wraps the whole clipboard in <b style="font-weight:normal" id="docs-internal-guid-…">.
  for (const wrapper of Array.from(doc.querySelectorAll('b[id^="docs-internal-guid"]'))) wrapper.replaceWith(...Array.from(wrapper.childNodes));
  // Word's list bullets and numbers are text in a span it marks to ignore.
  for (const bullet of Array.from(doc.querySelectorAll('span[style*="mso-list:Ignore" i]'))) bullet.remove();
  for (const span of Array.from(doc.querySelectorAll<HTMLElement>('span[style]'))) {
    const style = span.style;
    let inner: Node[] = Array.from(span.childNodes);
    const wrap = (tag: string) => {
      const el = doc.createElement(tag);
      el.append(...inner);
      inner = [el];
    };
    if (style.fontWeight === 'bold' || Number(style.fontWeight) >= 600) wrap('strong');
    if (style.fontStyle === 'italic') wrap('em');
    if (style.verticalAlign === 'super') wrap('sup');
    if (style.verticalAlign === 'sub') wrap('sub');
    if (inner[0] !== span.firstChild) span.replaceChildren(...inner);
  }
  // The schema has level 2 and 3 headings only.
  for (const heading of Array.from(doc.querySelectorAll('h1, h4, h5, h6'))) {
    const replacement = doc.createElement(heading.tagName === 'H1' ? 'h2' : 'h3');
    replacement.append(...Array.from(heading.childNodes));
    heading.replaceWith(replacement);
  }
}

/**
 * Pasted HTML from Word, Google Docs or a web page, reduced to the structure the body keeps:
 * headings, lists, emphasis, links, tables. Styles, classes, fonts, comments, scripts and event
 * handlers go; so do links other than http(s)/mailto and every image (data: images are handed
 * back to become assets; remote ones are dropped because the app loads no remote content).
 */
export function sanitizePastedHtml(html: string): { html: string; images: PastedImage[] } {
  const images: PastedImage[] = [];
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  rebuildWordLists(parsed);
  keepStyledEmphasis(parsed);
  const purify = DOMPurify(window);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (!LINK.test(href.trim())) node.removeAttribute('href');
    }
  });
  const fragment = purify.sanitize(parsed.body.innerHTML, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    KEEP_CONTENT: true,
    RETURN_DOM_FRAGMENT: true,
  });
  for (const img of Array.from(fragment.querySelectorAll('img'))) {
    const match = DATA_IMAGE.exec(img.getAttribute('src') ?? '');
    if (match) {
      const ext = (match[1] ?? 'image/png').split('/')[1]?.replace('jpeg', 'jpg') ?? 'png';
      images.push({ fileName: `anh-dan-${images.length + 1}.${ext}`, dataBase64: (match[2] ?? '').replace(/\s+/g, '') });
    }
    img.remove();
  }
  const holder = document.createElement('div');
  holder.append(fragment);
  return { html: normalizeText(holder.innerHTML), images };
}
