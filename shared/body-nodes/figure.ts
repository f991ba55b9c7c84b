import { Node, mergeAttributes } from '@tiptap/core';

export interface FigureOptions {
  /** Turns an asset hash into a URL the current front door can load (IPC protocol or host path). */
  resolveAssetUrl: (hash: string) => string;
}

export interface FigureAttrs {
  asset: string;
  /** Across all columns in print, full width on the web. */
  wide?: boolean;
  alt?: string;
  credit?: string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: {
      insertFigure: (attrs: FigureAttrs & { caption?: string }) => ReturnType;
    };
  }
}

/** The part of a DOM element the parse rules read; keeps this file free of the DOM lib. */
interface ParsedElement {
  tagName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): ParsedElement | null;
}

const asElement = (dom: unknown) => dom as ParsedElement;

const ASSET_SRC = /\/assets\/([a-f0-9]{64})|^asset:([a-f0-9]{64})$/;

function assetFromImage(img: ParsedElement | null): string | null {
  if (!img) return null;
  const fromData = img.getAttribute('data-asset');
  if (fromData && /^[a-f0-9]{64}$/.test(fromData)) return fromData;
  const match = ASSET_SRC.exec(img.getAttribute('src') ?? '');
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/**
 * An image from the workspace's assets with its caption as editable content.
 *
 * The caption stays with its picture through print layout and publishing, so it is part of the
 * node, not a paragraph that happens to follow it.
 */
export const Figure = Node.create<FigureOptions>({
  name: 'figure',
  group: 'block',
  content: 'inline*',
  marks: 'bold italic link',
  draggable: true,
  isolating: true,
  defining: true,

  addOptions() {
    return { resolveAssetUrl: (hash: string) => `asset:${hash}` };
  },

  addAttributes() {
    return {
      asset: {
        default: null,
        parseHTML: (dom) => {
          const el = asElement(dom);
          return assetFromImage(el.tagName === 'IMG' ? el : el.querySelector('img'));
        },
        renderHTML: () => ({}),
      },
      alt: {
        default: '',
        parseHTML: (dom) => {
          const el = asElement(dom);
          return (el.tagName === 'IMG' ? el : el.querySelector('img'))?.getAttribute('alt') ?? '';
        },
        renderHTML: () => ({}),
      },
      wide: {
        default: false,
        parseHTML: (dom) => /\blnv-figure-wide\b/.test(asElement(dom).getAttribute('class') ?? ''),
        renderHTML: (attrs) => (attrs.wide ? { class: 'lnv-figure-wide' } : {}),
      },
      credit: {
        default: '',
        parseHTML: (dom) => asElement(dom).getAttribute('data-credit') ?? '',
        renderHTML: (attrs) => (attrs.credit ? { 'data-credit': attrs.credit } : {}),
      },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'figure',
        contentElement: (dom) => (asElement(dom).querySelector('figcaption') ?? dom) as typeof dom,
        getAttrs: (dom) => (assetFromImage(asElement(dom).querySelector('img')) ? null : false),
      },
      { tag: 'img[data-asset]' },
    ];
  },

  renderHTML({ node, HTMLAttributes }) {
    const asset = String(node.attrs.asset ?? '');
    return [
      'figure',
      mergeAttributes({ class: 'lnv-figure' }, HTMLAttributes),
      ['img', { src: this.options.resolveAssetUrl(asset), alt: node.attrs.alt ?? '', 'data-asset': asset }],
      ['figcaption', 0],
    ];
  },

  addCommands() {
    return {
      insertFigure:
        ({ caption, ...attrs }) =>
        ({ commands }) =>
          commands.insertContent({
            type: this.name,
            attrs,
            content: caption ? [{ type: 'text', text: caption }] : [],
          }),
    };
  },
});
