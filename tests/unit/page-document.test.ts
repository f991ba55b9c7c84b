import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paragraphsToBody } from '../../shared/article-body.js';
import type { Article, PmDoc } from '../../shared/model/article.js';
import type { Asset, PrintIssue, PublicationProfile } from '../../shared/model/workspace.js';
import { PublicationProfile as ProfileSchema } from '../../shared/model/workspace.js';
import { newFlatplan, placeArticle, slot } from '../../shared/print/flatplan.js';
import { buildPageDocument, templateFrames, type PrintTemplate } from '../../shared/print/page-document.js';

const templatesDir = join(import.meta.dirname, '../../resources/templates');
const manifest = JSON.parse(readFileSync(join(templatesDir, 'templates.json'), 'utf8')) as { templates: { name: string; label: string; kinds: string[]; file: string }[] };
const templates = new Map<string, PrintTemplate>(
  manifest.templates.map((t) => {
    const html = readFileSync(join(templatesDir, t.file), 'utf8');
    return [t.name, { ...t, frames: templateFrames(html), html }];
  }),
);

const profile: PublicationProfile = ProfileSchema.parse({
  name: 'Tạp chí Làng nghề Việt Nam',
  shortName: 'LNV',
  sourcePrefix: 'LNV - ',
  website: 'https://langngheviet.com.vn',
  language: 'vi',
  titleMaxLength: 150,
  sapoMaxLength: 600,
});
const issue: PrintIssue = { id: 1, number: 456, title: 'Số 456', publishDate: '2025-11-15', pageCount: 8, status: 'layout', slug: 'so-456-tap-chi-lang-nghe-viet-nam-2025' };
const HASH = 'a'.repeat(64);
const asset = { hash: HASH, width: 2400, height: 1600, alt: 'Bình gốm', fileName: 'gom.jpg' } as Asset;

const figure = { type: 'figure', attrs: { asset: HASH, credit: 'Ảnh: LNV' }, content: [{ type: 'text', text: 'Bình gốm men lam.' }] };
function article(id: number, title: string, body: PmDoc): Article {
  return { id, title, kicker: 'Làng nghề', sapo: 'LNV - Sapo.', byline: 'Minh Khôi', body, sectionName: 'Làng nghề', sectionId: 1, status: 'approved' } as Article;
}
const articles = new Map<number, Article>([
  [1, article(1, 'Gốm <script>alert(1)</script> Bát Tràng', { type: 'doc', content: [figure, ...paragraphsToBody(['Đoạn một.', 'Đoạn hai.']).content!] })],
  [2, article(2, 'Chè Thái Nguyên', paragraphsToBody(['Đoạn chè.']))],
]);

function build(plan = placeArticle(placeArticle(newFlatplan(8), 1, 4, 2), 2, 6, 1), withTemplates = templates) {
  return buildPageDocument({
    profile,
    issue,
    plan,
    article: (id) => articles.get(id) ?? null,
    asset: (hash) => (hash === HASH ? asset : null),
    sectionName: () => 'Làng nghề',
    templates: withTemplates,
    css: '',
    resourceBase: 'http://base.invalid/',
    imagePpi: 300,
  });
}

describe('page document builder', () => {
  it('puts the running head and folio on article and contents pages, never on the cover or an ad', () => {
    const plan = placeArticle(newFlatplan(8), 1, 4, 2);
    plan.pages[6] = slot('ad', { assetHash: HASH, label: 'Quảng cáo sữa' });
    const doc = build(plan);
    const head = 'Tạp chí Làng nghề Việt Nam • Số 456 • Tháng 11/2025';
    expect(doc.pages[0]?.html).not.toContain(head);
    expect(doc.pages[6]?.html).not.toContain('class="folio"');
    expect(doc.pages[3]?.html).toContain(head);
    expect(doc.pages[4]?.html).toContain('<div class="folio">5</div>');
    expect(doc.pages[2]?.html).toContain(head);
  });

  it('lists every placed article on the contents page with the page it starts on', () => {
    const toc = build().pages[2]?.html ?? '';
    expect(toc).toMatch(/Gốm &lt;script&gt;.*<span class="toc-page">4<\/span>/);
    expect(toc).toMatch(/Chè Thái Nguyên<\/span><span class="toc-page">6<\/span>/);
  });

  it('escapes article text and sends the first picture to the opener hero, out of the body flow', () => {
    const doc = build();
    expect(doc.pages[3]?.html).not.toContain('<script>');
    // The hero's file is asked for by the layout runtime once its box is known (placed-picture.ts).
    expect(doc.pages[3]?.html).toMatch(new RegExp(`<figure class="placed-figure"><img data-picture="http://base.invalid/assets/${HASH}" data-asset="${HASH}"`));
    const flow = doc.flow.articles.find((a) => a.articleId === 1);
    expect(flow?.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
    expect(doc.pages[3]?.html).toContain('data-frame="body" data-span="true" data-article="1"');
    expect(doc.pages[4]?.html).toContain('data-article="1"');
  });

  it('reports a template that lacks a frame the page needs, by page, and still builds the other pages', () => {
    const broken = new Map(templates);
    const continuation = templates.get('article-continuation')!;
    broken.set('article-continuation', { ...continuation, html: '<div class="type-area"></div>', frames: [] });
    const doc = build(undefined, broken);
    expect(doc.problems).toContainEqual(expect.objectContaining({ code: 'missing-frame', page: 5 }));
    expect(doc.problems.find((p) => p.code === 'missing-frame')?.message).toContain('không có khung «body»');
    expect(doc.pages).toHaveLength(8);
  });

  it('reports empty slots and an ad page without a picture', () => {
    const plan = newFlatplan(8);
    plan.pages[4] = slot('ad', { label: 'Quảng cáo gốm' });
    const problems = build(plan).problems;
    expect(problems).toContainEqual(expect.objectContaining({ code: 'missing-image', page: 5 }));
    expect(problems.filter((p) => p.code === 'empty-page').map((p) => p.page)).toEqual([4, 6, 7, 8]);
  });
});
