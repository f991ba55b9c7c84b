import { isDeepStrictEqual } from 'node:util';
import Database from 'better-sqlite3';
import type { PmDoc, PmNode } from '../../shared/model/article.js';
import { paragraphs, prng, topic, type Topic } from '../bench/vietnamese-corpus.js';
import { startHttpProxy } from '../support/http-proxy.js';
import { countsOf, makePublishableArticles, siteContents } from '../support/publish-fixtures.js';
import type { WordPressSite } from '../support/wordpress.js';
import { DeskProcess, HostRefused } from './desk-process.js';

/**
 * The soak: `desk serve` on one data folder, driven over its HTTP API as the editor's UI drives it
 * — several editors autosaving and saving growing and shrinking Vietnamese articles, publish jobs
 * queued in proportion — while a killer SIGKILLs the host at seeded random moments and starts it
 * again on the same folder; every other kill waits until the site is writing a post update, where
 * "the site has it but the desk never heard" happens. Checked after every restart and at the end:
 * no acknowledged save lost, every job done, one post per article (showing the article's last
 * version) and one media item per picture on the site, and the host's resident memory flat.
 */

export interface SoakOptions {
  saves: number;
  /** Publish jobs in all, the last round (one per article, after the last save) included. */
  jobs: number;
  kills: number;
  articles: number;
  editors: number;
  seed: number;
  /** Saves after each (re)start before memory is sampled: loading modules, the first publish. */
  warmupSaves: number;
  /** Acknowledged saves between memory samples. */
  sampleEvery: number;
  log?: (line: string) => void;
}

export interface SoakReport {
  seed: number;
  durationS: number;
  /** Saves acknowledged per second of the editing phase (jobs queued and sent meanwhile). */
  savesPerS: number;
  savesAcked: number;
  jobsEnqueued: number;
  jobsDone: number;
  kills: number;
  /** Kills that waited for the site to be writing a post update. */
  killsAimed: number;
  killsMidSave: number;
  killsMidSend: number;
  posts: number;
  media: number;
  rssSamples: number;
  rssFirstQuarterMiB: number;
  rssLastQuarterMiB: number;
  rssMinMiB: number;
  rssMaxMiB: number;
  /** Everything a user would notice: each line names what was lost, doubled or left behind. */
  problems: string[];
}

/**
 * Memory is flat when the median of the last quarter of the samples is at most this much above
 * the first quarter's. The kills all fall in the first three quarters of the saves, so the first
 * quarter's samples come from hosts a few hundred saves old and the last quarter's from one host
 * that has lived through the whole last quarter, on the fullest database: a leak per call or per
 * job, and memory growing with the data, both show there. A healthy host's samples spread over
 * about ±5 % (garbage collection, SQLite's page cache, a publish running or not) and the two
 * medians of healthy runs differ by 4 % at most; 10 % (about 30 MiB) is what a leak of some tens of
 * KiB a call adds over the full soak's last quarter, the size of the bodies the host receives.
 */
export const RSS_MARGIN = 0.1;

interface Version {
  number: number;
  title: string;
  body: PmDoc;
}

interface Draft {
  id: number;
  uid: string;
  baseTitle: string;
  topic: Topic;
  lead: string;
  figures: PmNode[];
  paragraphs: string[];
  assets: string[];
  version: number;
  acked: Version;
  inflight: Version | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor((sorted.length - 1) / 2)]!;
};
const MiB = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function bodyOf(draft: Draft): PmDoc {
  const paragraph = (text: string): PmNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
  return { type: 'doc', content: [paragraph(draft.lead), ...draft.figures, ...draft.paragraphs.map(paragraph)] };
}

const nfd = (body: PmDoc): PmDoc => JSON.parse(JSON.stringify(body), (key, value: unknown) => (key === 'text' && typeof value === 'string' ? value.normalize('NFD') : value));

/** An editor's change: add paragraphs, cut one (now and then half the article), extend or trim one. */
function edit(draft: Draft, rng: () => number): void {
  const n = draft.paragraphs.length;
  const r = rng();
  // Growing is likelier in a short article, so bodies wander between a few and about 20 paragraphs.
  const grow = n < 2 ? 1 : 0.6 * (1 - n / 30);
  if (r < grow) draft.paragraphs.push(...paragraphs(rng, draft.topic, 15 + Math.floor(rng() * 60)));
  else if (r < grow + 0.02) draft.paragraphs.splice(Math.floor(n / 2));
  else if (r < grow + 0.32) draft.paragraphs.splice(Math.floor(rng() * n), 1);
  else {
    const at = Math.floor(rng() * n);
    const text = draft.paragraphs[at]!;
    const cut = text.indexOf(' ', Math.floor(text.length / 2));
    draft.paragraphs[at] = rng() < 0.6 || cut < 0 ? `${text} ${paragraphs(rng, draft.topic, 12)[0]!}` : `${text.slice(0, cut)}.`;
  }
  draft.version += 1;
}

export async function runSoak(wp: WordPressSite, dataDir: string, options: SoakOptions): Promise<SoakReport> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const rng = prng(options.seed);
  const killRng = prng(options.seed + 1);
  const host = new DeskProcess(dataDir);
  const problems: string[] = [];
  // The desk reaches the site through a proxy that tells the killer when an update is on the site.
  const proxy = await startHttpProxy(wp.url);
  await host.start();
  const db = new Database(`${dataDir}/workspace.sqlite`, { readonly: true, fileMustExist: true });
  const jobsIn = (states: string) => (db.prepare(`SELECT COUNT(*) AS n FROM outbox_jobs WHERE state IN (${states})`).get() as { n: number }).n;
  try {
    const site = await host.call('sites.connect', { url: proxy.url, username: wp.admin.username, password: wp.admin.appPassword });
    const made = await makePublishableArticles(host.call.bind(host), options.articles, { seed: options.seed, picturesPerArticle: 1, pictureWidth: 240, pictureHeight: 160 });
    const drafts: Draft[] = [];
    for (const ready of made) {
      const article = await host.call('articles.get', { id: ready.id });
      const nodes = article.body.content ?? [];
      const texts = nodes.filter((n) => n.type === 'paragraph').map((n) => (n.content ?? []).map((c) => c.text ?? '').join(''));
      drafts.push({
        id: ready.id,
        uid: ready.uid,
        baseTitle: ready.title,
        topic: topic(rng),
        lead: texts[0]!,
        figures: nodes.filter((n) => n.type === 'figure'),
        paragraphs: texts.slice(1),
        assets: ready.assets,
        version: 0,
        acked: { number: 0, title: article.title, body: article.body },
        inflight: null,
      });
    }
    log(`${drafts.length} articles ready, seed ${options.seed}`);

    // Whether the host is up: calls wait on `up` while it is being killed, restarted and checked.
    let up: Promise<void> = Promise.resolve();
    let killing = false;
    let failure: Error | null = null;
    const waitUntil = async (ready: () => boolean) => {
      while (!ready()) {
        if (failure) throw failure;
        await sleep(5);
      }
    };
    const reliably = async <T>(work: () => Promise<T>): Promise<T> => {
      for (;;) {
        await up;
        if (failure) throw failure;
        try {
          return await work();
        } catch (error) {
          // Only a kill excuses a call that got no answer; a refusal or a host that died by itself is a finding.
          if (error instanceof HostRefused || !killing) throw error;
        }
      }
    };

    const counts = { savesStarted: 0, savesAcked: 0, jobsStarted: 0, jobsAcked: 0, kills: 0, killsAimed: 0, killsMidSave: 0, killsMidSend: 0, savesThisLife: 0 };
    const ackedJobs: number[] = [];
    const samples: { saves: number; rss: number }[] = [];
    const lastKill = Math.floor(options.saves * 0.75);
    const killPoints = Array.from({ length: options.kills }, () => options.warmupSaves + Math.floor(killRng() * (lastKill - options.warmupSaves))).sort((a, b) => a - b);

    const verifyArticles = async (when: string) => {
      for (const draft of drafts) {
        const stored = await host.call('articles.get', { id: draft.id });
        const holds = (v: Version | null) => v !== null && stored.title === v.title && isDeepStrictEqual(stored.body, v.body);
        if (holds(draft.acked) || holds(draft.inflight)) continue;
        problems.push(`${when}: article ${draft.id} was acknowledged at version ${draft.acked.number} ("${draft.acked.title}") but holds "${stored.title}"`);
      }
    };

    const killAndRestart = async () => {
      killing = true;
      let restarted: () => void = () => {};
      up = new Promise((r) => (restarted = r));
      if (drafts.some((d) => d.inflight)) counts.killsMidSave += 1;
      try {
        await host.kill();
        counts.kills += 1;
        // A job the dead process was sending stays "sending" until the next host takes the sender lock.
        if (jobsIn("'sending'") > 0) counts.killsMidSend += 1;
        await host.start();
        counts.savesThisLife = 0;
        await verifyArticles(`after kill ${counts.kills}`);
        log(`kill ${counts.kills}/${options.kills} at ${counts.savesAcked} saves, ${counts.jobsAcked} jobs; restarted`);
      } catch (error) {
        // A host that does not come back (or answers wrongly) ends the soak; the waiting calls see why.
        failure ??= error as Error;
      } finally {
        killing = false;
        restarted();
      }
    };

    /** Resolves when a post update reaches the site (the site takes some tens of ms to write it), or after 10 s without one. */
    const siteWritingUpdate = () =>
      new Promise<void>((resolve) => {
        const done = () => {
          proxy.onForwarded = null;
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(done, 10_000);
        proxy.onForwarded = (request) => {
          if (request.method === 'POST' && /\/wp\/v2\/posts\/\d+(?:[?&]|$)/.test(decodeURIComponent(request.target))) {
            counts.killsAimed += 1;
            done();
          }
        };
      });

    let killing$: Promise<void> = Promise.resolve();
    const afterSave = () => {
      counts.savesAcked += 1;
      counts.savesThisLife += 1;
      if (!killing && counts.savesThisLife >= options.warmupSaves && counts.savesAcked % options.sampleEvery === 0) {
        const rss = host.rss();
        if (rss) samples.push({ saves: counts.savesAcked, rss });
      }
    };

    /** Called as a save leaves: when a kill is due, the host dies while that save (or a post update) is under way. */
    const killIfDue = () => {
      if (killPoints.length === 0 || counts.savesStarted < killPoints[0]!) return;
      killPoints.shift();
      const aimed = killPoints.length % 2 === 1;
      // A save takes the host a few ms; the site takes some tens of ms to write a post.
      const delay = Math.floor(killRng() * (aimed ? 40 : 5));
      killing$ = killing$
        .then(() => (aimed ? siteWritingUpdate() : undefined))
        .then(() => sleep(delay))
        .then(killAndRestart);
    };

    const randomJobs = options.jobs - drafts.length;
    const ratio = options.saves / Math.max(1, randomJobs);
    const editor = async (index: number) => {
      const own = drafts.filter((_, i) => i % options.editors === index);
      const editorRng = prng(options.seed * 31 + index);
      while (counts.savesStarted < options.saves) {
        // Saves and publish jobs keep step, as over a working day.
        await waitUntil(() => counts.jobsAcked >= randomJobs || counts.savesAcked < (counts.jobsAcked + 1) * ratio + options.editors);
        counts.savesStarted += 1;
        const draft = own[Math.floor(editorRng() * own.length)]!;
        edit(draft, editorRng);
        const version: Version = { number: draft.version, title: `${draft.baseTitle} — bản ${draft.version}`, body: bodyOf(draft) };
        draft.inflight = version;
        const asTyped = editorRng() < 0.1 ? { title: version.title.normalize('NFD'), body: nfd(version.body) } : { title: version.title, body: version.body };
        const reason = editorRng() < 0.85 ? 'autosave' : editorRng() < 0.7 ? 'explicit' : 'close';
        killIfDue();
      await reliably(() => host.call('articles.save', { id: draft.id, fields: asTyped, reason }));
        draft.acked = version;
        draft.inflight = null;
        afterSave();
      }
    };

    /** Waits until the outbox has at most `backlog` jobs waiting; a queue that stops moving is a finding. */
    const outboxDown = async (backlog: number, patienceMs: number) => {
      let last = jobsIn("'pending','sending'");
      let since = performance.now();
      while (last > backlog) {
        await sleep(50);
        const now = jobsIn("'pending','sending'");
        if (now !== last) since = performance.now();
        last = now;
        if (performance.now() - since > patienceMs) throw new Error(`the outbox stopped moving with ${now} jobs waiting`);
      }
    };

    const enqueue = async (draft: Draft) => {
      counts.jobsStarted += 1;
      const job = await reliably(() => host.call('outbox.enqueue', { articleId: draft.id, siteId: site.id }));
      ackedJobs.push(job.id);
      counts.jobsAcked += 1;
    };

    const publisher = async () => {
      while (counts.jobsStarted < randomJobs) {
        await waitUntil(() => counts.savesAcked >= counts.jobsStarted * ratio);
        await outboxDown(2, 120_000);
        await enqueue(drafts[Math.floor(rng() * drafts.length)]!);
      }
    };

    const editing = performance.now();
    try {
      await Promise.all([...Array.from({ length: options.editors }, (_, i) => editor(i)), publisher()]);
    } catch (error) {
      failure ??= error as Error;
    } finally {
      await killing$;
    }
    if (failure) {
      // A host that died by itself shows as a failed call a moment before its exit is seen.
      await sleep(500);
      throw new Error(`soak (seed ${options.seed}): ${failure.message}${host.unexpectedExit ? `\n${host.unexpectedExit}` : ''}`, { cause: failure });
    }
    const editingS = (performance.now() - editing) / 1000;
    log(`editing done: ${counts.savesAcked} saves in ${editingS.toFixed(1)} s, ${counts.jobsAcked} jobs, ${counts.kills} kills`);

    // "Xuất bản" once more for every article after its last save: the site must end with that version.
    for (const draft of drafts) await enqueue(draft);
    await outboxDown(0, 300_000);
    if (host.unexpectedExit) problems.push(host.unexpectedExit);
    await verifyArticles('at the end');

    const jobStates = db.prepare('SELECT id, state, last_error AS lastError FROM outbox_jobs').all() as { id: number; state: string; lastError: string | null }[];
    const byId = new Map(jobStates.map((j) => [j.id, j]));
    for (const id of ackedJobs) {
      const job = byId.get(id);
      if (!job) problems.push(`job ${id} was acknowledged but is not in the outbox`);
      else if (job.state !== 'done') problems.push(`job ${id} ended ${job.state}: ${(job.lastError ?? '').slice(0, 120)}`);
    }
    // An enqueue cut off by a kill is sent again, like the UI's retry; it may have been written once already.
    const extra = jobStates.length - ackedJobs.length;
    if (extra > counts.kills) problems.push(`${extra} more jobs in the outbox than were queued`);

    const auth = `Basic ${Buffer.from(`${wp.admin.username}:${wp.admin.appPassword}`).toString('base64')}`;
    const contents = await siteContents(wp);
    const posts = countsOf(contents.posts.map((p) => p.uid));
    const media = countsOf(contents.media.map((m) => m.hash));
    for (const draft of drafts) {
      if (posts.get(draft.uid) !== 1) problems.push(`article ${draft.id}: ${posts.get(draft.uid) ?? 0} posts on the site`);
      for (const asset of draft.assets) if (media.get(`${asset}-w1600`) !== 1) problems.push(`article ${draft.id}: its picture is ${media.get(`${asset}-w1600`) ?? 0} media items`);
      const postId = (await host.call('publish.history', { articleId: draft.id })).publications[0]?.postId;
      const post = (await (await fetch(`${wp.url}/?rest_route=/wp/v2/posts/${postId}&context=edit&_fields=title,status`, { headers: { Authorization: auth } })).json()) as {
        title?: { raw: string };
        status?: string;
      };
      if (post.title?.raw.normalize('NFC') !== draft.acked.title || post.status !== 'publish') {
        problems.push(`article ${draft.id}: the site shows "${post.title?.raw}" (${post.status}), the desk's last version is "${draft.acked.title}"`);
      }
    }
    if (posts.has('')) problems.push(`${posts.get('')} posts without the desk's uid`);
    if (media.has('')) problems.push(`${media.get('')} media items without the desk's hash`);

    const quarter = Math.max(1, Math.floor(samples.length / 4));
    const firstQuarter = median(samples.slice(0, quarter).map((s) => s.rss));
    const lastQuarter = median(samples.slice(-quarter).map((s) => s.rss));
    if (samples.length < 8) problems.push(`only ${samples.length} memory samples: too few to judge`);
    else if (lastQuarter > firstQuarter * (1 + RSS_MARGIN)) {
      problems.push(`memory grew: the host's RSS median went from ${MiB(firstQuarter)} MiB (first quarter) to ${MiB(lastQuarter)} MiB (last quarter)`);
    }

    return {
      seed: options.seed,
      durationS: Math.round((performance.now() - started) / 100) / 10,
      savesPerS: Math.round((counts.savesAcked / editingS) * 10) / 10,
      savesAcked: counts.savesAcked,
      jobsEnqueued: ackedJobs.length,
      jobsDone: jobStates.filter((j) => j.state === 'done').length,
      kills: counts.kills,
      killsAimed: counts.killsAimed,
      killsMidSave: counts.killsMidSave,
      killsMidSend: counts.killsMidSend,
      posts: contents.posts.length,
      media: contents.media.length,
      rssSamples: samples.length,
      rssFirstQuarterMiB: MiB(firstQuarter),
      rssLastQuarterMiB: MiB(lastQuarter),
      rssMinMiB: MiB(Math.min(...samples.map((s) => s.rss))),
      rssMaxMiB: MiB(Math.max(...samples.map((s) => s.rss))),
      problems,
    };
  } finally {
    await host.stop();
    db.close();
    await proxy.close();
  }
}
