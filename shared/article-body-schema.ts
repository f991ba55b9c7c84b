import type { Extensions } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { CommentMark } from './body-nodes/comment-mark.js';
import { Figure, type FigureOptions } from './body-nodes/figure.js';
import { Gallery } from './body-nodes/gallery.js';
import { PullQuote } from './body-nodes/pull-quote.js';
import { RelatedArticles } from './body-nodes/related-articles.js';
import { Subscript, Superscript } from './body-nodes/script-marks.js';

export { CommentMark } from './body-nodes/comment-mark.js';
export { Figure, type FigureAttrs, type FigureOptions } from './body-nodes/figure.js';
export { Gallery } from './body-nodes/gallery.js';
export { PullQuote } from './body-nodes/pull-quote.js';
export { RelatedArticles, type RelatedArticleRef } from './body-nodes/related-articles.js';
export { Subscript, Superscript } from './body-nodes/script-marks.js';

/**
 * The article body's schema, shared by the editor and by Node-side import so both read and
 * write the same document. The editor issue extends it with the magazine's own nodes.
 */
export function articleBodyExtensions(options: Partial<FigureOptions> = {}): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      code: false,
      codeBlock: false,
      link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
    }),
    Subscript,
    Superscript,
    TableKit.configure({ table: { resizable: false } }),
    Figure.configure(options),
    Gallery,
    PullQuote,
    RelatedArticles,
    CommentMark,
  ];
}
