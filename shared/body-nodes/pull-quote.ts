import { Node, mergeAttributes } from '@tiptap/core';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    pullQuote: {
      setPullQuote: (attribution?: string) => ReturnType;
    };
  }
}

/**
 * A pull quote: a sentence lifted out of the article and set large, in print and on the web. It is
 * not a quotation of a source (that is the blockquote), so it keeps its own node.
 */
export const PullQuote = Node.create({
  name: 'pullQuote',
  group: 'block',
  content: 'inline*',
  marks: 'italic bold',
  defining: true,

  addAttributes() {
    return {
      attribution: {
        default: '',
        parseHTML: (el) => (el as unknown as { getAttribute(n: string): string | null }).getAttribute('data-attribution') ?? '',
        renderHTML: (attrs) => (attrs.attribution ? { 'data-attribution': attrs.attribution } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'blockquote.lnv-pull-quote', priority: 60 }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['blockquote', mergeAttributes({ class: 'lnv-pull-quote' }, HTMLAttributes), 0];
  },

  addCommands() {
    return {
      setPullQuote:
        (attribution = '') =>
        ({ commands }) =>
          commands.setNode(this.name, { attribution }),
    };
  },
});
