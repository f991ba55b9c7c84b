/**
 * Publishing benchmark: generated Vietnamese articles with two pictures each go to a real
 * WordPress (tests/support/wordpress.ts) through the desk's own path (outbox → publisher →
 * WordPress target), and, side by side in the same run, through a minimal script that sends only
 * the requests a post needs (two uploads, one create with the meta) with no desk logic. Then the
 * same articles are published again with nothing changed. Every request is counted where it
 * leaves (a wrapper around fetch that both sides share).
 *
 *   npm run bench:publish [-- --articles N]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { CallInput, CallName, CallOutput } from '../../shared/contract.js';
import { createHandlers } from '../../electron/services/desk-handlers.js';
import { createDispatcher } from '../../electron/services/dispatcher.js';
import { Workspace } from '../../electron/services/workspace/workspace.js';
import { makePublishableArticles, siteContents, type ReadyArticle } from '../support/publish-fixtures.js';
import { startWordPress } from '../support/wordpress.js';
import { BenchTable, secs, times, verdict } from './bench-table.js';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '100' } } });
const N = Number(values.articles);
/** Desk and baseline take turns in blocks, so neither always meets a fuller database or a warmer PHP. */
const BLOCK = 25;
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const benchStarted = performance.now();
const log = (line: string) => process.stderr.write(`[bench:publish ${((performance.now() - benchStarted) / 1000).toFixed(1)}s] ${line}\n`);
const ms = (v: number) => `${v.toFixed(0)} ms`;

interface Sent {
  method: string;
  /** The REST route with ids replaced by ":id" (`POST /wp/v2/posts/:id`). */
  route: string;
  ms: number;
}
const sent: Sent[] = [];
const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  const route = (url.searchParams.get('rest_route') ?? url.pathname.replace(/^\/wp-json/, '')).replace(/\/\d+(?=\/|$)/g, '/:id');
  const started = performance.now();
  try {
    return await realFetch(input, init);
  } finally {
    sent.push({ method: (init?.method ?? 'GET').toUpperCase(), route, ms: performance.now() - started });
  }
};
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Requests sent while `fn` runs. */
async function counted<T>(fn: () => Promise<T>): Promise<{ result: T; requests: Sent[]; ms: number }> {
  const from = sent.length;
  const started = performance.now();
  const result = await fn();
  return { result, requests: sent.slice(from), ms: performance.now() - started };
}
const byRoute = (requests: Sent[]) => {
  const groups = new Map<string, { count: number; ms: number }>();
  for (const r of requests) {
    const key = `${r.method} ${r.route}`;
    const group = groups.get(key) ?? { count: 0, ms: 0 };
    group.count += 1;
    group.ms += r.ms;
    groups.set(key, group);
  }
  return [...groups].sort((a, b) => b[1].ms - a[1].ms);
};

const loadStart = loadavg()[0] ?? 0;
const workDir = mkdtempSync(join(tmpdir(), 'lnv-publish-bench-'));
log('starting WordPress');
const wp = await startWordPress({ prettyPermalinks: true });
try {
  const ws = await Workspace.open(workDir);
  const dispatch = createDispatcher(createHandlers(ws), () => {});
  const call = <K extends CallName>(name: K, input: CallInput<K>) => dispatch(name, input) as Promise<CallOutput<K>>;
  const site = await call('sites.connect', { url: wp.url, username: wp.admin.username, password: wp.admin.appPassword });
  log(`generating ${N} articles with 2 pictures each`);
  const articles = await makePublishableArticles(call, N, { seed: 20251120, pictureWidth: 1600, pictureHeight: 1067 });

  // The minimal client: what a post needs and nothing else. Its inputs (HTML, picture files, term
  // ids) are prepared before the clock starts, so it is timed on the requests alone.
  const api = `${wp.url}/wp-json`;
  const auth = `Basic ${Buffer.from(`${wp.admin.username}:${wp.admin.appPassword}`).toString('base64')}`;
  const termIds = new Map<string, number>();
  const termId = async (taxonomy: 'categories' | 'tags', name: string) => {
    const key = `${taxonomy}:${name}`;
    if (!termIds.has(key)) {
      const response = await realFetch(`${api}/wp/v2/${taxonomy}`, { method: 'POST', headers: { Authorization: auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ name }) });
      const body = (await response.json()) as { id?: number; data?: { term_id?: number } };
      termIds.set(key, body.id ?? body.data!.term_id!);
    }
    return termIds.get(key)!;
  };
  interface Prepared {
    article: ReadyArticle;
    title: string;
    html: string;
    excerpt: string;
    categories: number[];
    tags: number[];
    pictures: { hash: string; bytes: Buffer; fileName: string; caption: string }[];
  }
  const prepared: Prepared[] = [];
  for (const article of articles) {
    const full = await call('articles.get', { id: article.id });
    prepared.push({
      article,
      title: full.title,
      html: full.bodyHtml,
      excerpt: full.sapo,
      categories: [await termId('categories', full.sectionName!)],
      tags: await Promise.all(full.tags.map((t) => termId('tags', t))),
      pictures: article.assets.map((hash, i) => ({ hash, bytes: ws.assetFiles.read(hash), fileName: `anh-toi-thieu-${hash.slice(0, 8)}-${i}.jpg`, caption: `Ảnh ${i + 1}` })),
    });
  }
  const minimalPublish = async (p: Prepared, n: number) => {
    let html = p.html;
    const media: number[] = [];
    for (const picture of p.pictures) {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(picture.bytes)], { type: 'image/jpeg' }), picture.fileName);
      form.append('caption', picture.caption);
      const uploaded = (await (await fetch(`${api}/wp/v2/media`, { method: 'POST', headers: { Authorization: auth }, body: form })).json()) as { id: number; source_url: string };
      media.push(uploaded.id);
      html = html.split(`asset:${picture.hash}`).join(uploaded.source_url);
    }
    const response = await fetch(`${api}/wp/v2/posts`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        title: p.title,
        content: html,
        excerpt: p.excerpt,
        status: 'publish',
        categories: p.categories,
        tags: p.tags,
        featured_media: media[0],
        meta: { lnv_desk_uid: `toi-thieu-${n}`, lnv_desk_revision: '1' },
      }),
    });
    if (response.status !== 201) throw new Error(`minimal client: ${response.status} ${await response.text()}`);
  };
  const deskPublish = async (batch: ReadyArticle[]) => {
    const jobs: number[] = [];
    for (const article of batch) jobs.push((await call('outbox.enqueue', { articleId: article.id, siteId: site.id })).id);
    await ws.outboxRunner.drain();
    const failed = (await call('outbox.list', {})).filter((j) => jobs.includes(j.id) && j.state !== 'done');
    if (failed.length > 0) throw new Error(`desk: ${failed.length} jobs not done: ${failed[0]!.lastError}`);
  };

  const desk = { ms: 0, requests: [] as Sent[] };
  const minimal = { ms: 0, requests: [] as Sent[] };
  for (let from = 0, block = 0; from < N; from += BLOCK, block++) {
    const slice = prepared.slice(from, from + BLOCK);
    const runDesk = async () => {
      const run = await counted(() => deskPublish(slice.map((p) => p.article)));
      desk.ms += run.ms;
      desk.requests.push(...run.requests);
    };
    const runMinimal = async () => {
      const run = await counted(async () => {
        for (const [i, p] of slice.entries()) await minimalPublish(p, from + i);
      });
      minimal.ms += run.ms;
      minimal.requests.push(...run.requests);
    };
    log(`block ${block + 1}: articles ${from + 1}–${from + slice.length}`);
    if (block % 2 === 0) {
      await runMinimal();
      await runDesk();
    } else {
      await runDesk();
      await runMinimal();
    }
  }

  // The first publish marks each article "published", a revision of its own, which the site then
  // lacks; from the second time on, nothing at all has changed.
  log(`publishing the ${N} articles again, twice, nothing changed`);
  const again = await counted(() => deskPublish(articles));
  const third = await counted(() => deskPublish(articles));
  const writesOf = (requests: Sent[]) => requests.filter((r) => WRITES.has(r.method));
  // Sync shares drafts and "pending review" posts between desks (finished articles go out by
  // publishing): the first sync sends N drafts, the second finds nothing changed on either side.
  log(`syncing ${N} shared drafts, then syncing again with nothing changed`);
  const drafts = await makePublishableArticles(call, N, { seed: 20251121, picturesPerArticle: 0 });
  const sync = async () => {
    const report = await call('sync.run', { siteId: site.id, pullOnly: false });
    if (report.error || report.sent.some((a) => a.state !== 'done')) throw new Error(`sync: ${report.error ?? report.sent.find((a) => a.state !== 'done')!.message}`);
    return report;
  };
  const firstSync = await counted(sync);
  const resync = await counted(sync);
  const contents = await siteContents(wp);
  const published = new Set(articles.map((a) => a.uid));
  const deskPosts = contents.posts.filter((p) => published.has(p.uid)).length;
  const deskMedia = contents.media.filter((m) => m.hash).length;

  const table = new BenchTable('same run, same site, same articles');
  const perArticle = (requests: Sent[]) => requests.length / N;
  const writesPerArticle = (requests: Sent[]) => requests.filter((r) => WRITES.has(r.method)).length / N;
  const overhead = desk.ms / minimal.ms;
  table.add(
    `Publish ${N} articles × 2 pictures through the outbox`,
    `**${secs(desk.ms)}** (${ms(desk.ms / N)} an article)`,
    `minimal script (2 uploads + 1 create): ${secs(minimal.ms)} (${ms(minimal.ms / N)} an article)`,
    times(overhead),
    '≤ 1.2×',
    verdict(overhead <= 1.2),
  );
  table.add(
    'Requests per article (writes)',
    `${perArticle(desk.requests).toFixed(1)} (${writesPerArticle(desk.requests).toFixed(1)})`,
    `${perArticle(minimal.requests).toFixed(1)} (${writesPerArticle(minimal.requests).toFixed(1)})`,
    times(desk.requests.length / minimal.requests.length),
  );
  table.add(
    `Publish the ${N} again (only the "published" status revision is new)`,
    `${secs(again.ms)}, ${again.requests.length} requests, ${writesOf(again.requests).length} writes`,
    `first publish: ${secs(desk.ms)}, ${desk.requests.length} requests`,
    times(again.ms / desk.ms),
  );
  table.add(
    `Publish the ${N} a third time, nothing changed (outbox)`,
    `**${secs(third.ms)}**, ${third.requests.length} requests, **${writesOf(third.requests).length} writes**`,
    `first publish: ${secs(desk.ms)}, ${desk.requests.length} requests`,
    times(third.ms / desk.ms),
    'no writes, ≤ 2 s',
    verdict(writesOf(third.requests).length === 0 && third.ms <= 2000),
  );
  table.add(
    `Re-sync with nothing changed (\`sync.run\`; ${drafts.length} shared drafts, ${N} published articles, the samples)`,
    `**${secs(resync.ms)}**, ${resync.requests.length} requests, **${writesOf(resync.requests).length} writes**`,
    `first sync, sending the ${firstSync.result.sent.length} drafts: ${secs(firstSync.ms)}, ${firstSync.requests.length} requests`,
    times(resync.ms / firstSync.ms),
    'no writes, ≤ 2 s',
    verdict(writesOf(resync.requests).length === 0 && resync.ms <= 2000),
  );
  table.add('On the site afterwards', `${deskPosts} posts of the published articles, ${deskMedia} desk pictures`, `${N} articles, ${2 * N} pictures`, '', 'exactly once', verdict(deskPosts === N && deskMedia === 2 * N));

  const routes = (requests: Sent[]) => byRoute(requests).map(([key, g]) => `${key} ×${(g.count / N).toFixed(1)} (${ms(g.ms / g.count)} each)`).join(', ');
  const notes = [
    `Desk, per article: ${routes(desk.requests)}.`,
    `Minimal script, per article: ${routes(minimal.requests)}.`,
    `Again, per article: ${routes(again.requests)}.`,
    `A third time, per article: ${routes(third.requests)}.`,
    `Re-sync, in all: ${byRoute(resync.requests).map(([key, g]) => `${key} ×${g.count}`).join(', ')}.`,
    'Pictures: generated photo-like JPEGs of 1,600 × 1,067 px (about 230 KiB); the desk re-encodes them for the web (sharp) before uploading, the minimal script sends the files as they are. WordPress makes its thumbnails with php-gd on every upload, on both sides.',
    `Times are the wall clock of the whole batch (desk: enqueue, outbox, publisher, recording the publication; minimal: the three requests). Blocks of ${BLOCK} articles alternate which side goes first.`,
  ];
  const totalMs = performance.now() - benchStarted;
  const report = [
    '# LNV Desk publishing benchmark',
    '',
    `${new Date().toISOString()} · ${N} articles, ${2 * N} pictures · WordPress 6.1 (Debian) on PHP's built-in server and MariaDB, 127.0.0.1 · ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'} · ` +
      `Node ${process.version} · load average ${loadStart.toFixed(2)} at start, ${(loadavg()[0] ?? 0).toFixed(2)} at end · bench run ${secs(totalMs)}`,
    '',
    ...table.lines(),
    '',
    '## Notes',
    '',
    ...notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
  process.stdout.write(`${report}\n`);
  writeFileSync(join(repoRoot, 'tests', 'bench', 'publish-last-run.md'), report);
  ws.close();
} finally {
  globalThis.fetch = realFetch;
  await wp.stop();
  rmSync(workDir, { recursive: true, force: true });
}
