import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract.js';
import { DeskError } from '../../shared/errors.js';
import { paragraphsToBody } from '../../shared/article-body.js';
import { createHandlers } from '../../electron/services/desk-handlers.js';
import { createDispatcher } from '../../electron/services/dispatcher.js';
import { Workspace } from '../../electron/services/workspace/workspace.js';
import { startWordPress, type WordPressSite } from '../support/wordpress.js';
import { runCli } from '../support/run-cli.js';
import { generatedPhoto } from '../support/publish-fixtures.js';
import { tempDir } from '../support/temp-dir.js';

let wp: WordPressSite;
let ws: Workspace;
let call: <N extends CallName>(name: N, input: CallInput<N>) => Promise<CallOutput<N>>;
let adminSite: number;

/** Reads the site the way an editor would check it, as the administrator. */
async function wpGet<T>(route: string, query = ''): Promise<T> {
  const auth = Buffer.from(`${wp.admin.username}:${wp.admin.appPassword}`).toString('base64');
  const response = await fetch(`${wp.url}/wp-json${route}${query}`, { headers: { Authorization: `Basic ${auth}` } });
  return (await response.json()) as T;
}

beforeAll(async () => {
  wp = await startWordPress({ prettyPermalinks: true });
  ws = await Workspace.open(tempDir('lnv-publish-'));
  const dispatch = createDispatcher(createHandlers(ws), () => {});
  call = (name, input) => dispatch(name, input) as never;
  adminSite = (await call('sites.connect', { url: wp.url, username: wp.admin.username, password: wp.admin.appPassword })).id;
}, 120_000);

afterAll(async () => {
  ws?.close();
  await wp?.stop();
});

const sample = async (prefix: string) => (await call('articles.list', { limit: 50 })).items.find((a) => a.title.startsWith(prefix))!;

describe('publishing an article to WordPress', () => {
  it('creates one post with its category, tags, excerpt, captioned pictures, featured image and the article’s uid', async () => {
    const article = await sample('Làng gốm Bát Tràng');
    const full = await call('articles.get', { id: article.id });
    const result = await call('publish.article', { articleId: article.id, siteId: adminSite, status: 'publish' });
    expect(result).toMatchObject({ created: true, publication: { status: 'publish' } });
    expect(result.publication.link).toContain('/lang-gom-bat-trang-ron-rang-don-hang-cuoi-nam/');

    type Post = { title: { raw: string }; excerpt: { raw: string }; content: { raw: string }; categories: number[]; tags: number[]; featured_media: number; meta: Record<string, string>; status: string };
    const post = await wpGet<Post>(`/wp/v2/posts/${result.publication.postId}`, '?context=edit');
    expect(post.title.raw).toBe(full.title);
    expect(post.excerpt.raw).toBe(full.sapo);
    expect(post.content.raw).toMatch(/^<p class="sapo"><strong>LNV -<\/strong> Những ngày cuối tháng 11/);
    expect(post.content.raw.match(/<figure class="lnv-figure"><img src="http:\/\/127\.0\.0\.1:\d+\/wp-content\/uploads-[^"]+\.jpg"/g)).toHaveLength(2);
    expect(post.content.raw).toContain('<figcaption>Những chiếc bình men lam vừa ra lò');
    expect(post.content.raw).not.toContain('asset:');
    expect(post.content.raw).toMatch(/<p class="byline"><strong>Minh Khôi<\/strong><\/p>$/);
    expect(post.meta.lnv_desk_uid).toBe(full.uid);
    expect(post.featured_media).toBeGreaterThan(0);
    const categories = await wpGet<{ name: string }[]>('/wp/v2/categories', `?include=${post.categories.join(',')}`);
    expect(categories.map((c) => c.name)).toEqual(['Làng nghề']);
    const tags = await wpGet<{ name: string }[]>('/wp/v2/tags', `?include=${post.tags.join(',')}`);
    expect(tags.map((t) => t.name).sort()).toEqual(['Bát Tràng', 'Hà Nội', 'gốm sứ'].sort());
    const media = await wpGet<{ alt_text: string }[]>('/wp/v2/media', '?per_page=50');
    expect(media).toHaveLength(2);
    expect((await call('articles.get', { id: article.id })).status).toBe('published');
  });

  it('updates the same post on every later publish, even when the desk lost the answer to the first one', async () => {
    const article = await sample('Làng gốm Bát Tràng');
    const first = (await call('publish.history', { articleId: article.id })).publications[0]!;
    await call('articles.save', { id: article.id, fields: { title: 'Làng gốm Bát Tràng vào mùa Tết' }, reason: 'explicit' });
    const again = await call('publish.article', { articleId: article.id, siteId: adminSite, status: 'publish' });
    expect(again).toMatchObject({ created: false, publication: { postId: first.postId } });
    // As if the site had acted but the desk never heard back: nothing recorded locally.
    ws.db.prepare('DELETE FROM publications WHERE article_id = ?').run(article.id);
    const retried = await call('publish.article', { articleId: article.id, siteId: adminSite, status: 'publish' });
    expect(retried.publication.postId).toBe(first.postId);
    const posts = await wpGet<{ id: number; title: { rendered: string } }[]>('/wp/v2/posts', '?per_page=50&status=any');
    expect(posts.map((p) => p.id)).toEqual([first.postId]);
    expect(posts[0]?.title.rendered).toBe('Làng gốm Bát Tràng vào mùa Tết');
    expect(await wpGet<unknown[]>('/wp/v2/media', '?per_page=50')).toHaveLength(2);
    expect((await call('publish.history', { articleId: article.id })).history.map((h) => h.action)).toEqual(['update', 'update', 'create']);
  });

  it('will not silently overwrite an edit made on the web; overwrites only when asked', async () => {
    const article = await sample('Làng gốm Bát Tràng');
    const { postId } = (await call('publish.history', { articleId: article.id })).publications[0]!;
    // WordPress keeps modification times to the second.
    await new Promise((r) => setTimeout(r, 1100));
    const auth = Buffer.from(`${wp.admin.username}:${wp.admin.appPassword}`).toString('base64');
    await fetch(`${wp.url}/wp-json/wp/v2/posts/${postId}`, {
      method: 'POST',
      headers: { Authorization: `Basic ${auth}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Sửa trên web' }),
    });
    await expect(call('publish.article', { articleId: article.id, siteId: adminSite, status: 'publish' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('đã được sửa trên web'),
    });
    expect((await wpGet<{ title: { raw: string } }>(`/wp/v2/posts/${postId}`, '?context=edit')).title.raw).toBe('Sửa trên web');
    await call('publish.article', { articleId: article.id, siteId: adminSite, status: 'publish', overwrite: true });
    expect((await wpGet<{ title: { raw: string } }>(`/wp/v2/posts/${postId}`, '?context=edit')).title.raw).toBe('Làng gốm Bát Tràng vào mùa Tết');
  });

  it('refuses to publish an article that is not ready, saying what is missing, and sends nothing', async () => {
    const bare = await call('articles.create', { title: '' });
    await call('articles.save', { id: bare.id, fields: { body: paragraphsToBody(['Chỉ có nội dung.']) }, reason: 'explicit' });
    let error: DeskError | null = null;
    try {
      await call('publish.article', { articleId: bare.id, siteId: adminSite, status: 'publish' });
    } catch (e) {
      error = e as DeskError;
    }
    expect(error?.code).toBe('invalid_input');
    expect(error?.details).toEqual(['Bài chưa có tiêu đề.', 'Bài chưa có sapo.', 'Bài chưa được xếp vào chuyên mục.']);
    expect(await wpGet<unknown[]>('/wp/v2/posts', '?per_page=50&status=any')).toHaveLength(1);
  });

  it('publishes from the command line as a draft', () => {
    const data = ws.dataDir;
    const article = runCli(['list', '--json', '--data', data]);
    const id = (JSON.parse(article.stdout) as { items: { id: number; title: string }[] }).items.find((a) => a.title.startsWith('Khuyến công Thái Nguyên'))!.id;
    const result = runCli(['publish', String(id), '--site', String(adminSite), '--status', 'draft', '--json', '--data', data]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ created: true, publication: { status: 'draft' } });
    // With one site connected, --site may be left out.
    const onlySite = runCli(['publish', String(id), '--status', 'draft', '--data', data]);
    expect(onlySite.status).toBe(0);
    expect(onlySite.stdout).toMatch(/^Đã cập nhật: http/);
  });

  it('passes on WordPress’s own refusal when the account may not publish', async () => {
    const contributor = await call('sites.connect', { url: wp.url, username: wp.contributor.username, password: wp.contributor.appPassword });
    const article = await sample('Khung cửi thổ cẩm');
    await expect(call('publish.article', { articleId: article.id, siteId: contributor.id, status: 'publish' })).rejects.toMatchObject({
      code: 'unauthorized',
      message: expect.stringContaining('WordPress báo'),
    });
  });
});

describe('an article with three pictures, a table and a pull quote', () => {
  it('reaches the site whole: figures with captions, the table, the pull quote, slug, excerpt, featured image, exact NFC text', async () => {
    const section = (await call('sections.list', {}))[0]!;
    const pictures = await Promise.all([1, 2, 3].map(async (n) => call('assets.add', { fileName: `thuyen-thung-${n}.jpg`, dataBase64: (await generatedPhoto(70 + n, 1800, 1200)).toString('base64'), credit: 'Ảnh: Hải Yến' })));
    const nfd = (text: string) => text.normalize('NFD');
    const figure = (hash: string, caption: string) => ({ type: 'figure', attrs: { asset: hash, alt: caption, credit: 'Ảnh: Hải Yến' }, content: [{ type: 'text', text: caption }] });
    const cell = (type: 'tableHeader' | 'tableCell', text: string) => ({ type, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
    const body = {
      type: 'doc' as const,
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: nfd('Làng Phú Tân đan thuyền thúng từ tre già ngâm bùn ba tháng.') }] },
        figure(pictures[0]!.hash, 'Tre được chẻ nan ngay bên bờ sông.'),
        { type: 'pullQuote', attrs: { attribution: 'Ông Trần Văn Đủ' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Một chiếc thúng tốt đi biển được mười năm.' }] }] },
        figure(pictures[1]!.hash, 'Quét dầu rái cho thúng kín nước.'),
        { type: 'table', content: [{ type: 'tableRow', content: [cell('tableHeader', 'Cỡ thúng'), cell('tableHeader', 'Giá (đồng)')] }, { type: 'tableRow', content: [cell('tableCell', 'Đường kính 2 m'), cell('tableCell', '4.500.000')] }] },
        figure(pictures[2]!.hash, 'Thúng thành phẩm phơi trên bãi cát.'),
      ],
    };
    const created = await call('articles.create', { title: nfd('Thuyền thúng Phú Tân giữ nghề') });
    await call('articles.save', {
      id: created.id,
      fields: { sapo: nfd('LNV - Ở Phú Tân, nghề đan thuyền thúng vẫn nuôi hàng trăm hộ.'), sectionId: section.id, tags: ['thuyền thúng', 'Phú Yên'], byline: 'Hải Yến', body },
      reason: 'explicit',
    });
    const result = await call('publish.article', { articleId: created.id, siteId: adminSite, status: 'publish' });

    type Post = { slug: string; title: { raw: string }; excerpt: { raw: string }; content: { raw: string }; featured_media: number; categories: number[]; tags: number[] };
    const post = await wpGet<Post>(`/wp/v2/posts/${result.publication.postId}`, '?context=edit');
    expect(post.slug).toBe('thuyen-thung-phu-tan-giu-nghe');
    expect(post.title.raw).toBe('Thuyền thúng Phú Tân giữ nghề'.normalize('NFC'));
    expect(post.title.raw).toBe(post.title.raw.normalize('NFC'));
    expect(post.excerpt.raw).toBe('LNV - Ở Phú Tân, nghề đan thuyền thúng vẫn nuôi hàng trăm hộ.');
    const html = post.content.raw;
    expect(html).toBe(html.normalize('NFC'));
    expect(html).toContain('Làng Phú Tân đan thuyền thúng từ tre già ngâm bùn ba tháng.');
    expect([...html.matchAll(/<figcaption>([^<]*)/g)].map((m) => m[1]!.trim())).toEqual([
      'Tre được chẻ nan ngay bên bờ sông.',
      'Quét dầu rái cho thúng kín nước.',
      'Thúng thành phẩm phơi trên bãi cát.',
    ]);
    expect(html).toMatch(/<blockquote class="lnv-pull-quote" data-attribution="Ông Trần Văn Đủ"><p>Một chiếc thúng tốt đi biển được mười năm\.<\/p><\/blockquote>/);
    expect(html).toContain('<table><tbody><tr><th><p>Cỡ thúng</p></th><th><p>Giá (đồng)</p></th></tr><tr><td><p>Đường kính 2 m</p></td><td><p>4.500.000</p></td></tr></tbody></table>');

    const media = await wpGet<{ id: number; source_url: string; alt_text: string }[]>('/wp/v2/media', `?per_page=100&parent=0&include=${post.featured_media}`);
    const sources = [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources).toHaveLength(3);
    expect(new Set(sources).size).toBe(3);
    expect(media[0]?.source_url).toBe(sources[0]);
    expect(media[0]?.alt_text).toBe('Tre được chẻ nan ngay bên bờ sông.');
    const categories = await wpGet<{ name: string }[]>('/wp/v2/categories', `?include=${post.categories.join(',')}`);
    expect(categories.map((c) => c.name)).toEqual([section.name]);
    const tags = await wpGet<{ name: string }[]>('/wp/v2/tags', `?include=${post.tags.join(',')}`);
    expect(tags.map((t) => t.name).sort()).toEqual(['Phú Yên', 'thuyền thúng'].sort());
  });
});
