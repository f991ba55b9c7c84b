import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract.js';
import { bodyToText, paragraphsToBody } from '../../shared/article-body.js';
import type { PmDoc } from '../../shared/model/article.js';
import { createHandlers } from '../../electron/services/desk-handlers.js';
import { createDispatcher } from '../../electron/services/dispatcher.js';
import { WordPressTarget } from '../../electron/services/sync/wordpress-target.js';
import { Workspace } from '../../electron/services/workspace/workspace.js';
import { runCli } from '../support/run-cli.js';
import { startWordPress, type WordPressSite } from '../support/wordpress.js';
import { tempDir } from '../support/temp-dir.js';

interface Desk {
  ws: Workspace;
  dataDir: string;
  siteId: number;
  /** Every request this desk sent to the site: "METHOD path". */
  requests: string[];
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
}

let wp: WordPressSite;
const desks: Desk[] = [];

async function openDesk(): Promise<Desk> {
  const dataDir = tempDir('lnv-sync-');
  const requests: string[] = [];
  const counting: typeof fetch = (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    requests.push(`${init?.method ?? 'GET'} ${url.searchParams.get('rest_route') ?? url.pathname}`);
    return fetch(input, init);
  };
  const ws = await Workspace.open(dataDir, { seed: false, publishTarget: new WordPressTarget(counting) });
  const dispatch = createDispatcher(createHandlers(ws), () => {});
  const call = <N extends CallName>(name: N, input: CallInput<N>) => dispatch(name, input) as Promise<CallOutput<N>>;
  await call('user.set', { name: `Bàn ${desks.length + 1}` });
  const { id } = await call('sites.connect', { url: wp.url, username: wp.admin.username, password: wp.admin.appPassword });
  const desk = { ws, dataDir, siteId: id, requests, call };
  desks.push(desk);
  return desk;
}

const auth = () => `Basic ${Buffer.from(`${wp.admin.username}:${wp.admin.appPassword}`).toString('base64')}`;

async function wpRest<T>(route: string, init: { method?: string; body?: unknown; query?: string } = {}): Promise<T> {
  const response = await fetch(`${wp.url}/wp-json${route}${init.query ?? ''}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: auth(), ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function uploadPicture(name: string, colour: string): Promise<{ id: number; source_url: string }> {
  const bytes = await sharp({ create: { width: 900, height: 600, channels: 3, background: colour } }).jpeg().toBuffer();
  const response = await fetch(`${wp.url}/wp-json/wp/v2/media`, {
    method: 'POST',
    headers: { Authorization: auth(), 'Content-Disposition': `attachment; filename="${name}"`, 'Content-Type': 'image/jpeg' },
    body: bytes,
  });
  return (await response.json()) as { id: number; source_url: string };
}

/**
 * WordPress keeps modification times to the second, and a post's modification time is how a desk
 * tells that a colleague changed it: people do not edit the same draft twice within a second, the test must wait too.
 */
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1100));

const writes = (desk: Desk) => desk.requests.filter((r) => !r.startsWith('GET ') && !r.startsWith('HEAD '));
const mediaCount = async () => (await wpRest<unknown[]>('/wp/v2/media', { query: '?per_page=100' })).length;
const figuresOf = (doc: PmDoc) => (doc.content ?? []).filter((n) => n.type === 'figure');

beforeAll(async () => {
  wp = await startWordPress({ prettyPermalinks: true });
}, 120_000);

afterAll(async () => {
  for (const desk of desks) desk.ws.close();
  await wp?.stop();
});

describe('importing posts from the site', () => {
  it('lists posts by category, date and text, imports the chosen one with its pictures, and never makes a second article', async () => {
    const craft = await wpRest<{ id: number }>('/wp/v2/categories', { method: 'POST', body: { name: 'Làng nghề' } });
    const travel = await wpRest<{ id: number }>('/wp/v2/categories', { method: 'POST', body: { name: 'Du lịch' } });
    const tag = await wpRest<{ id: number }>('/wp/v2/tags', { method: 'POST', body: { name: 'gốm sứ' } });
    const inline = await uploadPicture('lo-nung.jpg', '#a0522d');
    const featured = await uploadPicture('binh-gom.jpg', '#336699');
    await wpRest(`/wp/v2/media/${featured.id}`, { method: 'POST', body: { caption: 'Bình gốm men lam', alt_text: 'Bình gốm' } });
    const title = 'Gốm Chu Đậu hồi sinh ở Hải Dương';
    const post = await wpRest<{ id: number; link: string }>('/wp/v2/posts', {
      method: 'POST',
      body: {
        title,
        status: 'publish',
        date_gmt: '2025-10-20T03:00:00',
        excerpt: 'Những lò gốm cổ đỏ lửa trở lại sau năm thế kỷ.',
        content: `<p>Nghệ nhân Nguyễn Văn Đức giữ men rạn.</p><figure><img src="${inline.source_url}" alt="Lò nung"><figcaption>Lò nung ở Chu Đậu</figcaption></figure><p>Đoàn khách quốc tế ghé thăm.</p>`,
        categories: [craft.id],
        tags: [tag.id],
        featured_media: featured.id,
      },
    });
    await wpRest('/wp/v2/posts', { method: 'POST', body: { title: 'Gốm Bát Tràng năm 2024', status: 'publish', date_gmt: '2024-03-01T03:00:00', categories: [craft.id] } });
    await wpRest('/wp/v2/posts', { method: 'POST', body: { title: 'Gốm trên đường du lịch', status: 'publish', date_gmt: '2025-10-21T03:00:00', categories: [travel.id] } });

    const desk = await openDesk();
    const found = await desk.call('sync.searchRemote', { siteId: desk.siteId, categoryId: craft.id, since: '2025-01-01', search: 'gốm' });
    expect(found.items.map((p) => [p.title, p.status, p.author, p.categories, p.articleId])).toEqual([[title, 'publish', 'admin', ['Làng nghề'], null]]);
    expect(found.items[0]!.date).toBe('2025-10-20T03:00:00.000Z');

    const [result] = (await desk.call('sync.importPosts', { siteId: desk.siteId, postIds: [post.id] })).results;
    expect(result).toMatchObject({ postId: post.id, outcome: 'new' });
    const article = desk.ws.articles.get(result!.articleId!);
    expect(article.title).toBe(title.normalize('NFC'));
    expect(article).toMatchObject({ sapo: 'Những lò gốm cổ đỏ lửa trở lại sau năm thế kỷ.', sectionName: 'Làng nghề', tags: ['gốm sứ'], status: 'published' });
    expect(bodyToText(article.body)).toContain('Nghệ nhân Nguyễn Văn Đức giữ men rạn.');
    const figures = figuresOf(article.body);
    expect(figures).toHaveLength(2);
    for (const figure of figures) expect(desk.ws.assetFiles.exists(String(figure.attrs?.asset))).toBe(true);
    expect(figures.map((f) => bodyToText({ type: 'doc', content: [f] }).trim())).toEqual(['Bình gốm men lam', 'Lò nung ở Chu Đậu']);
    expect(desk.ws.publications.forArticle(article.id)).toMatchObject([{ postId: post.id, siteId: desk.siteId }]);

    const again = await desk.call('sync.importPosts', { siteId: desk.siteId, postIds: [post.id] });
    expect(again.results).toMatchObject([{ articleId: article.id, outcome: 'unchanged' }]);
    expect((await desk.call('sync.searchRemote', { siteId: desk.siteId, search: 'Chu Đậu' })).items[0]!.articleId).toBe(article.id);
    expect((await desk.call('articles.list', {})).total).toBe(1);

    // Publishing the imported article updates the post it came from.
    for (const figure of figures) await desk.call('assets.update', { hash: String(figure.attrs?.asset), credit: 'Ảnh: LNV' });
    const published = await desk.call('publish.article', { articleId: article.id, siteId: desk.siteId, status: 'publish' });
    expect(published).toMatchObject({ created: false, publication: { postId: post.id } });
    expect(await wpRest<unknown[]>('/wp/v2/posts', { query: '?per_page=100&status=any' })).toHaveLength(3);
  });
});

describe('two desks sharing drafts through the site', () => {
  it('carries a draft from one desk to the other and an edit back, as a new revision, and a second sync writes nothing', async () => {
    const a = await openDesk();
    const b = await openDesk();
    const picture = await a.ws.addImage(await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#884422' } }).jpeg().toBuffer(), 'khung-cui.jpg');
    const body: PmDoc = {
      type: 'doc',
      content: [
        ...(paragraphsToBody(['Bà Lò Thị Xuân ngồi bên khung cửi từ tờ mờ sáng.']).content ?? []),
        { type: 'figure', attrs: { asset: picture.hash, alt: 'Khung cửi', credit: 'Ảnh: Hoàng Lan' }, content: [{ type: 'text', text: 'Khung cửi của người Thái' }] },
      ],
    };
    // Typed on a Mac, decomposed: the site and the other desk must get NFC.
    const title = 'Thổ cẩm Mai Châu giữ nghề'.normalize('NFD');
    const draft = await a.call('articles.create', { title });
    await a.call('articles.save', { id: draft.id, fields: { sapo: 'LNV - Nghề dệt của người Thái ở Hoà Bình.', byline: 'Hoàng Lan', body }, reason: 'explicit' });

    const sentByA = await a.call('sync.run', { siteId: a.siteId });
    expect(sentByA.sent).toMatchObject([{ articleId: draft.id, state: 'done' }]);
    const media = await mediaCount();

    const receivedByB = await b.call('sync.run', { siteId: b.siteId });
    expect(receivedByB.received).toMatchObject([{ outcome: 'new' }]);
    expect(receivedByB.sent).toEqual([]);
    const onB = b.ws.articles.get(receivedByB.received[0]!.articleId!);
    expect(onB.uid).toBe(draft.uid);
    expect(onB.title).toBe('Thổ cẩm Mai Châu giữ nghề'.normalize('NFC'));
    expect(onB).toMatchObject({ sapo: 'LNV - Nghề dệt của người Thái ở Hoà Bình.', byline: 'Hoàng Lan', status: 'draft' });
    expect(bodyToText(onB.body)).toBe(bodyToText(a.ws.articles.get(draft.id).body));
    expect(figuresOf(onB.body)[0]?.attrs).toMatchObject({ alt: 'Khung cửi', credit: 'Ảnh: Hoàng Lan' });

    const revisionsOnA = a.ws.articles.revisions(draft.id).length;
    await nextSecond();
    const edited = paragraphsToBody(['Bà Lò Thị Xuân ngồi bên khung cửi từ tờ mờ sáng, dệt tấm thổ cẩm thứ một nghìn.']);
    await b.call('articles.save', { id: onB.id, fields: { title: 'Thổ cẩm Mai Châu giữ nghề truyền thống', body: { ...edited, content: [...(edited.content ?? []), ...figuresOf(onB.body)] }, status: 'submitted' }, reason: 'explicit' });
    const sentByB = await b.call('sync.run', { siteId: b.siteId });
    expect(sentByB.sent).toMatchObject([{ articleId: onB.id, state: 'done' }]);
    // The picture B took from the site is found there again, not uploaded a second time.
    expect(await mediaCount()).toBe(media);
    expect((await wpRest<{ status: string }[]>('/wp/v2/posts', { query: '?status=pending' })).map((p) => p.status)).toEqual(['pending']);

    const receivedByA = await a.call('sync.run', { siteId: a.siteId });
    expect(receivedByA.received).toMatchObject([{ articleId: draft.id, outcome: 'updated' }]);
    const onA = a.ws.articles.get(draft.id);
    expect(onA).toMatchObject({ title: 'Thổ cẩm Mai Châu giữ nghề truyền thống', status: 'submitted' });
    expect(bodyToText(onA.body)).toContain('dệt tấm thổ cẩm thứ một nghìn.');
    expect(figuresOf(onA.body)[0]?.attrs?.asset).toBe(picture.hash);
    expect(a.ws.articles.revisions(draft.id).length).toBeGreaterThan(revisionsOnA);

    for (const desk of [a, b]) {
      await desk.call('sync.run', { siteId: desk.siteId });
      desk.requests.length = 0;
      const started = Date.now();
      const quiet = await desk.call('sync.run', { siteId: desk.siteId });
      expect(Date.now() - started).toBeLessThan(2000);
      expect(quiet).toMatchObject({ sent: [], received: [], offline: false });
      expect(writes(desk)).toEqual([]);
      expect(desk.requests).toHaveLength(1);
    }
    expect(await b.call('sync.status', { siteId: b.siteId })).toMatchObject({ sent: [], received: [] });
  });

  it('records a conflict when both desks changed the same draft, and overwrites neither', async () => {
    const [a, b] = [desks[1]!, desks[2]!];
    const draft = await a.call('articles.create', { title: 'Nón lá làng Chuông' });
    await a.call('sync.run', { siteId: a.siteId });
    const onB = (await b.call('sync.run', { siteId: b.siteId })).received[0]!.articleId!;
    await nextSecond();
    await b.call('articles.save', { id: onB, fields: { sapo: 'LNV - Bản của bàn B.' }, reason: 'explicit' });
    await b.call('sync.run', { siteId: b.siteId });
    await a.call('articles.save', { id: draft.id, fields: { sapo: 'LNV - Bản của bàn A.' }, reason: 'explicit' });

    const report = await a.call('sync.run', { siteId: a.siteId });
    expect(report.received).toMatchObject([{ articleId: draft.id, outcome: 'conflict', message: expect.stringContaining('chưa ghi đè') }]);
    expect(report.sent).toMatchObject([{ articleId: draft.id, state: 'failed', message: expect.stringContaining('đã được sửa trên web') }]);
    expect(a.ws.articles.get(draft.id).sapo).toBe('LNV - Bản của bàn A.');
    const [post] = await wpRest<{ excerpt: { raw: string } }[]>('/wp/v2/posts', { query: '?search=Chuông&status=draft&context=edit' });
    expect(post!.excerpt.raw).toBe('LNV - Bản của bàn B.');
  });
});

describe('desk sync and desk import-web', () => {
  it('pulls, syncs and imports by filter from the command line', () => {
    const dataDir = tempDir('lnv-sync-cli-');
    const env = { LNV_DESK_SITE_PASSWORD: wp.admin.appPassword };
    expect(runCli(['site', 'add', wp.url, '--user', wp.admin.username, '--data', dataDir], env).status).toBe(0);

    const pulled = runCli(['sync', '--pull', '--data', dataDir]);
    expect(pulled.stderr).toBe('');
    expect(pulled.stdout).toContain('Thổ cẩm Mai Châu giữ nghề truyền thống — bài mới');
    expect(pulled.stdout).not.toContain('Gửi đi');

    const imported = runCli(['import-web', '--category', 'làng nghề', '--since', '2025-01-01', '--search', 'Chu Đậu', '--data', dataDir]);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('Gốm Chu Đậu hồi sinh ở Hải Dương — bài mới');
    expect(imported.stdout).toContain('Đã lấy: 1 bài mới');

    const again = runCli(['import-web', '--search', 'Chu Đậu', '--data', dataDir]);
    expect(again.stdout).toContain('không đổi');

    // The sample articles of a new data folder that are drafts or awaiting review go to the site once.
    const first = runCli(['sync', '--site', '1', '--data', dataDir]);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Gửi đi: [1-9]\d* bài\n {2}↑ bài \d+ {2}.+ — đã gửi/);
    const second = runCli(['sync', '--site', '1', '--data', dataDir]);
    expect(second.stdout).toMatch(/Đã nhận: 0 bài\nGửi đi: 0 bài/);
  });
});
