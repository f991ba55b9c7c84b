import { generateJSON } from '@tiptap/html/server';
import { describe, expect, it } from 'vitest';
import { articleBodyExtensions } from '../../shared/article-body-schema.js';
import { bodyToHtml } from '../../shared/article-body.js';
import type { PmDoc, PmNode } from '../../shared/model/article.js';

const HASH = 'c'.repeat(64);
const text = (t: string, marks?: PmNode['marks']): PmNode => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });
const p = (...content: PmNode[]): PmNode => ({ type: 'paragraph', content });
const figure = (caption: string, attrs: object = {}): PmNode => ({
  type: 'figure',
  attrs: { asset: HASH, alt: 'Mô tả', credit: 'Ảnh: LNV', wide: false, ...attrs },
  content: [text(caption)],
});

/** Every node and mark the magazine uses, as the editor would save it. */
const everything: PmDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [text('Mục lớn')] },
    { type: 'heading', attrs: { level: 3 }, content: [text('Mục nhỏ')] },
    p(
      text('đậm', [{ type: 'bold' }]),
      text(' nghiêng', [{ type: 'italic' }]),
      text(' gạch chân', [{ type: 'underline' }]),
      text(' gạch ngang', [{ type: 'strike' }]),
      text(' m'),
      text('2', [{ type: 'superscript' }]),
      text(' H'),
      text('2', [{ type: 'subscript' }]),
      text('O '),
      text('liên kết', [{ type: 'link', attrs: { href: 'https://langngheviet.com.vn/' } }]),
    ),
    { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('một'))] }] },
    { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [p(text('ba'))] }] },
    { type: 'blockquote', content: [p(text('Trích lời'))] },
    { type: 'pullQuote', attrs: { attribution: 'Nghệ nhân Lê Văn Thịnh' }, content: [text('Gốm phải kể chuyện.')] },
    figure('Một ảnh', { wide: true }),
    { type: 'gallery', content: [figure('Ảnh một'), figure('Ảnh hai')] },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [{ type: 'tableHeader', attrs: { colspan: 1, rowspan: 1 }, content: [p(text('Năm'))] }] },
        { type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: 1, rowspan: 1 }, content: [p(text('2025'))] }] },
      ],
    },
    { type: 'horizontalRule' },
    { type: 'relatedArticles', attrs: { items: [{ uid: 'uid-1', title: 'Bài liên quan' }] } },
  ],
};

/** Keeps only what the document says, not defaults the parser fills in. */
function shape(node: PmNode): unknown {
  return {
    type: node.type,
    ...(node.text !== undefined ? { text: node.text } : {}),
    ...(node.marks ? { marks: node.marks.map((m) => m.type).sort() } : {}),
    ...(node.content ? { content: node.content.map(shape) } : {}),
  };
}

describe('the body schema and the HTML serialiser agree', () => {
  it('parses what bodyToHtml writes back into the same document', () => {
    const parsed = generateJSON(bodyToHtml(everything), articleBodyExtensions()) as PmDoc;
    expect(shape(parsed as PmNode)).toEqual(shape(everything as PmNode));
    const nodes = JSON.stringify(parsed);
    expect(nodes).toContain('"attribution":"Nghệ nhân Lê Văn Thịnh"');
    expect(nodes).toContain('"wide":true');
    expect(nodes).toContain('"credit":"Ảnh: LNV"');
    expect(nodes).toContain('"items":[{"uid":"uid-1","title":"Bài liên quan"}]');
    expect(nodes).toContain('"start":3');
  });
});
