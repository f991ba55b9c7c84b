import { Document, ExternalHyperlink, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/services/desk-handlers.js';
import { createDispatcher, type Dispatch } from '../../electron/services/dispatcher.js';
import { Workspace } from '../../electron/services/workspace/workspace.js';
import { bodyToHtml } from '../../shared/article-body.js';
import type { Article, PmDoc } from '../../shared/model/article.js';
import { articlePrintBlocks } from '../../shared/print/article-print-blocks.js';
import { articleWebHtml } from '../../shared/web/article-web-html.js';
import { tempDir } from '../support/temp-dir.js';
import { XSS_CORPUS, executableParts } from '../support/xss-corpus.js';

let ws: Workspace;
let dispatch: Dispatch;

beforeAll(async () => {
  ws = await Workspace.open(tempDir('lnv-xss-'));
  dispatch = createDispatcher(createHandlers(ws));
});

afterAll(() => ws.close());

const ASSET = 'a'.repeat(64);

/**
 * Every form the article's text takes once it leaves the store: the web preview and what
 * publishing sends (same builder), the body HTML, the HTML export, and the print blocks the page
 * layout pours into the pages. Each must be inert.
 */
async function everyOutput(article: Article): Promise<Record<string, string>> {
  const web = articleWebHtml(
    { ...article, sectionName: 'Làng nghề' },
    { resolveAssetUrl: (hash) => `https://web.example/anh/${hash}.jpg`, resolveRelated: (uid) => `https://web.example/bai/${uid}` },
  );
  const exported = (await dispatch('articles.export', { id: article.id, format: 'html' })) as { content: string };
  const blocks = articlePrintBlocks(article.body, { asset: () => null, imageUrl: (hash) => `assets/${hash}?w=800` });
  return {
    web: web.html,
    body: bodyToHtml(article.body),
    export: exported.content,
    print: blocks.map((b) => ('captionHtml' in b ? b.captionHtml : '') + ('html' in b ? b.html : '')).join('\n'),
  };
}

async function expectInert(article: Article): Promise<void> {
  for (const [where, html] of Object.entries(await everyOutput(article))) expect(executableParts(html), `${article.title} → ${where}`).toEqual([]);
}

const imported = async (name: string, content: string, format: 'html' | 'markdown') => {
  const { article } = (await dispatch('articles.import', { fileName: `${name}.${format === 'html' ? 'html' : 'md'}`, format, content })) as { article: { id: number } };
  return ws.articles.get(article.id);
};

describe('hostile HTML in imported articles', () => {
  it('uses a corpus in which every entry, as it stands, is caught as executable', () => {
    for (const { name, html } of XSS_CORPUS) expect(executableParts(html), name).not.toEqual([]);
  });

  it.each(XSS_CORPUS)('an HTML file with $name comes out inert everywhere', async ({ name, html }) => {
    const article = await imported(name, `<h1>Bài nhập: ${name}</h1>${html}<p>Đoạn cuối còn nguyên.</p>`, 'html');
    expect(article.bodyText).toContain('Đoạn cuối còn nguyên.');
    await expectInert(article);
  });

  it.each(XSS_CORPUS)('a Markdown file with $name comes out inert everywhere', async ({ name, html }) => {
    const article = await imported(name, `# Bài Markdown: ${name}\n\n${html}\n\n[liên kết](javascript:window.__ran=1)\n\nĐoạn cuối còn nguyên.\n`, 'markdown');
    expect(article.bodyText).toContain('Đoạn cuối còn nguyên.');
    await expectInert(article);
  });

  it('a Word file with script links and markup typed as text comes out inert, the text kept as text', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('<script>window.__ran=1</script> viết như chữ thường')] }),
            new Paragraph({ children: [new ExternalHyperlink({ link: 'javascript:window.__ran=1', children: [new TextRun('Bấm vào đây')] })] }),
            new Paragraph({ children: [new ExternalHyperlink({ link: 'https://langngheviet.com.vn/', children: [new TextRun('Trang chủ')] })] }),
          ],
        },
      ],
    });
    const dataBase64 = (await Packer.toBuffer(doc)).toString('base64');
    const { article: summary } = (await dispatch('articles.importDocx', { fileName: 'bai-doc-hai.docx', dataBase64 })) as { article: { id: number } };
    const article = ws.articles.get(summary.id);
    expect(article.bodyText).toContain('<script>window.__ran=1</script> viết như chữ thường');
    await expectInert(article);
    expect((await everyOutput(article)).web).toContain('<a href="https://langngheviet.com.vn/">Trang chủ</a>');
  });
});

describe('a body crafted outside the editor (a script calling the API)', () => {
  /** ProseMirror JSON with every attribute the builders copy into HTML set to something hostile. */
  const hostileBody = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: '2 onclick=window.__ran=1' }, content: [{ type: 'text', text: 'Tiêu đề phụ' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Liên kết', marks: [{ type: 'link', attrs: { href: 'javascript:window.__ran=1' } }] },
          { type: 'text', text: ' và ', marks: [{ type: 'link', attrs: { href: ' java\tscript:window.__ran=1' } }] },
          { type: 'text', text: '<img src=x onerror=window.__ran=1>' },
        ],
      },
      { type: 'orderedList', attrs: { start: '2" onclick="window.__ran=1' }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Mục' }] }] }] },
      { type: 'pullQuote', attrs: { attribution: '"><script>window.__ran=1</script>' }, content: [{ type: 'text', text: 'Trích' }] },
      { type: 'figure', attrs: { asset: `${ASSET}" onerror="window.__ran=1`, alt: '" onerror="window.__ran=1', credit: '"><svg onload=window.__ran=1>' }, content: [{ type: 'text', text: 'Chú thích' }] },
      { type: 'figure', attrs: { asset: ASSET, alt: 'Ảnh', credit: 'Ảnh: LNV' }, content: [{ type: 'text', text: 'Ảnh thật' }] },
      { type: 'relatedArticles', attrs: { items: [{ uid: '"><script>window.__ran=1</script>', title: '<b onmouseover=window.__ran=1>Bài</b>' }] } },
      { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: '2 onmouseover=window.__ran=1' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ô' }] }] }] }] },
      { type: 'iframe', attrs: { src: 'javascript:window.__ran=1' }, content: [{ type: 'text', text: 'Nút lạ' }] },
    ],
  } as unknown as PmDoc;

  it('saves it, but no output carries an attribute or tag that runs', async () => {
    const created = (await dispatch('articles.create', { title: 'Bài soạn bằng tay "><script>window.__ran=1</script>' })) as { id: number };
    await dispatch('articles.save', {
      id: created.id,
      fields: { body: hostileBody, sapo: 'LNV - <img src=x onerror=window.__ran=1>', byline: '<svg onload=window.__ran=1>', kicker: '<script>x</script>' },
      reason: 'explicit',
    });
    const article = ws.articles.get(created.id);
    await expectInert(article);
    // The text a person typed, markup and all, is still there to read.
    expect((await everyOutput(article)).web).toContain('&lt;img src=x onerror=window.__ran=1&gt;');
  });
});
