import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract.js';
import { createHandlers } from '../../electron/services/desk-handlers.js';
import { createDispatcher } from '../../electron/services/dispatcher.js';
import { Workspace } from '../../electron/services/workspace/workspace.js';
import { startWordPress, type WordPressSite } from '../support/wordpress.js';
import { tempDir } from '../support/temp-dir.js';

let wp: WordPressSite;
let ws: Workspace;
let call: <N extends CallName>(name: N, input: CallInput<N>) => Promise<CallOutput<N>>;
let adminSite: number;

type EditPost = { id: number; status: string; title: { raw: string }; excerpt: { raw: string }; content: { raw: string } };

/** The site as its own administrator sees and edits it, outside the desk. */
async function wpAdmin<T>(route: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const auth = Buffer.from(`${wp.admin.username}:${wp.admin.appPassword}`).toString('base64');
  const response = await fetch(`${wp.url}/wp-json${route}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Basic ${auth}`, 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return (await response.json()) as T;
}
const webPost = (id: number) => wpAdmin<EditPost>(`/wp/v2/posts/${id}?context=edit`);
const articleId = async (prefix: string) => (await call('articles.list', { limit: 50 })).items.find((a) => a.title.startsWith(prefix))!.id;
const jobById = async (id: number) => (await call('outbox.list', {})).find((j) => j.id === id)!;

beforeAll(async () => {
  wp = await startWordPress({ prettyPermalinks: true });
  ws = await Workspace.open(tempDir('lnv-conflict-'));
  const dispatch = createDispatcher(createHandlers(ws), () => {});
  call = (name, input) => dispatch(name, input) as never;
  adminSite = (await call('sites.connect', { url: wp.url, username: wp.admin.username, password: wp.admin.appPassword })).id;
}, 120_000);

afterAll(async () => {
  ws?.close();
  await wp?.stop();
});

describe('a post edited on the web since the desk published it', () => {
  // Typed on a Mac or pasted from elsewhere: decomposed (NFD) marks, which the desk must store as NFC.
  const webTitle = 'Làng gốm Bát Tràng: lò bầu đỏ lửa đón Tết';
  const webParagraph = 'Chiều 28 tháng Chạp, nghệ nhân Trần Độ mở cửa lò bầu cổ cho du khách.';

  it('is reported as a conflict with both versions side by side, and nothing is overwritten', async () => {
    const id = await articleId('Làng gốm Bát Tràng');
    const before = await call('articles.get', { id });
    const first = await call('publish.article', { articleId: id, siteId: adminSite, status: 'publish' });
    const postId = first.publication.postId;
    // WordPress keeps modification times to the second.
    await new Promise((r) => setTimeout(r, 1100));
    const raw = (await webPost(postId)).content.raw;
    await wpAdmin(`/wp/v2/posts/${postId}`, {
      method: 'POST',
      body: { title: webTitle.normalize('NFD'), content: raw.replace('<p class="byline">', `<p>${webParagraph.normalize('NFD')}</p><p class="byline">`) },
    });

    const job = await call('outbox.enqueue', { articleId: id, siteId: adminSite });
    await ws.outboxRunner.drain();
    expect(await jobById(job.id)).toMatchObject({ state: 'failed', failure: 'conflict', lastError: expect.stringContaining('đã được sửa trên web') });
    expect((await webPost(postId)).title.raw).toBe(webTitle.normalize('NFD'));

    const conflict = await call('publish.conflict', { articleId: id, siteId: adminSite });
    expect(conflict).toMatchObject({ postId, changedOnWeb: true, local: { title: before.title, sapo: before.sapo, byline: 'Minh Khôi' } });
    expect(conflict.web).toMatchObject({ title: webTitle, sapo: before.sapo, byline: 'Minh Khôi' });
    expect(conflict.web.body).toBe(`${before.bodyText}\n\n${webParagraph}`);
    const changed = (field: string) => conflict.diffs.find((d) => d.field === field)!.segments.filter((s) => s.kind !== 'same');
    expect(changed('sapo')).toEqual([]);
    expect(changed('byline')).toEqual([]);
    expect(changed('title').filter((s) => s.kind === 'added').map((s) => s.text).join(' ')).toContain('lò bầu đỏ lửa');
    expect(changed('body')).toEqual([{ kind: 'added', text: expect.stringContaining(webParagraph) }]);
  });

  it('keeps the web version as a new revision, in NFC, without a second lead or byline, and publishes over it without a conflict', async () => {
    const id = await articleId('Làng gốm Bát Tràng');
    const before = await call('articles.get', { id });
    const revisionsBefore = await call('revisions.list', { articleId: id });
    const { postId } = (await call('publish.history', { articleId: id })).publications[0]!;

    const kept = await call('publish.keepWeb', { articleId: id, siteId: adminSite });
    expect(kept.article.title).toBe(webTitle);
    expect(kept.article.title).toBe(kept.article.title.normalize('NFC'));
    expect(kept.article.sapo).toBe(before.sapo);
    expect(kept.article.byline).toBe('Minh Khôi');
    expect(kept.article.bodyText).toBe(`${before.bodyText}\n\n${webParagraph}`);
    expect(kept.article.bodyText.normalize('NFC')).toBe(kept.article.bodyText);
    expect(JSON.stringify(kept.article.body).match(/"type":"figure"/g)).toHaveLength(2);
    const revisions = await call('revisions.list', { articleId: id });
    expect(revisions).toHaveLength(revisionsBefore.length + 1);
    expect((await call('revisions.get', { id: revisions[0]!.id })).fields.title).toBe(webTitle);
    // The desk's text before the import is still in the history.
    expect((await call('revisions.get', { id: revisionsBefore[0]!.id })).fields.title).toBe(before.title);

    expect((await call('publish.conflict', { articleId: id, siteId: adminSite })).changedOnWeb).toBe(false);
    const again = await call('publish.article', { articleId: id, siteId: adminSite, status: 'publish' });
    expect(again).toMatchObject({ created: false, publication: { postId } });
    const post = await webPost(postId);
    expect(post.title.raw).toBe(webTitle);
    expect(post.content.raw.match(/class="sapo"/g)).toHaveLength(1);
    expect(post.content.raw.match(/class="byline"/g)).toHaveLength(1);
    expect(post.content.raw.match(/<strong>LNV -<\/strong>/g)).toHaveLength(1);
    expect(post.content.raw).toContain(webParagraph);
    expect(post.content.raw.match(/<figure /g)).toHaveLength(2);
    expect((await call('publish.history', { articleId: id })).history.map((h) => h.action).slice(0, 2)).toEqual(['update', 'keepWeb']);
  });
});

describe('a contributor account, which WordPress does not let publish', () => {
  it('fails with WordPress’s own reason, then submits the article for review as a pending post', async () => {
    const contributor = await call('sites.connect', { url: wp.url, username: wp.contributor.username, password: wp.contributor.appPassword });
    expect(contributor.can.publish).toBe(false);
    // The site already has the section's category; a contributor may use it but not create one.
    await wpAdmin('/wp/v2/categories', { method: 'POST', body: { name: 'Khuyến công' } });
    const id = await articleId('Bánh pía Sóc Trăng');

    const refused = await call('outbox.enqueue', { articleId: id, siteId: contributor.id });
    await ws.outboxRunner.drain();
    const failed = await jobById(refused.id);
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toContain('rest_cannot_publish');
    expect(failed.failure).toBe('may-not-publish');
    expect(failed.lastError).toContain('WordPress báo: “Sorry, you are not allowed to publish posts in this post type.”');

    const review = await call('outbox.enqueue', { articleId: id, siteId: contributor.id, publishStatus: 'pending' });
    await ws.outboxRunner.drain();
    expect(await jobById(review.id)).toMatchObject({ state: 'done' });
    const { postId } = (await call('publish.history', { articleId: id })).publications.find((p) => p.siteId === contributor.id)!;
    const post = await wpAdmin<EditPost & { categories: number[] }>(`/wp/v2/posts/${postId}?context=edit`);
    expect(post.status).toBe('pending');
    expect(post.title.raw).toBe('Bánh pía Sóc Trăng bền vị nhờ máy móc hiện đại');
    const categories = await wpAdmin<{ name: string }[]>(`/wp/v2/categories?include=${post.categories.join(',')}`);
    expect(categories.map((c) => c.name)).toEqual(['Khuyến công']);
  });
});
