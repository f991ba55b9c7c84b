import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, win32 } from 'node:path';
import { generateJSON } from '@tiptap/html/server';
import { Window, type Element } from 'happy-dom';
import { marked } from 'marked';
import { articleBodyExtensions } from '../../shared/article-body-schema.js';
import { normalizeBody } from '../../shared/article-body.js';
import { DeskError } from '../../shared/errors.js';
import type { ArticleFields, PmDoc } from '../../shared/model/article.js';
import { normalizeText } from '../../shared/text/vietnamese.js';

export type ImportFormat = 'html' | 'markdown';

export interface ImportedArticle {
  fields: Partial<ArticleFields>;
  warnings: string[];
}

/** A document parsed without running anything in it: no scripts, no network, no CSS. */
export function parseDocument(html: string) {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  window.document.body.innerHTML = html;
  return { window, document: window.document };
}

export function toHtml(content: string, format: ImportFormat): string {
  return format === 'markdown' ? (marked.parse(content, { async: false, gfm: true }) as string) : content;
}

/** Image sources in the document that point at local files (not the workspace's own assets). */
export function localImageSources(html: string): string[] {
  const { window, document } = parseDocument(html);
  const sources = [...document.querySelectorAll('img')]
    .map((img) => img.getAttribute('src') ?? '')
    .filter((src) => src && !/^(asset:|https?:|data:)/i.test(src));
  window.close();
  return [...new Set(sources)];
}

const outside = (dir: string, path: string) => {
  const rel = relative(dir, path);
  return rel.split(/[\\/]/)[0] === '..' || isAbsolute(rel);
};

/**
 * The file a picture reference in an imported document names, or null when it is not in the
 * document's folder or below. A document from a stranger must not pull other files of the
 * computer into the workspace (and from there onto the website): `../../Ảnh riêng/x.jpg`,
 * `/home/…`, `C:\…`, `file:` URLs and links that lead out of the folder are refused. Backslashes
 * count as separators everywhere, so the answer does not depend on the platform.
 */
export function imageInDocumentFolder(documentDir: string, src: string): string | null {
  let name: string;
  try {
    name = decodeURIComponent(src).replace(/\\/g, '/');
  } catch {
    return null;
  }
  if (name.includes('\0') || isAbsolute(name) || win32.isAbsolute(name) || /^[a-z][a-z0-9+.-]*:/i.test(name)) return null;
  const dir = resolve(documentDir);
  const path = resolve(dir, name);
  if (outside(dir, path)) return null;
  return existsSync(path) && outside(realpathSync(dir), realpathSync(path)) ? null : path;
}

/** Points images at stored assets, so the importer keeps them. */
export function rewriteImageSources(html: string, assets: Map<string, string>): string {
  const { window, document } = parseDocument(html);
  for (const img of document.querySelectorAll('img')) {
    const hash = assets.get(img.getAttribute('src') ?? '');
    if (hash) {
      img.setAttribute('src', `asset:${hash}`);
      img.setAttribute('data-asset', hash);
    }
  }
  const out = document.body.innerHTML;
  window.close();
  return out;
}

/**
 * Reads an article out of an HTML (or Markdown-rendered) document: the first h1 is the title,
 * a paragraph right after it that starts with the source prefix is the sapo, the rest is the body.
 * Only what the article schema knows survives (scripts, styles, event handlers and unknown tags go).
 */
export function htmlToArticle(html: string, fileName: string, sourcePrefix: string): ImportedArticle {
  const warnings: string[] = [];
  const { window, document } = parseDocument(normalizeText(html));
  try {
    const body = document.body;
    for (const el of body.querySelectorAll('script, style, template, iframe, object, embed, noscript')) el.remove();

    let title = '';
    const h1 = body.querySelector('h1');
    if (h1) {
      title = (h1.textContent ?? '').replace(/\s+/g, ' ').trim();
      h1.remove();
    }
    if (!title) {
      title = fileName.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').trim();
      warnings.push('Không thấy tiêu đề (thẻ h1 hoặc dòng "# "), đã lấy tên tệp làm tiêu đề.');
    }

    let kicker = '';
    const kickerEl = body.querySelector('p.kicker');
    if (kickerEl) {
      kicker = (kickerEl.textContent ?? '').replace(/\s+/g, ' ').trim();
      kickerEl.remove();
    }

    let sapo = '';
    const firstBlock = body.firstElementChild;
    const prefixHead = sourcePrefix.trim().replace(/\s*-\s*$/, '');
    const sapoEl = body.querySelector('p.sapo') ?? (firstBlock?.tagName === 'P' ? firstBlock : null);
    const sapoText = (sapoEl?.textContent ?? '').trim();
    if (sapoEl && (sapoEl.classList.contains('sapo') || (prefixHead && sapoText.startsWith(prefixHead)))) {
      sapo = sapoText.replace(/\s+/g, ' ');
      sapoEl.remove();
    }

    restructure(document);

    let dropped = 0;
    for (const img of body.querySelectorAll('img')) {
      const src = img.getAttribute('src') ?? '';
      if (!img.getAttribute('data-asset') && !/^asset:[a-f0-9]{64}$/.test(src)) {
        dropped += 1;
        (img.closest('figure') ?? img).remove();
      }
    }
    if (dropped > 0) warnings.push(`Bỏ qua ${dropped} ảnh không có tệp trong kho (ảnh trên mạng hoặc không đọc được).`);

    const doc = normalizeBody(generateJSON(body.innerHTML, articleBodyExtensions()) as PmDoc);
    return { fields: { title, kicker, sapo, body: doc }, warnings };
  } finally {
    window.close();
  }
}

type ParsedDocument = ReturnType<typeof parseDocument>['document'];

const CAPTION_START = /^(ảnh|hình|nguồn ảnh|photo)\b/i;

/** A paragraph that reads as the caption of the picture just above it. */
function looksLikeCaption(el: Element | null): boolean {
  if (!el || el.tagName !== 'P') return false;
  const text = (el.textContent ?? '').trim();
  if (!text || text.length > 400 || el.querySelector('img')) return false;
  if (el.classList.contains('caption')) return true;
  const onlyChild = el.children.length === 1 ? el.children[0] : null;
  const allItalic = onlyChild !== null && onlyChild !== undefined && ['EM', 'I'].includes(onlyChild.tagName) && (onlyChild.textContent ?? '').trim() === text;
  return allItalic || CAPTION_START.test(text);
}

/**
 * Shapes documents from Word and the web into the article's structure: the title is the only h1,
 * headings fall into h2/h3, a picture and the caption under it become one figure, and footnotes
 * become numbered endnotes under "Chú thích".
 */
function restructure(document: ParsedDocument): void {
  for (const h of document.body.querySelectorAll('h1, h4, h5, h6')) {
    const replacement = document.createElement(h.tagName === 'H1' ? 'h2' : 'h3');
    replacement.innerHTML = h.innerHTML;
    h.replaceWith(replacement);
  }

  for (const img of document.body.querySelectorAll('img')) {
    if (img.closest('figure')) continue;
    const holder = img.parentElement;
    const alone = holder && holder.tagName === 'P' && (holder.textContent ?? '').trim() === '' && holder.querySelectorAll('img').length === 1;
    const figure = document.createElement('figure');
    const caption = document.createElement('figcaption');
    const next = alone ? holder.nextElementSibling : null;
    if (next && looksLikeCaption(next)) {
      caption.innerHTML = next.innerHTML;
      next.remove();
    }
    (alone ? holder : img).replaceWith(figure);
    figure.append(img, caption);
  }

  for (const back of document.body.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]')) back.remove();
  const references = document.body.querySelectorAll('a[href^="#footnote-"], a[href^="#endnote-"]');
  for (const ref of references) ref.replaceWith((ref.textContent ?? '').replace(/[[\]]/g, ''));
  const notes = document.body.querySelector('li[id^="footnote-"], li[id^="endnote-"]')?.closest('ol');
  if (notes) {
    const heading = document.createElement('h3');
    heading.textContent = 'Chú thích';
    notes.before(heading);
  }
}

/** Bytes from a file must be UTF-8 text; anything else is refused before it can garble an article. */
export function decodeUtf8(bytes: Uint8Array, fileName: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new DeskError(
      'invalid_file',
      `Tệp "${fileName}" không phải văn bản UTF-8 hợp lệ. Hãy lưu lại tệp với mã hoá UTF-8 rồi nhập lại.`,
    );
  }
}

export function formatFromFileName(fileName: string): ImportFormat | null {
  if (/\.(md|markdown)$/i.test(fileName)) return 'markdown';
  if (/\.html?$/i.test(fileName)) return 'html';
  return null;
}
