import { bodyToHtml, contentHtml, escapeHtml } from '../article-body.js';
import type { PmDoc, PmNode } from '../model/article.js';
import type { Asset } from '../model/workspace.js';
import type { PrintBlock } from './flow-types.js';

export interface BlockSources {
  asset(hash: string): Asset | null;
  /** URL of a picture, resized for the output: a column wide, or the whole text width when `wide`. */
  imageUrl(hash: string, wide: boolean): string;
}

const HASH = /^[a-f0-9]{64}$/;

/**
 * The printed form of an article body: one block per paragraph, heading, list item, pull quote,
 * figure and table, in reading order. Related-article lists and rules are web-only and left out.
 */
export function articlePrintBlocks(body: PmDoc, sources: BlockSources): PrintBlock[] {
  const blocks: PrintBlock[] = [];
  const id = () => `b${blocks.length + 1}`;
  const walk = (node: PmNode): void => {
    switch (node.type) {
      case 'paragraph': {
        const html = contentHtml(node);
        if (html.trim()) blocks.push({ id: id(), kind: 'paragraph', html });
        return;
      }
      case 'heading':
        blocks.push({ id: id(), kind: 'heading', html: contentHtml(node) });
        return;
      case 'bulletList':
      case 'orderedList': {
        const start = Number(node.attrs?.start) || 1;
        (node.content ?? []).forEach((item, index) => {
          const marker = node.type === 'bulletList' ? '•' : `${start + index}.`;
          const text = (item.content ?? []).map((child) => contentHtml(child)).join(' ');
          blocks.push({ id: id(), kind: 'list-item', html: `${marker}\u00a0${text}` });
        });
        return;
      }
      case 'pullQuote': {
        const by = typeof node.attrs?.attribution === 'string' && node.attrs.attribution ? ` <span class="pq-by">— ${escapeHtml(node.attrs.attribution)}</span>` : '';
        // A pull quote holds its text directly; older bodies wrapped it in paragraphs.
        const wrapped = (node.content ?? []).some((child) => child.type === 'paragraph');
        const text = wrapped ? (node.content ?? []).map((child) => contentHtml(child)).join(' ') : contentHtml(node);
        blocks.push({ id: id(), kind: 'pullquote', html: `${text}${by}` });
        return;
      }
      case 'figure': {
        const hash = typeof node.attrs?.asset === 'string' && HASH.test(node.attrs.asset) ? node.attrs.asset : null;
        const asset = hash ? sources.asset(hash) : null;
        blocks.push({
          id: id(),
          kind: 'figure',
          src: hash ? sources.imageUrl(hash, node.attrs?.wide === true) : '',
          assetHash: hash,
          widthPx: asset?.width || 4,
          heightPx: asset?.height || 3,
          captionHtml: contentHtml(node),
          credit: typeof node.attrs?.credit === 'string' ? node.attrs.credit : '',
          wide: node.attrs?.wide === true,
        });
        return;
      }
      case 'table':
        blocks.push({ id: id(), kind: 'table', html: bodyToHtml({ type: 'doc', content: [node] }).replace('<table>', '<table class="b-table">') });
        return;
      case 'relatedArticles':
      case 'horizontalRule':
        return;
      default:
        for (const child of node.content ?? []) walk(child);
    }
  };
  for (const node of body.content ?? []) walk(node);
  return blocks;
}
