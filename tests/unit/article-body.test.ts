import { describe, expect, it } from 'vitest';
import { bodyToHtml, bodyToText, normalizeBody, safeHref } from '../../shared/article-body.js';
import type { PmDoc } from '../../shared/model/article.js';

const HASH = 'a'.repeat(64);

const doc: PmDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Giữ men cổ' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Gốm ' },
        { type: 'text', text: 'Bát Tràng', marks: [{ type: 'bold' }, { type: 'link', attrs: { href: 'https://example.vn/a?b=1&c=2' } }] },
        { type: 'text', text: ' <script>alert(1)</script>' },
        { type: 'hardBreak' },
        { type: 'text', text: 'dòng hai', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
      ],
    },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Bình' }] }] }] },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Trích dẫn' }] }] },
    { type: 'figure', attrs: { asset: HASH, alt: 'Bình "gốm"', credit: 'Ảnh: Khôi' }, content: [{ type: 'text', text: 'Chú thích ảnh' }] },
    { type: 'iframe', attrs: { src: 'https://evil' }, content: [{ type: 'text', text: 'lạ' }] },
  ],
};

describe('body HTML', () => {
  const html = bodyToHtml(doc);

  it('keeps the structure a reader sees', () => {
    expect(html).toContain('<h2>Giữ men cổ</h2>');
    expect(html).toContain('<ul><li><p>Bình</p></li></ul>');
    expect(html).toContain('<blockquote><p>Trích dẫn</p></blockquote>');
    expect(html).toContain('<figcaption>Chú thích ảnh</figcaption>');
    expect(html).toContain('<strong><a href="https://example.vn/a?b=1&amp;c=2">Bát Tràng</a></strong>');
  });

  it('escapes text and attributes and drops unsafe links and unknown nodes', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('dòng hai');
    expect(html).toContain('alt="Bình &quot;gốm&quot;"');
    expect(html).not.toContain('iframe');
  });

  it('leaves editorial comments out of what is published', () => {
    const commented: PmDoc = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'khung cửi', marks: [{ type: 'comment', attrs: { noteId: 7 } }] }] }],
    };
    expect(bodyToHtml(commented)).toBe('<p>khung cửi</p>');
  });

  it('points figures at assets through the given resolver', () => {
    expect(bodyToHtml(doc, { resolveAssetUrl: (h) => `/assets/${h}` })).toContain(`src="/assets/${HASH}"`);
  });
});

describe('body text', () => {
  it('has one block per paragraph, captions included, for search and counts', () => {
    const text = bodyToText(doc);
    expect(text.split('\n\n')).toEqual(['Giữ men cổ', 'Gốm Bát Tràng <script>alert(1)</script>\ndòng hai', 'Bình', 'Trích dẫn', 'Chú thích ảnh', 'lạ']);
  });

  it('normalises every text node to NFC', () => {
    const nfd: PmDoc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Huế'.normalize('NFD') }] }] };
    expect(bodyToText(normalizeBody(nfd))).toBe('Huế');
  });
});

describe('links', () => {
  it('allows only web, mail and anchors', () => {
    expect(safeHref('https://langngheviet.com.vn/x')).toBe('https://langngheviet.com.vn/x');
    expect(safeHref('mailto:toa-soan@example.vn')).toBe('mailto:toa-soan@example.vn');
    expect(safeHref('#muc-1')).toBe('#muc-1');
    expect(safeHref(' JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<b>')).toBeNull();
    expect(safeHref(42)).toBeNull();
  });
});
