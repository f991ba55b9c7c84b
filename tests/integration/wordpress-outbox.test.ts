import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract.js';
import { createHandlers } from '../../electron/services/desk-handlers.js';
import { createDispatcher } from '../../electron/services/dispatcher.js';
import { publishArticle } from '../../electron/services/sync/article-publisher.js';
import { Workspace } from '../../electron/services/workspace/workspace.js';
import { startWordPress, type WordPressSite } from '../support/wordpress.js';
import { tempDir } from '../support/temp-dir.js';

let wp: WordPressSite;
let dataDir: string;
let ws: Workspace;
let call: <N extends CallName>(name: N, input: CallInput<N>) => Promise<CallOutput<N>>;
let siteId: number;

async function open(): Promise<void> {
  ws = await Workspace.open(dataDir);
  const dispatch = createDispatcher(createHandlers(ws), () => {});
  call = (name, input) => dispatch(name, input) as never;
}

async function wpGet<T>(route: string, query = ''): Promise<T> {
  const auth = Buffer.from(`${wp.admin.username}:${wp.admin.appPassword}`).toString('base64');
  return (await (await fetch(`${wp.url}/wp-json${route}${query}`, { headers: { Authorization: `Basic ${auth}` } })).json()) as T;
}

const posts = () => wpGet<{ id: number; status: string; date_gmt: string; title: { rendered: string } }[]>('/wp/v2/posts', '?per_page=50&status=any&context=edit');
const articleId = async (prefix: string) => (await call('articles.list', { limit: 50 })).items.find((a) => a.title.startsWith(prefix))!.id;

beforeAll(async () => {
  wp = await startWordPress({ prettyPermalinks: true });
  dataDir = tempDir('lnv-outbox-');
  await open();
  siteId = (await call('sites.connect', { url: wp.url, username: wp.admin.username, password: wp.admin.appPassword })).id;
}, 120_000);

afterAll(async () => {
  ws?.close();
  await wp?.stop();
});

describe('the outbox', () => {
  it('keeps a publish made offline and sends it once the site answers again', async () => {
    const id = await articleId('Làng gốm Bát Tràng');
    await wp.goOffline();
    const job = await call('outbox.enqueue', { articleId: id, siteId });
    await ws.outboxRunner.drain();
    const waiting = (await call('outbox.list', {})).find((j) => j.id === job.id)!;
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1, lastError: expect.stringContaining('Không kết nối được') });
    expect(Date.parse(waiting.nextAttemptAt)).toBeGreaterThan(Date.now());
    await wp.comeBack();
    expect(await posts()).toHaveLength(0);
    await call('outbox.retry', { id: job.id });
    await ws.outboxRunner.drain();
    const done = (await call('outbox.list', {})).find((j) => j.id === job.id)!;
    expect(done).toMatchObject({ state: 'done', attempts: 2, postLink: expect.stringContaining('/lang-gom-bat-trang') });
    expect((await posts()).map((p) => p.status)).toEqual(['publish']);
  });

  it('resumes a job a crash left half-sent without a second post or picture', async () => {
    const id = await articleId('Khung cửi thổ cẩm');
    // The app sent the post, then died before recording anything.
    await publishArticle(ws, id, siteId, 'publish');
    ws.db.prepare('DELETE FROM publications WHERE article_id = ?').run(id);
    const job = await call('outbox.enqueue', { articleId: id, siteId });
    ws.db.prepare("UPDATE outbox_jobs SET state = 'sending', attempts = 1 WHERE id = ?").run(job.id);
    const mediaBefore = (await wpGet<unknown[]>('/wp/v2/media', '?per_page=50')).length;
    ws.close();

    await open();
    ws.outboxRunner.start();
    await ws.outboxRunner.drain();
    ws.outboxRunner.stop();
    expect((await call('outbox.list', {})).find((j) => j.id === job.id)).toMatchObject({ state: 'done', attempts: 2 });
    expect((await posts()).filter((p) => p.title.rendered.startsWith('Khung cửi'))).toHaveLength(1);
    expect(await wpGet<unknown[]>('/wp/v2/media', '?per_page=50')).toHaveLength(mediaBefore);
  });

  it('marks a refused job failed with the site’s own message, and unpublishes and schedules', async () => {
    const contributor = await call('sites.connect', { url: wp.url, username: wp.contributor.username, password: wp.contributor.appPassword });
    const id = await articleId('Làng gốm Bát Tràng');
    const refused = await call('outbox.enqueue', { articleId: id, siteId: contributor.id });
    await ws.outboxRunner.drain();
    expect((await call('outbox.list', {})).find((j) => j.id === refused.id)).toMatchObject({
      state: 'failed',
      lastError: expect.stringContaining('WordPress báo'),
    });
    await call('outbox.cancel', { id: refused.id });

    await call('outbox.enqueue', { articleId: id, siteId, action: 'unpublish' });
    await ws.outboxRunner.drain();
    const bat = (await posts()).find((p) => p.title.rendered.startsWith('Làng gốm'))!;
    expect(bat.status).toBe('draft');

    const later = new Date(Date.now() + 3 * 86_400_000);
    later.setUTCMilliseconds(0);
    await call('outbox.enqueue', { articleId: id, siteId, scheduledAt: later.toISOString() });
    await ws.outboxRunner.drain();
    const scheduled = (await posts()).find((p) => p.id === bat.id)!;
    expect(scheduled.status).toBe('future');
    expect(`${scheduled.date_gmt}Z`).toBe(later.toISOString().replace('.000Z', 'Z'));
  });
});
