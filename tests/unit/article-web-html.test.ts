import { describe, expect, it } from 'vitest';
import { paragraphsToBody } from '../../shared/article-body.js';
import type { PmDoc } from '../../shared/model/article.js';
import { articleWebHtml, sapoHtml } from '../../shared/web/article-web-html.js';

describe('web article HTML', () => {
  it('sets the source prefix of the sapo in bold, as the site does', () => {
    expect(sapoHtml('LNV - Làng gốm <đỏ lửa>.', 'LNV - ')).toBe('<strong>LNV -</strong> Làng gốm &lt;đỏ lửa&gt;.');
    expect(sapoHtml('Không có tiền tố.', 'LNV - ')).toBe('Không có tiền tố.');
  });

  it('builds section, title, sapo, body, related links and byline; unpublished related articles are dropped with a warning', () => {
    const body: PmDoc = {
      type: 'doc',
      content: [
        ...(paragraphsToBody(['Đoạn một.']).content ?? []),
        { type: 'figure', attrs: { asset: 'd'.repeat(64), alt: 'Bình' }, content: [{ type: 'text', text: 'Chú thích' }] },
        { type: 'relatedArticles', attrs: { items: [{ uid: 'a', title: 'Đã đăng' }, { uid: 'b', title: 'Chưa đăng' }] } },
      ],
    };
    const { html, warnings } = articleWebHtml(
      { kicker: '', title: 'Tiêu đề', sapo: 'LNV - Sapo.', body, byline: 'Minh Khôi', sourcePrefix: 'LNV - ', sectionName: 'Làng nghề' },
      { resolveAssetUrl: (h) => `https://cdn.example/${h.slice(0, 4)}.jpg`, resolveRelated: (uid) => (uid === 'a' ? 'https://langngheviet.com.vn/da-dang.html' : null) },
    );
    expect(html).toContain('<p class="lnv-web-section">Làng nghề</p><h1 class="lnv-web-title">Tiêu đề</h1><p class="lnv-web-sapo"><strong>LNV -</strong> Sapo.</p>');
    expect(html).toContain('<img src="https://cdn.example/dddd.jpg" alt="Bình"');
    expect(html).toContain('<figcaption>Chú thích</figcaption>');
    expect(html).toContain('<li><a href="https://langngheviet.com.vn/da-dang.html" data-article-uid="a">Đã đăng</a></li>');
    expect(html).not.toContain('Chưa đăng');
    expect(warnings).toEqual(['Bài liên quan "Chưa đăng" chưa lên web nên chưa có liên kết.']);
  });
});
