import type { PmDoc, PmMark, PmNode } from './model/article.js';
import { countSyllables, normalizeText } from './text/vietnamese.js';

/**
 * Plain text and HTML derived from an article body (ProseMirror JSON).
 *
 * Written by hand rather than with tiptap's generateHTML because it runs on every autosave on the
 * Node side, where tiptap needs a whole DOM emulation; this is a string walk over a known schema
 * that escapes everything and drops what it does not know.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

/** Only links a reader can follow safely survive: web, mail and in-page anchors. */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const trimmed = href.trim();
  if (trimmed.startsWith('#')) return trimmed;
  try {
    const url = new URL(trimmed);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

const MARK_TAGS: Record<string, string> = {
  bold: 'strong',
  italic: 'em',
  underline: 'u',
  strike: 's',
  code: 'code',
  subscript: 'sub',
  superscript: 'sup',
};

function wrapMarks(html: string, marks: PmMark[] | undefined): string {
  if (!marks) return html;
  let out = html;
  for (const mark of [...marks].reverse()) {
    if (mark.type === 'link') {
      const href = safeHref(mark.attrs?.href);
      out = href ? `<a href="${escapeHtml(href)}">${out}</a>` : out;
      continue;
    }
    const tag = MARK_TAGS[mark.type];
    if (tag) out = `<${tag}>${out}</${tag}>`;
  }
  return out;
}

export interface BodyHtmlOptions {
  resolveAssetUrl?: (hash: string) => string;
  /**
   * Where a related article lives on the web. Given, links get its address and articles without one
   * are left out (and reported through onUnresolvedRelated); not given, links carry the uid only.
   */
  resolveRelated?: (uid: string) => string | null;
  onUnresolvedRelated?: (item: { uid: string; title: string }) => void;
}

function childrenHtml(node: PmNode, options: BodyHtmlOptions): string {
  return (node.content ?? []).map((child) => nodeHtml(child, options)).join('');
}

function nodeHtml(node: PmNode, options: BodyHtmlOptions): string {
  const inner = () => childrenHtml(node, options);
  switch (node.type) {
    case 'text':
      return wrapMarks(escapeHtml(node.text ?? ''), node.marks);
    case 'paragraph':
      return `<p>${inner()}</p>`;
    case 'heading': {
      const level = Math.min(6, Math.max(2, Number(node.attrs?.level) || 2));
      return `<h${level}>${inner()}</h${level}>`;
    }
    case 'bulletList':
      return `<ul>${inner()}</ul>`;
    case 'orderedList': {
      const start = Number(node.attrs?.start);
      return Number.isInteger(start) && start > 1 ? `<ol start="${start}">${inner()}</ol>` : `<ol>${inner()}</ol>`;
    }
    case 'listItem':
      return `<li>${inner()}</li>`;
    case 'blockquote':
      return `<blockquote>${inner()}</blockquote>`;
    case 'horizontalRule':
      return '<hr>';
    case 'pullQuote': {
      const by = typeof node.attrs?.attribution === 'string' && node.attrs.attribution ? ` data-attribution="${escapeHtml(node.attrs.attribution)}"` : '';
      return `<blockquote class="lnv-pull-quote"${by}>${inner()}</blockquote>`;
    }
    case 'gallery':
      return `<div class="lnv-gallery">${inner()}</div>`;
    case 'relatedArticles': {
      const items = (Array.isArray(node.attrs?.items) ? (node.attrs.items as { uid?: unknown; title?: unknown }[]) : []).filter(
        (i): i is { uid: string; title: string } => typeof i.uid === 'string' && typeof i.title === 'string',
      );
      const links = items.flatMap((item) => {
        const uid = escapeHtml(item.uid);
        if (!options.resolveRelated) return [`<li><a data-article-uid="${uid}">${escapeHtml(item.title)}</a></li>`];
        const href = safeHref(options.resolveRelated(item.uid));
        if (!href) {
          options.onUnresolvedRelated?.(item);
          return [];
        }
        return [`<li><a href="${escapeHtml(href)}" data-article-uid="${uid}">${escapeHtml(item.title)}</a></li>`];
      });
      return links.length > 0 ? `<aside class="lnv-related"><p class="lnv-related-heading">Tin liên quan</p><ul>${links.join('')}</ul></aside>` : '';
    }
    case 'table':
      return `<table><tbody>${inner()}</tbody></table>`;
    case 'tableRow':
      return `<tr>${inner()}</tr>`;
    case 'tableHeader':
    case 'tableCell': {
      const tag = node.type === 'tableHeader' ? 'th' : 'td';
      const span = (name: string) => {
        const n = Number(node.attrs?.[name]);
        return Number.isInteger(n) && n > 1 ? ` ${name}="${n}"` : '';
      };
      return `<${tag}${span('colspan')}${span('rowspan')}>${inner()}</${tag}>`;
    }
    case 'hardBreak':
      return '<br>';
    case 'figure': {
      const asset = typeof node.attrs?.asset === 'string' && /^[a-f0-9]{64}$/.test(node.attrs.asset) ? node.attrs.asset : '';
      const src = options.resolveAssetUrl ? options.resolveAssetUrl(asset) : `asset:${asset}`;
      const alt = typeof node.attrs?.alt === 'string' ? node.attrs.alt : '';
      const credit = typeof node.attrs?.credit === 'string' && node.attrs.credit ? ` data-credit="${escapeHtml(node.attrs.credit)}"` : '';
      const wide = node.attrs?.wide === true ? ' lnv-figure-wide' : '';
      return `<figure class="lnv-figure${wide}"${credit}><img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}" data-asset="${asset}"><figcaption>${inner()}</figcaption></figure>`;
    }
    default:
      return inner();
  }
}

/** The HTML of a node's children: the inline content of a paragraph, heading or caption. */
export function contentHtml(node: PmNode): string {
  return childrenHtml(node, {});
}

export function bodyToHtml(doc: PmDoc, options: BodyHtmlOptions = {}): string {
  return childrenHtml(doc, options);
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'pullQuote', 'figure', 'horizontalRule']);

function collectText(node: PmNode, blocks: string[], current: string[]): void {
  if (node.type === 'text') {
    current.push(node.text ?? '');
    return;
  }
  if (node.type === 'hardBreak') {
    current.push('\n');
    return;
  }
  const isBlock = BLOCK_TYPES.has(node.type);
  const own: string[] = isBlock ? [] : current;
  for (const child of node.content ?? []) collectText(child, blocks, own);
  if (isBlock && own.length > 0) blocks.push(own.join(''));
}

/** Plain text, one block per paragraph: what search indexes and counts use. */
export function bodyToText(doc: PmDoc): string {
  const blocks: string[] = [];
  const loose: string[] = [];
  for (const node of doc.content ?? []) collectText(node, blocks, loose);
  if (loose.length > 0) blocks.push(loose.join(''));
  return blocks.filter((b) => b.trim().length > 0).join('\n\n');
}

/** A body with every text node normalised to NFC, for text arriving from any source. */
export function normalizeBody(doc: PmDoc): PmDoc {
  const walk = (node: PmNode): PmNode => {
    const out: PmNode = { ...node };
    if (typeof node.text === 'string') out.text = normalizeText(node.text);
    if (node.content) out.content = node.content.map(walk);
    return out;
  };
  return walk(doc) as PmDoc;
}

/** A body made of plain paragraphs, for samples, imports of plain text and tests. */
export function paragraphsToBody(paragraphs: string[]): PmDoc {
  return {
    type: 'doc',
    content: paragraphs.map((p) => (p ? { type: 'paragraph', content: [{ type: 'text', text: p }] } : { type: 'paragraph' })),
  };
}

export function wordCountOf(parts: string[]): number {
  return parts.reduce((sum, part) => sum + countSyllables(part), 0);
}
