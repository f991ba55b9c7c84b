import { Node, mergeAttributes } from '@tiptap/core';

export interface RelatedArticleRef {
  /** The article's workspace uid: stable across machines and through publishing. */
  uid: string;
  title: string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    relatedArticles: {
      insertRelatedArticles: (items: RelatedArticleRef[]) => ReturnType;
    };
  }
}

interface ParsedElement {
  querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null; textContent: string | null }>;
}

/**
 * "Tin liên quan": links to other articles of the workspace, as the website shows them. Stored by
 * uid so publishing can resolve each one to its web address.
 */
export const RelatedArticles = Node.create({
  name: 'relatedArticles',
  group: 'block',
  atom: true,
  draggable: true,

  addAttributes() {
    return {
      items: {
        default: [] as RelatedArticleRef[],
        parseHTML: (el) =>
          Array.from((el as unknown as ParsedElement).querySelectorAll('a[data-article-uid]')).map((a) => ({
            uid: a.getAttribute('data-article-uid') ?? '',
            title: (a.textContent ?? '').trim(),
          })),
        renderHTML: () => ({}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'aside.lnv-related' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const items = (node.attrs.items ?? []) as RelatedArticleRef[];
    return [
      'aside',
      mergeAttributes({ class: 'lnv-related' }, HTMLAttributes),
      ['p', { class: 'lnv-related-heading' }, 'Tin liên quan'],
      ['ul', {}, ...items.map((item) => ['li', {}, ['a', { 'data-article-uid': item.uid }, item.title]])],
    ];
  },

  addCommands() {
    return {
      insertRelatedArticles:
        (items) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { items } }),
    };
  },
});
