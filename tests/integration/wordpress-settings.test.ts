import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract.js';
import { createHandlers } from '../../electron/services/desk-handlers.js';
import { createDispatcher } from '../../electron/services/dispatcher.js';
import { Workspace } from '../../electron/services/workspace/workspace.js';
import { startWordPress, type WordPressSite } from '../support/wordpress.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

let wp: WordPressSite;
let ws: Workspace;
let call: <N extends CallName>(name: N, input: CallInput<N>) => Promise<CallOutput<N>>;
let adminSite: number;

type Post = { id: number; status: string; date_gmt: string; categories: number[]; meta: Record<string, string> };

async function wpAdmin<T>(route: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const auth = Buffer.from(`${wp.admin.username}:${wp.admin.appPassword}`).toString('base64');
  const response = await fetch(`${wp.url}/wp-json${route}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Basic ${auth}`, 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return (await response.json()) as T;
}
const article = async (prefix: string) => (await call('articles.list', { limit: 50 })).items.find((a) => a.title.startsWith(prefix))!;
const publish = async (articleId: number) => (await call('publish.article', { articleId, siteId: adminSite, status: 'publish' })).publication.postId;
// WordPress answers term names HTML-escaped ("&amp;").
const categoryNames = async (post: Post) =>
  (await wpAdmin<{ name: string }[]>(`/wp/v2/categories?include=${post.categories.join(',')}`)).map((c) => c.name.replaceAll('&amp;', '&'));

beforeAll(async () => {
  wp = await startWordPress({ prettyPermalinks: true });
  ws = await Workspace.open(tempDir('lnv-web-settings-'));
  const dispatch = createDispatcher(createHandlers(ws), () => {});
  call = (name, input) => dispatch(name, input) as never;
  adminSite = (await call('sites.connect', { url: wp.url, username: wp.admin.username, password: wp.admin.appPassword })).id;
}, 120_000);

afterAll(async () => {
  ws?.close();
  await wp?.stop();
});

describe('the SEO description', () => {
  it('is made from the sapo until one is written, and reaches the site as the meta SEO plugins read', async () => {
    const { id } = await article('Làng gốm Bát Tràng');
    const derived = await call('publish.seo.get', { articleId: id });
    expect(derived).toMatchObject({ description: '', derived: true });
    expect(derived.effective).toMatch(/^Những ngày cuối tháng 11, các lò gốm ở xã Bát Tràng/);
    expect(derived.effective.length).toBeLessThanOrEqual(160);

    const postId = await publish(id);
    let post = await wpAdmin<Post>(`/wp/v2/posts/${postId}?context=edit`);
    expect(post.meta.lnv_seo_description).toBe(derived.effective);
    expect(post.meta._yoast_wpseo_metadesc).toBe(derived.effective);

    const written = 'Gốm Bát Tràng vào mùa Tết: lò bầu đỏ lửa, đơn hàng đi châu Âu.'.normalize('NFD');
    const saved = await call('publish.seo.set', { articleId: id, description: written });
    expect(saved).toEqual({ description: written.normalize('NFC'), effective: written.normalize('NFC'), derived: false });
    await publish(id);
    post = await wpAdmin<Post>(`/wp/v2/posts/${postId}?context=edit`);
    expect(post.meta.lnv_seo_description).toBe(written.normalize('NFC'));
    expect(post.meta._yoast_wpseo_metadesc).toBe(written.normalize('NFC'));
    // A theme prints it in the page's <head>, so a visitor's request may read it.
    const visitor = (await (await fetch(`${wp.url}/wp-json/wp/v2/posts/${postId}`)).json()) as Post;
    expect(visitor.meta.lnv_seo_description).toBe(written.normalize('NFC'));
    expect(visitor.meta).not.toHaveProperty('lnv_desk_uid');

    expect(await call('publish.seo.set', { articleId: id, description: '  ' })).toEqual(derived);
  });
});

describe('the section ↔ category table', () => {
  it('lists every section as "same name" until set, per site', async () => {
    const mappings = await call('publish.mapping.list', { siteId: adminSite });
    expect(mappings.map((m) => m.sectionName)).toEqual(expect.arrayContaining(['Làng nghề', 'Khuyến công', 'OCOP', 'Nông thôn mới']));
    expect(new Set(mappings.map((m) => m.mode))).toEqual(new Set(['auto']));
  });

  it('sends a section to the existing category picked for it instead of one matched by name', async () => {
    const created = await wpAdmin<{ id: number }>('/wp/v2/categories', { method: 'POST', body: { name: 'Nghề truyền thống & di sản' } });
    const categories = await call('publish.categories', { siteId: adminSite });
    expect(categories).toContainEqual({ id: created.id, name: 'Nghề truyền thống & di sản', parent: 0 });
    const { id, sectionId } = await article('Khung cửi thổ cẩm');
    const mappings = await call('publish.mapping.set', { siteId: adminSite, sectionId: sectionId!, mode: 'existing', categoryId: created.id });
    expect(mappings.find((m) => m.sectionId === sectionId)).toMatchObject({ mode: 'existing', categoryId: created.id });
    const post = await wpAdmin<Post>(`/wp/v2/posts/${await publish(id)}?context=edit`);
    expect(await categoryNames(post)).toEqual(['Nghề truyền thống & di sản']);
  });

  it('creates the category named in the table on the first publish, and goes back to name matching when reset', async () => {
    const { id, sectionId } = await article('Miến dong Na Rì');
    await call('publish.mapping.set', { siteId: adminSite, sectionId: sectionId!, mode: 'create', categoryName: 'Sản phẩm OCOP' });
    const postId = await publish(id);
    expect(await categoryNames(await wpAdmin<Post>(`/wp/v2/posts/${postId}?context=edit`))).toEqual(['Sản phẩm OCOP']);
    expect((await call('publish.categories', { siteId: adminSite })).map((c) => c.name)).toContain('Sản phẩm OCOP');

    await call('publish.mapping.set', { siteId: adminSite, sectionId: sectionId!, mode: 'auto' });
    await publish(id);
    expect(await categoryNames(await wpAdmin<Post>(`/wp/v2/posts/${postId}?context=edit`))).toEqual(['OCOP']);
  });

  it('keeps each site’s table apart', async () => {
    const author = await call('sites.connect', { url: wp.url, username: wp.author.username, password: wp.author.appPassword });
    expect(new Set((await call('publish.mapping.list', { siteId: author.id })).map((m) => m.mode))).toEqual(new Set(['auto']));
    expect((await call('publish.mapping.list', { siteId: adminSite })).filter((m) => m.mode !== 'auto')).toHaveLength(1);
  });
});

describe('the desk command', () => {
  it('schedules, unpublishes and retries every failed job', async () => {
    const data = ws.dataDir;
    const { id } = await article('Khuyến công Thái Nguyên');
    const scheduled = runCli(['publish', String(id), '--site', String(adminSite), '--schedule', '2030-01-02T08:00', '--data', data]);
    expect(scheduled.stderr).toBe('');
    expect(scheduled.stdout).toMatch(/^Đã hẹn giờ đăng: http/);
    const { postId } = (await call('publish.history', { articleId: id })).publications[0]!;
    expect(await wpAdmin<Post>(`/wp/v2/posts/${postId}?context=edit`)).toMatchObject({ status: 'future', date_gmt: '2030-01-02T01:00:00' });

    const ambiguous = runCli(['unpublish', String(id), '--data', data]);
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr).toContain('Có 2 trang web: hãy chỉ ra trang bằng --site MÃ');
    const unpublished = runCli(['unpublish', String(id), '--site', String(adminSite), '--data', data]);
    expect(unpublished.stdout).toContain('Đã gỡ khỏi web');
    expect((await wpAdmin<Post>(`/wp/v2/posts/${postId}?context=edit`)).status).toBe('draft');

    // An author may not create categories: the job fails with the reason until the site has one.
    const author = (await call('sites.list', {})).find((s) => s.username === wp.author.username)!;
    const nongThon = await article('Đồng Tháp');
    const job = await call('outbox.enqueue', { articleId: nongThon.id, siteId: author.id, publishStatus: 'draft' });
    await ws.outboxRunner.drain();
    const failed = (await call('outbox.list', {})).find((j) => j.id === job.id)!;
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toContain('Tài khoản không được tạo chuyên mục “Nông thôn mới”');
    expect(failed.lastError).toContain('WordPress báo');
    await wpAdmin('/wp/v2/categories', { method: 'POST', body: { name: 'Nông thôn mới' } });

    const retried = runCli(['outbox', '--retry', '--data', data]);
    expect(retried.status).toBe(0);
    expect(retried.stdout).toMatch(new RegExp(`^\\s*${job.id}\\s+done\\s+bài ${nongThon.id} → trang ${author.id}`));
    expect((await call('outbox.list', {})).find((j) => j.id === job.id)).toMatchObject({ state: 'done' });
  });
});
