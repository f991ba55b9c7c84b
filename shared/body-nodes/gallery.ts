import { Node, mergeAttributes } from '@tiptap/core';

/** Several pictures shown together (a photo series); each keeps its own caption. */
export const Gallery = Node.create({
  name: 'gallery',
  group: 'block',
  content: 'figure+',
  isolating: true,

  parseHTML() {
    return [{ tag: 'div.lnv-gallery' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ class: 'lnv-gallery' }, HTMLAttributes), 0];
  },
});
