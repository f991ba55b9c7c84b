import { Mark, mergeAttributes } from '@tiptap/core';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    comment: {
      setComment: (noteId: number) => ReturnType;
    };
  }
}

/**
 * Text an editorial note is about ("bình luận" anchored in the body). It carries the note's id, so
 * the anchor moves with the text; it is editorial only: publishing, print and export drop it.
 */
export const CommentMark = Mark.create({
  name: 'comment',
  inclusive: false,
  excludes: '',

  addAttributes() {
    return {
      noteId: {
        default: null,
        parseHTML: (el) => Number((el as unknown as { getAttribute(n: string): string | null }).getAttribute('data-note-id')) || null,
        renderHTML: (attrs) => ({ 'data-note-id': String(attrs.noteId) }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-note-id]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ class: 'lnv-comment' }, HTMLAttributes), 0];
  },

  addCommands() {
    return {
      setComment:
        (noteId) =>
        ({ commands }) =>
          commands.setMark(this.name, { noteId }),
    };
  },
});
