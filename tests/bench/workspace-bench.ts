/**
 * Workspace benchmark: `npm run bench [-- --articles N] [-- --fresh]`.
 *
 * Builds (or reuses) a workspace of N generated Vietnamese articles through ArticleStore, then
 * measures search, autosave, the article list, opening, size on disk and resident memory, each
 * next to a baseline measured in the same run on the same database. Prints a markdown table and
 * writes it to tests/bench/last-run.md.
 *
 * The generated workspace is cached in /tmp/lnv-bench-<N> (reused when complete and built with the
 * same generator and schema version); `--fresh`
 * builds it in a temporary folder that is removed afterwards. Measurements run on a copy, so the
 * cache is never changed by them.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { bodyToHtml, bodyToText, normalizeBody, paragraphsToBody } from '../../shared/article-body.js';
import { foldForSearch, searchTerms } from '../../shared/text/vietnamese.js';
import { RANKED_MATCH_LIMIT } from '../../electron/services/store/article-search.js';
import { latestSchemaVersion } from '../../electron/services/store/database.js';
import { DATABASE_FILE, Workspace } from '../../electron/services/workspace/workspace.js';
import { ARTICLE_STATUSES } from '../../shared/model/article.js';
import { BenchTable, secs, times, verdict } from './bench-table.js';
import { article, commonWord, paragraphs, prng, queries, SECTIONS, topic } from './vietnamese-corpus.js';

const GENERATOR_VERSION = 4;
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const benchStarted = performance.now();

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '50000' },
    fresh: { type: 'boolean', default: false },
    queries: { type: 'string', default: '200' },
    'autosave-iterations': { type: 'string', default: '300' },
    'scan-iterations': { type: 'string', default: '20' },
  },
});
const N = Number(values.articles);
if (!Number.isInteger(N) || N < 1) throw new Error(`--articles must be a positive integer, got ${values.articles}`);
const QUERY_COUNT = Number(values.queries);
const AUTOSAVE_ITERATIONS = Number(values['autosave-iterations']);
const SCAN_ITERATIONS = Number(values['scan-iterations']);

const log = (line: string) => process.stderr.write(`[bench ${((performance.now() - benchStarted) / 1000).toFixed(1)}s] ${line}\n`);

// ---------------------------------------------------------------------------------------------
// Statistics and formatting

function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number;
}

const ms = (v: number) => (v >= 100 ? `${v.toFixed(0)} ms` : v >= 10 ? `${v.toFixed(1)} ms` : `${v.toFixed(2)} ms`);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

const table = new BenchTable('same run, same database');
const add = table.add.bind(table);
const notes: string[] = [];

function time<T>(fn: () => T): [number, T] {
  const t0 = performance.now();
  const value = fn();
  return [performance.now() - t0, value];
}

// ---------------------------------------------------------------------------------------------
// 1. The generated workspace (cached)

interface CacheInfo {
  version: number;
  schema: number;
  articles: number;
  generationMs: number;
  textOnlyMs: number;
  measuredAt: string;
  rawTextBytes: number;
}

const cacheDir = values.fresh ? mkdtempSync(join(tmpdir(), `lnv-bench-${N}-`)) : join(tmpdir(), `lnv-bench-${N}`);
const cacheInfoFile = join(cacheDir, 'bench-cache.json');

function readCache(): CacheInfo | null {
  if (values.fresh || !existsSync(cacheInfoFile) || !existsSync(join(cacheDir, DATABASE_FILE))) return null;
  const info = JSON.parse(readFileSync(cacheInfoFile, 'utf8')) as CacheInfo;
  return info.version === GENERATOR_VERSION && info.schema === latestSchemaVersion() && info.articles === N ? info : null;
}

async function generate(): Promise<CacheInfo> {
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  // Dates spread over about five years, one article every ~50 minutes on average.
  let clock = Date.parse('2021-01-04T01:00:00.000Z');
  const ws = await Workspace.open(cacheDir, { seed: false, now: () => new Date(clock) });
  const rng = prng(20251120);
  const sectionIds = SECTIONS.map((name) => ws.catalog.addSection(name).id);
  let textOnlyMs = 0;
  let rawTextBytes = 0;
  const started = performance.now();
  const BATCH = 500;
  for (let done = 0; done < N; done += BATCH) {
    // Many creates per transaction: each create still runs the store's own insert, derivation and
    // first snapshot, exactly as one at a time, minus the per-commit fsync.
    ws.db.transaction(() => {
      for (let i = done; i < Math.min(N, done + BATCH); i++) {
        const t0 = performance.now();
        const a = article(rng, 560 + Math.floor(rng() * 80));
        const body = paragraphsToBody(a.paragraphs);
        textOnlyMs += performance.now() - t0;
        rawTextBytes += Buffer.byteLength(a.title + a.sapo + a.paragraphs.join('\n\n') + a.byline, 'utf8');
        clock += Math.floor(rng() * 100 * 60_000);
        ws.articles.create({
          title: a.title,
          kicker: a.kicker,
          sapo: a.sapo,
          body,
          byline: a.byline,
          tags: a.tags,
          sectionId: sectionIds[SECTIONS.indexOf(a.section)] ?? null,
          status: ARTICLE_STATUSES[Math.floor(rng() * ARTICLE_STATUSES.length)],
          sourcePrefix: 'LNV',
        });
      }
    })();
    // Indexing is queued by the store and drained outside the save path, as the app does.
    ws.search.flush();
    if ((done / BATCH) % 20 === 0) log(`generated ${Math.min(N, done + BATCH)}/${N}`);
  }
  ws.db.pragma('wal_checkpoint(TRUNCATE)');
  const generationMs = performance.now() - started;
  ws.close();
  const info: CacheInfo = {
    version: GENERATOR_VERSION,
    schema: latestSchemaVersion(),
    articles: N,
    generationMs,
    textOnlyMs,
    measuredAt: new Date().toISOString(),
    rawTextBytes,
  };
  writeFileSync(cacheInfoFile, JSON.stringify(info, null, 2));
  return info;
}

let cache = readCache();
const reused = cache !== null;
if (!cache) {
  log(`generating ${N} articles in ${cacheDir}`);
  cache = await generate();
} else {
  log(`reusing cached workspace ${cacheDir} (generated ${cache.measuredAt})`);
}

const workDir = mkdtempSync(join(tmpdir(), 'lnv-bench-work-'));
const workDb = join(workDir, DATABASE_FILE);
copyFileSync(join(cacheDir, DATABASE_FILE), workDb);

const cleanup = () => {
  rmSync(workDir, { recursive: true, force: true });
  if (values.fresh) rmSync(cacheDir, { recursive: true, force: true });
};

try {
  add(
    `Generate ${N.toLocaleString('en')} articles (~600 syllables) via ArticleStore.create${reused ? ` (cached; measured ${cache.measuredAt.slice(0, 16)})` : ''}`,
    `${secs(cache.generationMs)} (${((cache.generationMs / N) * 1000).toFixed(0)} µs/article)`,
    `text generation alone: ${secs(cache.textOnlyMs)}`,
    times(cache.generationMs / cache.textOnlyMs),
  );

  // -------------------------------------------------------------------------------------------
  // 2. Size on disk

  {
    const ws = await Workspace.open(workDir, { seed: false });
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    const walFile = `${workDb}-wal`;
    const bytes = statSync(workDb).size + (existsSync(walFile) ? statSync(walFile).size : 0);
    const articles = ws.articles.count();
    add(
      'Database size per article (file + WAL after checkpoint)',
      `${kib(bytes / articles)} (${mib(bytes)} total)`,
      `raw UTF-8 text (title+sapo+body+byline): ${kib(cache.rawTextBytes / N)}`,
      times(bytes / cache.rawTextBytes),
    );
    try {
      const parts = ws.db
        .prepare(
          `SELECT CASE WHEN name LIKE 'article_search%' THEN 'search index (FTS5)' WHEN name LIKE 'revisions%' THEN 'revisions'
             WHEN name LIKE 'articles%' OR name LIKE 'sqlite_autoindex_articles%' THEN 'articles (+indexes)' ELSE 'other' END AS part,
             sum(pgsize) AS bytes FROM dbstat GROUP BY part ORDER BY bytes DESC`,
        )
        .all() as { part: string; bytes: number }[];
      notes.push(`Where the bytes are (dbstat): ${parts.map((p) => `${p.part} ${kib(p.bytes / articles)}/article`).join(', ')}.`);
    } catch {
      notes.push('dbstat is not compiled into this SQLite; no per-table size breakdown.');
    }
    ws.close();
  }

  // -------------------------------------------------------------------------------------------
  // 3. Opening the workspace

  {
    const open: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      const ws = await Workspace.open(workDir, { seed: false });
      open.push(performance.now() - t0);
      ws.close();
      const [bareMs] = time(() => {
        const db = new Database(workDb);
        db.prepare('SELECT count(*) FROM sqlite_master').get();
        db.close();
      });
      bare.push(bareMs);
    }
    add('Workspace.open on the existing file (p50 of 7, warm OS cache)', ms(percentile(open, 50)), `bare new Database() + read schema: ${ms(percentile(bare, 50))}`, times(percentile(open, 50) / percentile(bare, 50)));
  }

  // -------------------------------------------------------------------------------------------
  // 4. Resident memory after opening, in fresh child processes

  {
    const probe = (args: string[]) =>
      new Promise<{ rss: number; readyMs: number }>((resolve, reject) => {
        const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
        const t0 = performance.now();
        let out = '';
        let err = '';
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`probe timed out: ${args.join(' ')}\n${err}`));
        }, 120_000);
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (/READY|https?:\/\//.test(out)) {
            const readyMs = performance.now() - t0;
            const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
            const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
            clearTimeout(timer);
            child.kill('SIGTERM');
            child.once('exit', () => resolve({ rss: kb * 1024, readyMs }));
            out = '';
          }
        });
        child.once('exit', (code) => {
          if (code !== 0 && code !== null) {
            clearTimeout(timer);
            reject(new Error(`probe exited ${code}: ${err}`));
          }
        });
      });
    const probeScript = 'tests/bench/rss-probe.ts';
    const bare = await probe(['--import', 'tsx', probeScript, 'bare']);
    const ws = await probe(['--import', 'tsx', probeScript, 'workspace', workDir]);
    const host = await probe(['--import', 'tsx', probeScript, 'host', workDir]);
    const realHostAvailable = existsSync(join(repoRoot, 'dist', 'renderer', 'index.html'));
    if (realHostAvailable) {
      const real = await probe(['electron/cli/desk.mjs', 'serve', '--data', workDir, '--port', '0']);
      add(
        'Host resident memory: `desk serve --data DIR` (VmRSS after it prints its URL)',
        `${mib(real.rss)} (URL after ${ms(real.readyMs)})`,
        `node + tsx + better-sqlite3, nothing open: ${mib(bare.rss)}`,
        `+${mib(real.rss - bare.rss)}`,
      );
    } else {
      notes.push('dist/renderer is not built, so `desk serve` was not started; the "host" row runs the same Workspace.open + handlers + startHost in a probe process with a placeholder page.');
    }
    add(
      'Host resident memory: Workspace + handlers + startHost (probe, VmRSS when ready)',
      `${mib(host.rss)} (ready after ${ms(host.readyMs)})`,
      `node + tsx + better-sqlite3, nothing open: ${mib(bare.rss)}`,
      `+${mib(host.rss - bare.rss)}`,
    );
    add(
      'Resident memory: Workspace.open + first list page (probe)',
      mib(ws.rss),
      `nothing open: ${mib(bare.rss)}`,
      `+${mib(ws.rss - bare.rss)}`,
    );
  }

  const ws = await Workspace.open(workDir, { seed: false });
  const store = ws.articles;
  const sqliteVersion = (ws.db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;

  // -------------------------------------------------------------------------------------------
  // 5. First page of the article list

  {
    const baselineStmt = ws.db.prepare(
      `SELECT a.id, a.uid, a.title, a.section_id, a.issue_id, a.status, a.word_count, a.created_at, a.updated_at, a.deleted_at
       FROM articles a LIMIT 100`,
    );
    for (const [label, sort, order] of [
      ['updated desc', 'updated', 'desc'],
      ['title asc', 'title', 'asc'],
    ] as const) {
      const figure: number[] = [];
      const baseline: number[] = [];
      for (let i = 0; i < 60; i++) {
        figure.push(time(() => store.list({ trash: false, sort, order, offset: 0, limit: 100 }))[0]);
        baseline.push(time(() => baselineStmt.all())[0]);
      }
      const f = figure.slice(10);
      const b = baseline.slice(10);
      add(
        `Article list, first 100, ${label} (p50 / p95 of 50)`,
        `${ms(percentile(f, 50))} / ${ms(percentile(f, 95))}`,
        `100 rows in rowid order, no sort/count: ${ms(percentile(b, 50))} / ${ms(percentile(b, 95))}`,
        times(percentile(f, 50) / percentile(b, 50)),
      );
    }
  }

  // -------------------------------------------------------------------------------------------
  // 6. Search

  {
    const qs = queries(prng(7), QUERY_COUNT);
    // Cold first query, then a few warm-ups not counted.
    const [coldMs] = time(() => ws.search.search({ query: qs[0] as string, offset: 0, limit: 20 }));
    for (const q of qs.slice(0, 5)) ws.search.search({ query: q, offset: 0, limit: 20 });
    const results: { query: string; ms: number; total: number }[] = [];
    for (const q of qs) {
      const [t, r] = time(() => ws.search.search({ query: q, offset: 0, limit: 20 }));
      results.push({ query: q, ms: t, total: r.total });
    }
    const fts = results.map((r) => r.ms);

    // Baseline: a full scan with LIKE over the same folded text the index holds (title, sapo,
    // body, tags, byline folded by foldForSearch), kept in a TEMP table of the same database.
    ws.db.function('bench_fold', { deterministic: true }, (value: unknown) => foldForSearch(String(value ?? '')));
    const [foldMs] = time(() =>
      ws.db.exec(`CREATE TEMP TABLE folded AS
        SELECT a.id, bench_fold(a.title || ' ' || a.sapo || ' ' || b.body_text || ' ' ||
          coalesce((SELECT group_concat(t.name, ' ; ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id), '')
          || ' ' || a.byline) AS text
        FROM articles a JOIN article_bodies b ON b.article_id = a.id WHERE a.deleted_at IS NULL`),
    );
    const scan = (q: string) => {
      const terms = searchTerms(q);
      const sql = `SELECT id FROM temp.folded WHERE ${terms.map(() => 'text LIKE ?').join(' AND ')}`;
      const ids = ws.db.prepare(sql).pluck().all(...terms.map((t) => `%${t}%`)) as number[];
      return { total: ids.length, page: ids.slice(0, 20) };
    };
    const scanQueries = qs.slice(0, SCAN_ITERATIONS);
    const scanMs: number[] = [];
    const pairedFts: number[] = [];
    const perQuery: number[] = [];
    for (const [i, q] of scanQueries.entries()) {
      const [t] = time(() => scan(q));
      scanMs.push(t);
      const f = results[i]?.ms ?? NaN;
      pairedFts.push(f);
      perQuery.push(t / f);
    }
    const p95 = percentile(fts, 95);
    const speedup = percentile(scanMs, 50) / percentile(pairedFts, 50);
    add(
      `Search, ArticleSearch.search limit 20 (p50 / p95 / max of ${fts.length} queries; cold first query ${ms(coldMs)})`,
      `${ms(percentile(fts, 50))} / ${ms(p95)} / ${ms(Math.max(...fts))}`,
      `LIKE '%term%' scan of folded text in a TEMP table, ${scanQueries.length} of the queries: ${ms(percentile(scanMs, 50))} / ${ms(percentile(scanMs, 95))}`,
      `${times(speedup)} faster (p50 vs p50 on the same ${scanQueries.length}); min per query ${times(Math.min(...perQuery))}`,
      'p95 ≤ 10 ms; ≥ 50× faster',
      verdict(p95 <= 10 && speedup >= 50),
    );
    notes.push(`Building the folded TEMP table for the scan baseline took ${secs(foldMs)} (not part of any figure).`);

    const byTotal = [...results].sort((a, b) => a.total - b.total);
    notes.push(
      `Search matches per query: median ${percentile(byTotal.map((r) => r.total), 50)}, p95 ${percentile(byTotal.map((r) => r.total), 95)}, max ${byTotal[byTotal.length - 1]?.total} of ${N} (totals above ${RANKED_MATCH_LIMIT} are counted as ${RANKED_MATCH_LIMIT}+). ` +
        `Queries over 10 ms: ${results.filter((r) => r.ms > 10).length} of ${results.length}.`,
    );
    ws.db.exec('DROP TABLE temp.folded');
  }

  // -------------------------------------------------------------------------------------------
  // 7. Autosave of a 5,000-syllable article

  {
    const rng = prng(4242);
    const t = topic(rng);
    const paras = paragraphs(rng, t, 5000);
    const big = store.create({ title: 'Bài dài để đo lưu tự động', sapo: 'LNV - Đo thời gian lưu.', body: paragraphsToBody(paras), byline: 'Nguyễn Văn Đức', sourcePrefix: 'LNV' });
    ws.db.exec('CREATE TABLE bench_scratch (id INTEGER PRIMARY KEY, body_json TEXT NOT NULL, body_text TEXT NOT NULL, body_html TEXT NOT NULL)');
    const bareInsert = ws.db.prepare('INSERT INTO bench_scratch (body_json, body_text, body_html) VALUES (?, ?, ?)');
    let edit = 0;
    const nextBody = () => {
      // Change one word per save, as typing does.
      const p = edit % paras.length;
      const words = (paras[p] as string).split(' ');
      const w = (edit * 7) % words.length;
      words[w] = commonWord(rng);
      paras[p] = words.join(' ');
      edit += 1;
      return paragraphsToBody(paras);
    };
    const run = (label: string) => {
      const save: number[] = [];
      const bare: number[] = [];
      const derive: number[] = [];
      let bytes = 0;
      for (let i = 0; i < AUTOSAVE_ITERATIONS + 10; i++) {
        const body = nextBody();
        const [s] = time(() => store.save(big.id, { body }, 'autosave'));
        // The same bytes the store wrote, inserted bare (one autocommit INSERT).
        const [d, derived] = time(() => {
          const n = normalizeBody(body);
          const text = bodyToText(n);
          return { json: JSON.stringify(n), text, html: bodyToHtml(n) };
        });
        const [b] = time(() => bareInsert.run(derived.json, derived.text, derived.html));
        bytes = Buffer.byteLength(derived.json) + Buffer.byteLength(derived.text) + Buffer.byteLength(derived.html);
        if (i >= 10) {
          save.push(s);
          bare.push(b);
          derive.push(d);
        }
      }
      const p95 = percentile(save, 95);
      const ratio95 = p95 / percentile(bare, 95);
      add(
        `Autosave 5,000-syllable article, ${label} (p50 / p95 of ${save.length})`,
        `${ms(percentile(save, 50))} / ${ms(p95)}`,
        `bare INSERT of the same JSON+text+HTML (${kib(bytes)}): ${ms(percentile(bare, 50))} / ${ms(percentile(bare, 95))}`,
        `${times(percentile(save, 50) / percentile(bare, 50))} p50, ${times(ratio95)} p95`,
        label.includes('FULL') ? 'p95 ≤ 5 ms; ≤ 2× bare' : '(comparison)',
        verdict(p95 <= 5 && ratio95 <= 2),
      );
      notes.push(
        `Autosave ${label}: the JS part alone (normalise, text, HTML, JSON; no SQLite) takes ${ms(percentile(derive, 50))} p50 / ${ms(percentile(derive, 95))} p95.`,
      );
    };
    // The search index catches up after the save, off the typing path: time that step on its own.
    {
      const flush: number[] = [];
      for (let i = 0; i < 60; i++) {
        store.save(big.id, { body: nextBody() }, 'autosave');
        const [f] = time(() => ws.search.flush());
        if (i >= 10) flush.push(f);
      }
      notes.push(
        `Search index update of the 5,000-syllable article after a save (queued, runs ~300 ms later or before a search): ${ms(percentile(flush, 50))} p50 / ${ms(percentile(flush, 95))} p95.`,
      );
    }
    const sync = ws.db.pragma('synchronous', { simple: true });
    run(`synchronous=FULL (as shipped, =${sync})`);
    ws.db.pragma('synchronous = NORMAL');
    run('synchronous=NORMAL');
    ws.db.pragma('synchronous = FULL');
    const revisions = (ws.db.prepare('SELECT count(*) AS n FROM revisions WHERE article_id = ?').get(big.id) as { n: number }).n;
    notes.push(`The autosave article has ${revisions} revision(s) after ${2 * (AUTOSAVE_ITERATIONS + 10)} autosaves (one snapshot per 30 s of typing).`);
  }

  ws.close();

  // -------------------------------------------------------------------------------------------
  // Report

  const totalMs = performance.now() - benchStarted;
  const header = [
    `# LNV Desk workspace benchmark`,
    '',
    `${new Date().toISOString()} · ${N.toLocaleString('en')} articles · ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'} · Node ${process.version} · SQLite ${sqliteVersion} · ` +
      `bench run ${secs(totalMs)}${reused ? ' (workspace reused from cache)' : ''}`,
    '',
  ];
  const text = [...header, ...table.lines(), '', '## Notes', '', ...notes.map((n) => (n.includes('\n') ? `${n}\n` : `- ${n}`)), ''].join('\n');
  process.stdout.write(`${text}\n`);
  writeFileSync(join(repoRoot, 'tests', 'bench', 'last-run.md'), text);
} finally {
  cleanup();
}
