import { spawn } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract.js';
import { createHandlers } from '../../electron/services/desk-handlers.js';
import { createDispatcher } from '../../electron/services/dispatcher.js';
import { Workspace } from '../../electron/services/workspace/workspace.js';
import { prng } from '../bench/vietnamese-corpus.js';
import { startHttpProxy, type HttpProxy } from '../support/http-proxy.js';
import { countsOf, makePublishableArticles, siteContents, type ReadyArticle } from '../support/publish-fixtures.js';
import { repoRoot, runCli } from '../support/run-cli.js';
import { filesHolding, secretForms } from '../support/secret-scan.js';
import { tempDir } from '../support/temp-dir.js';
import { startWordPress, type WordPressSite } from '../support/wordpress.js';

/**
 * "Once and only once" against a real WordPress: the site acts but the answer is lost, or PHP's
 * server dies in the middle of a batch. Whatever happens, every article is one post and every
 * picture one media item, found again by the uid and hash the desk writes into their meta.
 */

let wp: WordPressSite;
let proxy: HttpProxy;
let dataDir: string;
let ws: Workspace;
let call: <N extends CallName>(name: N, input: CallInput<N>) => Promise<CallOutput<N>>;
let siteId: number;
let seed = 0;

const route = (target: string) => decodeURIComponent(target);
const isPostCreate = (method: string, target: string) => method === 'POST' && /\/wp\/v2\/posts(?:[?&]|$)/.test(route(target));
const isPostUpdate = (method: string, target: string) => method === 'POST' && /\/wp\/v2\/posts\/\d+(?:[?&]|$)/.test(route(target));
const isMediaUpload = (method: string, target: string) => method === 'POST' && /\/wp\/v2\/media(?:[?&]|$)/.test(route(target));

/** Sends what is due until every job is done (retrying the waiting ones at once instead of after backoff). */
async function sendUntilDone(jobIds: number[], rounds = 5): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    const jobs = (await call('outbox.list', {})).filter((j) => jobIds.includes(j.id));
    if (jobs.every((j) => j.state === 'done')) return;
    for (const job of jobs.filter((j) => j.state === 'pending')) await call('outbox.retry', { id: job.id });
    await ws.outboxRunner.drain();
  }
}

/** Each article's post exactly once, each of its pictures exactly once, nothing without our meta. */
async function expectOncePerArticle(articles: ReadyArticle[]): Promise<void> {
  const site = await siteContents(wp);
  const posts = countsOf(site.posts.map((p) => p.uid));
  const media = countsOf(site.media.map((m) => m.hash));
  for (const article of articles) {
    expect(posts.get(article.uid), `posts for "${article.title}" (seed ${seed})`).toBe(1);
    for (const asset of article.assets) expect(media.get(`${asset}-w1600`), `media for a picture of "${article.title}" (seed ${seed})`).toBe(1);
  }
  expect(posts.get(''), `posts without the desk's uid (seed ${seed})`).toBeUndefined();
  expect(media.get(''), `media without the desk's hash (seed ${seed})`).toBeUndefined();
}

beforeAll(async () => {
  seed = Number(process.env.LNV_TEST_SEED) || Date.now() % 1_000_000;
  wp = await startWordPress({ prettyPermalinks: true });
  proxy = await startHttpProxy(wp.url);
  dataDir = tempDir('lnv-once-');
  ws = await Workspace.open(dataDir);
  const dispatch = createDispatcher(createHandlers(ws), () => {});
  call = (name, input) => dispatch(name, input) as never;
  siteId = (await call('sites.connect', { url: proxy.url, username: wp.admin.username, password: wp.admin.appPassword })).id;
}, 120_000);

afterAll(async () => {
  ws?.close();
  await proxy?.close();
  await wp?.stop();
});

describe('exactly-once publishing when the answer is lost', () => {
  it('a post the site created but whose answer never came back is found again, not created twice', async () => {
    const [article] = await makePublishableArticles(call, 1, { seed: seed + 1 });
    proxy.dropAnswer(isPostCreate);
    const job = await call('outbox.enqueue', { articleId: article!.id, siteId });
    await ws.outboxRunner.drain();
    expect((await call('outbox.list', {})).find((j) => j.id === job.id)).toMatchObject({ state: 'pending', lastError: expect.stringContaining('Không kết nối được') });
    expect(proxy.requests.filter((r) => r.dropped && isPostCreate(r.method, r.target))).toHaveLength(1);

    await sendUntilDone([job.id]);
    expect((await call('outbox.list', {})).find((j) => j.id === job.id)).toMatchObject({ state: 'done' });
    await expectOncePerArticle([article!]);
    expect((await call('publish.history', { articleId: article!.id })).publications).toHaveLength(1);
  });

  it('a picture the site stored but whose answer never came back is not uploaded again', async () => {
    const [article] = await makePublishableArticles(call, 1, { seed: seed + 2 });
    proxy.dropAnswer(isMediaUpload);
    const job = await call('outbox.enqueue', { articleId: article!.id, siteId });
    await ws.outboxRunner.drain();
    expect(proxy.requests.filter((r) => r.dropped && isMediaUpload(r.method, r.target))).toHaveLength(1);
    await sendUntilDone([job.id]);
    expect((await call('outbox.list', {})).find((j) => j.id === job.id)).toMatchObject({ state: 'done' });
    await expectOncePerArticle([article!]);
  });

  it('an update whose answer was lost goes through on retry, not as a conflict with our own write', async () => {
    const [article] = await makePublishableArticles(call, 1, { seed: seed + 3 });
    await call('publish.article', { articleId: article!.id, siteId, status: 'publish' });
    // WordPress keeps modification times to the second.
    await new Promise((r) => setTimeout(r, 1100));
    await call('articles.save', { id: article!.id, fields: { title: 'Tiêu đề đã sửa ở toà soạn' }, reason: 'explicit' });
    proxy.dropAnswer(isPostUpdate);
    const job = await call('outbox.enqueue', { articleId: article!.id, siteId });
    await ws.outboxRunner.drain();
    expect(proxy.requests.filter((r) => r.dropped && isPostUpdate(r.method, r.target))).toHaveLength(1);
    await sendUntilDone([job.id]);
    expect((await call('outbox.list', {})).find((j) => j.id === job.id)).toMatchObject({ state: 'done', lastError: null });
    await expectOncePerArticle([article!]);
    const { postId } = (await call('publish.history', { articleId: article!.id })).publications[0]!;
    const post = (await (await fetch(`${wp.url}/wp-json/wp/v2/posts/${postId}`)).json()) as { title: { rendered: string } };
    expect(post.title.rendered).toBe('Tiêu đề đã sửa ở toà soạn');
  });

  it('an update whose answer was lost, then an edit at the desk: the retry sends the edit, not a conflict with our own write', async () => {
    const [article] = await makePublishableArticles(call, 1, { seed: seed + 11 });
    await call('publish.article', { articleId: article!.id, siteId, status: 'publish' });
    await new Promise((r) => setTimeout(r, 1100));
    await call('articles.save', { id: article!.id, fields: { title: 'Bản gửi đi nhưng không nghe trả lời' }, reason: 'autosave' });
    proxy.dropAnswer(isPostUpdate);
    const from = proxy.requests.length;
    const job = await call('outbox.enqueue', { articleId: article!.id, siteId });
    await ws.outboxRunner.drain();
    expect(proxy.requests.slice(from).filter((r) => r.dropped && isPostUpdate(r.method, r.target))).toHaveLength(1);
    // The editor goes on typing before the retry (found by the soak: the desk killed mid-update while autosaving).
    await call('articles.save', { id: article!.id, fields: { title: 'Bản sửa sau cùng' }, reason: 'autosave' });
    await sendUntilDone([job.id]);
    expect((await call('outbox.list', {})).find((j) => j.id === job.id)).toMatchObject({ state: 'done', lastError: null });
    await expectOncePerArticle([article!]);
    const { postId } = (await call('publish.history', { articleId: article!.id })).publications[0]!;
    const post = (await (await fetch(`${wp.url}/wp-json/wp/v2/posts/${postId}`)).json()) as { title: { rendered: string } };
    expect(post.title.rendered).toBe('Bản sửa sau cùng');
  });
});

describe('what the desk remembers between publishes', () => {
  it('files the post under its section even when that category was deleted on the web since the last publish', async () => {
    const [first, second] = await makePublishableArticles(call, 2, { seed: seed + 7 });
    const section = (await call('articles.get', { id: first!.id })).sectionName!;
    await call('articles.save', { id: second!.id, fields: { sectionId: (await call('articles.get', { id: first!.id })).sectionId }, reason: 'explicit' });
    await call('publish.article', { articleId: first!.id, siteId, status: 'publish' });
    const auth = `Basic ${Buffer.from(`${wp.admin.username}:${wp.admin.appPassword}`).toString('base64')}`;
    const wpJson = async <T>(route: string, init: RequestInit = {}) =>
      (await (await fetch(`${wp.url}/wp-json${route}`, { ...init, headers: { Authorization: auth } })).json()) as T;
    const categoryNamed = async () => (await wpJson<{ id: number; name: string }[]>('/wp/v2/categories?per_page=100')).find((c) => c.name === section);
    await wpJson(`/wp/v2/categories/${(await categoryNamed())!.id}?force=true`, { method: 'DELETE' });

    const published = await call('publish.article', { articleId: second!.id, siteId, status: 'publish' });
    const post = await wpJson<{ categories: number[] }>(`/wp/v2/posts/${published.publication.postId}`);
    expect(post.categories).toEqual([(await categoryNamed())!.id]);
  });
});

describe('exactly-once publishing when the site dies inside a write', () => {
  // WordPress writes a post's row, then its terms and meta, in separate queries. A test plugin
  // holds the request right after the row is written, and the test stops the server there.
  const holdFile = () => join(wp.muPluginsDir, 'hold-after-insert');
  const heldFile = () => join(wp.muPluginsDir, 'held');
  beforeAll(() => {
    writeFileSync(
      join(wp.muPluginsDir, 'hold-after-insert.php'),
      `<?php
foreach (array('wp_insert_post', 'add_attachment') as $hook) add_action($hook, function ($id) {
  $hold = ${JSON.stringify(holdFile())};
  if (is_file($hold) && trim(file_get_contents($hold)) === get_post_type($id)) { unlink($hold); touch(${JSON.stringify(heldFile())}); sleep(60); }
});
`,
    );
  });

  it.each(['post', 'attachment'])('%s: a row written when PHP died is not made a second time on retry', async (type) => {
    const [article] = await makePublishableArticles(call, 1, { seed: seed + (type === 'post' ? 8 : 9) });
    rmSync(heldFile(), { force: true });
    writeFileSync(holdFile(), type);
    const job = await call('outbox.enqueue', { articleId: article!.id, siteId });
    const sending = ws.outboxRunner.drain();
    while (!existsSync(heldFile())) await new Promise((r) => setTimeout(r, 20));
    await wp.goOffline();
    await sending;
    await wp.comeBack();
    await sendUntilDone([job.id]);
    expect((await call('outbox.list', {})).find((j) => j.id === job.id)).toMatchObject({ state: 'done' });
    await expectOncePerArticle([article!]);
  });
});

describe('exactly-once publishing when the site goes down mid-batch', () => {
  it('20 publishes with PHP’s server stopped three times at random moments: 20 posts, every picture once', async () => {
    const rng = prng(seed);
    const articles = await makePublishableArticles(call, 20, { seed: seed + 4 });
    const jobIds: number[] = [];
    for (const article of articles) jobIds.push((await call('outbox.enqueue', { articleId: article.id, siteId })).id);
    // Each batch of 20 publishes is about 120 requests; stop the site while one of them is being handled.
    const kills: number[] = [];
    for (let stop = 0; stop < 3; stop++) {
      const target = proxy.requests.length + 2 + Math.floor(rng() * 50);
      let killing: Promise<void> | null = null;
      proxy.onForwarded = () => {
        if (killing || proxy.requests.length < target) return;
        killing = new Promise((r) => setTimeout(r, Math.floor(rng() * 60))).then(() => wp.goOffline());
      };
      for (const job of (await call('outbox.list', {})).filter((j) => jobIds.includes(j.id) && j.state === 'pending')) await call('outbox.retry', { id: job.id });
      await ws.outboxRunner.drain();
      proxy.onForwarded = null;
      if (killing) {
        await killing;
        kills.push(target);
        await wp.comeBack();
      }
    }
    expect(kills.length, `the site was stopped mid-batch (seed ${seed})`).toBeGreaterThan(0);
    await sendUntilDone(jobIds, 10);
    expect((await call('outbox.list', {})).filter((j) => jobIds.includes(j.id)).map((j) => j.state)).toEqual(jobIds.map(() => 'done'));
    await expectOncePerArticle(articles);
    const site = await siteContents(wp);
    expect(new Set(site.posts.map((p) => p.uid)).size).toBe(site.posts.length);
  }, 300_000);
});

/** `desk outbox run` on `dir`, killed with SIGKILL a moment after the site received request number `killAt` (never, if null). */
function runOutbox(dir: string, killAt: number | null, rng: () => number): Promise<{ killed: boolean; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['electron/cli/desk.mjs', 'outbox', 'run', '--json', '--data', dir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
    proxy.onForwarded = () => {
      if (killAt === null || proxy.requests.length < killAt) return;
      killAt = null;
      setTimeout(() => child.kill('SIGKILL'), Math.floor(rng() * 60));
    };
    child.once('error', reject);
    child.once('close', (_code, signal) => {
      clearTimeout(guard);
      proxy.onForwarded = null;
      resolve({ killed: signal === 'SIGKILL', stdout, stderr });
    });
  });
}

describe('exactly-once publishing when the desk is killed mid-batch', () => {
  it('`desk outbox run` killed three times while sending 12 publishes resumes: one post per article, every picture once', async () => {
    const rng = prng(seed + 5);
    const dir = tempDir('lnv-once-cli-');
    const desk = await Workspace.open(dir);
    const dispatch = createDispatcher(createHandlers(desk), () => {});
    const deskCall: typeof call = (name, input) => dispatch(name, input) as never;
    const site = await deskCall('sites.connect', { url: proxy.url, username: wp.admin.username, password: wp.admin.appPassword });
    const articles = await makePublishableArticles(deskCall, 12, { seed: seed + 6 });
    for (const article of articles) await deskCall('outbox.enqueue', { articleId: article.id, siteId: site.id });
    desk.close();

    const runs = [];
    for (let round = 0; round < 3; round++) runs.push(await runOutbox(dir, proxy.requests.length + 3 + Math.floor(rng() * 25), rng));
    expect(runs.filter((r) => r.killed).length, `the desk was killed mid-batch (seed ${seed}): ${runs.map((r) => r.stderr).join('\n')}`).toBeGreaterThan(0);
    const last = await runOutbox(dir, null, rng);
    const jobs = JSON.parse(last.stdout) as { state: string }[];
    expect(jobs.map((j) => j.state)).toEqual(articles.map(() => 'done'));
    await expectOncePerArticle(articles);
  }, 300_000);
});

describe('one sender per data folder', () => {
  it('`desk outbox run` while the app is sending leaves the jobs to the app and says so', async () => {
    const articles = await makePublishableArticles(call, 3, { seed: seed + 10 });
    const jobIds: number[] = [];
    for (const article of articles) jobIds.push((await call('outbox.enqueue', { articleId: article.id, siteId })).id);
    const before = proxy.requests.length;
    const sending = ws.outboxRunner.drain();
    while (proxy.requests.length === before) await new Promise((r) => setTimeout(r, 10));
    const cli = runCli(['outbox', 'run', '--data', dataDir]);
    expect(await sending).toBe(true);
    expect(cli.status).toBe(0);
    expect(cli.stderr).toContain('đang gửi hàng đợi này');
    expect((await call('outbox.list', {})).filter((j) => jobIds.includes(j.id)).map((j) => [j.state, j.attempts])).toEqual(jobIds.map(() => ['done', 1]));
    await expectOncePerArticle(articles);
  });
});

describe('secrets', () => {
  it('leaves the application password only in the private credential store', () => {
    const holding = filesHolding(dataDir, secretForms(wp.admin.username, wp.admin.appPassword));
    expect(holding).toEqual([{ file: 'credentials.json', mode: 0o600 }]);
  });
});
