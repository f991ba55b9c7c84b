/**
 * Print benchmark: `npm run bench:print [-- --fresh]`.
 *
 * Generates a 100-page issue (cover, inside cover, contents, 8 full-page ads, 25 approved articles
 * with 2–4 pictures each) and measures it with the product's own code: full layout, print PDF,
 * proof PDF, page images, peak memory, overset and text fit. The baseline runs in the same run, in
 * the same Chromium, on the same content and pictures: Paged.js 0.4.3 paginating the articles as
 * one flowing document in three CSS columns. Prints a markdown table and writes it to
 * tests/bench/print-last-run.md.
 *
 * The generated workspace is cached in /tmp/lnv-print-bench (reused when built by the same
 * generator and schema version); `--fresh` builds it in a temporary folder removed afterwards.
 * Measurements run on a copy of its database beside a link to its pictures, so every run starts
 * with no resized pictures and the cache itself never changes.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import sharp from 'sharp';
import { escapeHtml } from '../../shared/article-body.js';
import type { CallInput, CallName, CallOutput } from '../../shared/contract.js';
import type { PmDoc, PmNode } from '../../shared/model/article.js';
import type { ExportOutput, ExportProgress, Flatplan } from '../../shared/model/print-issue.js';
import { articlePrintBlocks } from '../../shared/print/article-print-blocks.js';
import { articleRanges, runningHeadText, slot } from '../../shared/print/flatplan.js';
import type { FlowReport } from '../../shared/print/flow-types.js';
import { PRINT_FONT_FILES } from '../../shared/print/page-document.js';
import { createHandlers } from '../../electron/services/desk-handlers.js';
import { createDispatcher } from '../../electron/services/dispatcher.js';
import { latestSchemaVersion } from '../../electron/services/store/database.js';
import { INTERNAL_BASE } from '../../electron/services/print/print-browser.js';
import { PRINT_IMAGE_PPI, SCREEN_IMAGE_PPI } from '../../electron/services/print/print-issues.js';

/** Paged.js gets the picture files ours prints: 300 ppi of a text column (~55 mm) for figures, of the page with bleed for full pages. */
const PAGED_IMAGE_PX = Math.ceil(((55 / 25.4) * PRINT_IMAGE_PPI) / 50) * 50;
const PAGED_FULL_PAGE_PX = Math.ceil(((216 / 25.4) * PRINT_IMAGE_PPI) / 50) * 50;
import { DATABASE_FILE, Workspace } from '../../electron/services/workspace/workspace.js';
import { BenchTable, secs, times, verdict } from './bench-table.js';
import { article, paragraphs, prng, SECTIONS, topic, type Rng } from './vietnamese-corpus.js';

const GENERATOR_VERSION = 3;
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const benchStarted = performance.now();
const { values } = parseArgs({ options: { fresh: { type: 'boolean', default: false } } });
/** The layout-versus-Paged.js comparison is short and this machine is shared: each side runs this often and the median counts. */
const COMPARISON_RUNS = 3;

const log = (line: string) => process.stderr.write(`[bench:print ${((performance.now() - benchStarted) / 1000).toFixed(1)}s] ${line}\n`);
const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] as number;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const table = new BenchTable('same run, same content');
const add = table.add.bind(table);
const notes: string[] = [];

// ---------------------------------------------------------------------------------------------
// 1. The generated issue (cached)

const PAGE_COUNT = 100;
/** Pages per article, 89 in all: with the cover, inside cover, contents and 8 ads, exactly 100. */
const ARTICLE_PAGES = [4, 3, 5, 2, 4, 3, 4, 6, 3, 4, 2, 3, 5, 4, 3, 4, 2, 4, 3, 5, 4, 3, 2, 4, 3];
/** A full-page ad follows these articles (0-based); the last two ads are the back cover pair. */
const AD_AFTER = new Set([3, 7, 11, 15, 19, 22]);
/**
 * What a 3-column A4 page holds in syllables, calibrated on the flow engine's own report: the
 * opener gives about half its height to the title, sapo and main picture; a picture in the
 * columns takes about a dozen lines.
 */
const OPENER_SYLLABLES = 520;
const PAGE_SYLLABLES = 1200;
const FIGURE_SYLLABLES = 90;

interface CacheInfo {
  version: number;
  schema: number;
  issueId: number;
  pictures: number;
  pictureBytes: number;
  pictureMs: number;
  generationMs: number;
  measuredAt: string;
}

const cacheDir = values.fresh ? mkdtempSync(join(tmpdir(), 'lnv-print-bench-')) : join(tmpdir(), 'lnv-print-bench');
const cacheInfoFile = join(cacheDir, 'bench-cache.json');

function readCache(): CacheInfo | null {
  if (values.fresh || !existsSync(cacheInfoFile) || !existsSync(join(cacheDir, DATABASE_FILE))) return null;
  const info = JSON.parse(readFileSync(cacheInfoFile, 'utf8')) as CacheInfo;
  return info.version === GENERATOR_VERSION && info.schema === latestSchemaVersion() ? info : null;
}

/** A photo-like JPEG: a gradient and a few shapes with grain, so it compresses like a photograph (~0.7 MB). */
async function picture(rng: Rng, width: number, height: number): Promise<Buffer> {
  const hue = () => Math.floor(rng() * 360);
  const shapes = Array.from({ length: 3 + Math.floor(rng() * 4) }, () => {
    const [x, y, r] = [rng() * width, rng() * height, (0.1 + rng() * 0.3) * Math.min(width, height)];
    const fill = `fill="hsl(${hue()},${40 + Math.floor(rng() * 40)}%,${30 + Math.floor(rng() * 40)}%)" fill-opacity="${(0.4 + rng() * 0.5).toFixed(2)}"`;
    return rng() < 0.5
      ? `<circle cx="${x}" cy="${y}" r="${r}" ${fill}/>`
      : `<rect x="${x - r}" y="${y - r / 2}" width="${2 * r}" height="${r}" transform="rotate(${Math.floor(rng() * 90)} ${x} ${y})" ${fill}/>`;
  });
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">` +
    `<stop offset="0" stop-color="hsl(${hue()},55%,60%)"/><stop offset="1" stop-color="hsl(${hue()},50%,25%)"/></linearGradient></defs>` +
    `<rect width="100%" height="100%" fill="url(#g)"/>${shapes.join('')}</svg>`;
  const raw = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer();
  let seed = Math.floor(rng() * 2 ** 32);
  for (let i = 0; i < raw.length; i += 1) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    raw[i] = Math.min(255, Math.max(0, (raw[i] as number) + ((seed >>> 24) & 31) - 16));
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
}

const text = (value: string): PmNode => ({ type: 'text', text: value });

async function generate(): Promise<CacheInfo> {
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  const started = performance.now();
  const ws = await Workspace.open(cacheDir, { seed: false });
  const dispatch = createDispatcher(createHandlers(ws), () => {});
  const call = <N extends CallName>(name: N, input: CallInput<N>) => dispatch(name, input) as Promise<CallOutput<N>>;
  const rng = prng(20251201);
  let pictureMs = 0;
  let pictureBytes = 0;
  let pictures = 0;
  const addPicture = async (width: number, height: number, name: string, caption: string) => {
    const t0 = performance.now();
    const bytes = await picture(rng, width, height);
    pictureMs += performance.now() - t0;
    pictureBytes += bytes.length;
    pictures += 1;
    return (await ws.addImage(bytes, name, { caption, credit: 'Ảnh: LNV' })).hash;
  };
  // A4 at 300 ppi for the full-bleed pages; 2400 × 1600 for pictures in articles.
  const cover = await addPicture(2480, 3508, 'bia.jpg', 'Ảnh bìa');
  const ads: string[] = [];
  for (let i = 0; i < 8; i += 1) ads.push(await addPicture(2480, 3508, `quang-cao-${i + 1}.jpg`, ''));
  const sectionIds = SECTIONS.map((name) => ws.catalog.addSection(name).id);

  const articleIds: number[] = [];
  for (const [index, pages] of ARTICLE_PAGES.entries()) {
    const figureCount = 2 + Math.floor(rng() * 3);
    // 87–101% of the estimate: most articles fit, the longest may run over as real copy does.
    const fill = 0.87 + rng() * 0.14;
    const syllables = Math.round((OPENER_SYLLABLES + (pages - 1) * PAGE_SYLLABLES - (figureCount - 1) * FIGURE_SYLLABLES) * fill);
    const a = article(rng, syllables);
    const figures: PmNode[] = [];
    for (let f = 0; f < figureCount; f += 1) {
      const caption = paragraphs(rng, topic(rng), 16)[0] ?? '';
      const hash = await addPicture(2400, 1600, `bai-${index + 1}-anh-${f + 1}.jpg`, caption);
      figures.push({ type: 'figure', attrs: { asset: hash }, content: [text(caption)] });
    }
    // The first picture leads the article (the opener's main picture); the rest are spread through it, with an intertitle every ~8 paragraphs.
    const content: PmNode[] = [];
    const every = Math.max(1, Math.floor(a.paragraphs.length / figureCount));
    a.paragraphs.forEach((p, i) => {
      if (i > 0 && i % 8 === 0) content.push({ type: 'heading', attrs: { level: 2 }, content: [text(paragraphs(rng, topic(rng), 6)[0]?.replace(/[.!?]$/, '') ?? '')] });
      content.push({ type: 'paragraph', content: [text(p)] });
      if (i % every === 0 && figures.length > 0) content.push(figures.shift() as PmNode);
    });
    content.push(...figures);
    const created = ws.articles.create({
      title: a.title,
      kicker: a.kicker,
      sapo: a.sapo,
      body: { type: 'doc', content },
      byline: a.byline,
      tags: a.tags,
      sectionId: sectionIds[SECTIONS.indexOf(a.section)] ?? null,
      status: 'approved',
      sourcePrefix: 'LNV',
    });
    articleIds.push(created.id);
  }

  // The plan as a layout artist builds it: fixed pages and ads saved, then each article placed on its pages.
  const detail = await call('print.issue.create', { number: 500, month: 12, year: 2025, pageCount: PAGE_COUNT });
  const issueId = detail.issue.id;
  const pages = [...detail.flatplan.pages];
  pages[0] = slot('cover', { assetHash: cover, label: 'Bìa 1' });
  const starts: number[] = [];
  let next = 4;
  let ad = 0;
  ARTICLE_PAGES.forEach((count, index) => {
    starts.push(next);
    next += count;
    if (AD_AFTER.has(index)) {
      pages[next - 1] = slot('ad', { assetHash: ads[ad] ?? null, label: `Quảng cáo ${ad + 1}` });
      ad += 1;
      next += 1;
    }
  });
  pages[PAGE_COUNT - 2] = slot('ad', { assetHash: ads[6] ?? null, label: 'Bìa 3' });
  pages[PAGE_COUNT - 1] = slot('ad', { assetHash: ads[7] ?? null, label: 'Bìa 4' });
  if (next !== PAGE_COUNT - 1) throw new Error(`the plan fills ${next - 1} pages before the back covers, not ${PAGE_COUNT - 2}`);
  await call('print.flatplan.save', { issueId, pages });
  for (const [index, articleId] of articleIds.entries()) {
    await call('print.flatplan.place', { issueId, articleId, startPage: starts[index] as number, pageCount: ARTICLE_PAGES[index] as number, style: 'standard' });
  }
  const warnings = (await call('print.issue.get', { issueId })).warnings;
  if (warnings.length > 0) throw new Error(`the generated plan has warnings: ${warnings.join(' ')}`);
  ws.db.pragma('wal_checkpoint(TRUNCATE)');
  ws.close();
  const info: CacheInfo = { version: GENERATOR_VERSION, schema: latestSchemaVersion(), issueId, pictures, pictureBytes, pictureMs, generationMs: performance.now() - started, measuredAt: new Date().toISOString() };
  writeFileSync(cacheInfoFile, JSON.stringify(info, null, 2));
  return info;
}

// ---------------------------------------------------------------------------------------------
// 2. Memory: this process and every Chromium process under it, sampled while something runs

interface MemoryPeak {
  nodeRss: number;
  chromiumRss: number;
  chromiumPss: number;
  processes: number;
}

function chromiumPids(): number[] {
  const children = new Map<number, number[]>();
  const names = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces; the parent pid is the 2nd field after it.
      const close = stat.lastIndexOf(')');
      const parent = Number(stat.slice(close + 2).split(' ')[1]);
      names.set(Number(entry), stat.slice(stat.indexOf('(') + 1, close));
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we listed it.
    }
  }
  const found: number[] = [];
  const queue = [...(children.get(process.pid) ?? [])];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    if (/chrom/i.test(names.get(pid) ?? '')) found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** RSS counts pages shared between Chromium's processes once per process; PSS splits them, so its sum is the real total. */
function sampleMemory(): { stop(): MemoryPeak } {
  const peak: MemoryPeak = { nodeRss: 0, chromiumRss: 0, chromiumPss: 0, processes: 0 };
  const take = () => {
    peak.nodeRss = Math.max(peak.nodeRss, process.memoryUsage.rss());
    let rss = 0;
    let pss = 0;
    const pids = chromiumPids();
    for (const pid of pids) {
      try {
        const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
        rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) * 1024;
        pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) * 1024;
      } catch {
        // Gone between listing and reading.
      }
    }
    peak.chromiumRss = Math.max(peak.chromiumRss, rss);
    peak.chromiumPss = Math.max(peak.chromiumPss, pss);
    peak.processes = Math.max(peak.processes, pids.length);
  };
  take();
  const timer = setInterval(take, 200);
  return {
    stop() {
      clearInterval(timer);
      take();
      return peak;
    },
  };
}

const maxPeak = (peaks: MemoryPeak[]): MemoryPeak => ({
  nodeRss: Math.max(...peaks.map((p) => p.nodeRss)),
  chromiumRss: Math.max(...peaks.map((p) => p.chromiumRss)),
  chromiumPss: Math.max(...peaks.map((p) => p.chromiumPss)),
  processes: Math.max(...peaks.map((p) => p.processes)),
});
const memoryText = (p: MemoryPeak) => `node ${mib(p.nodeRss)} + Chromium ${mib(p.chromiumPss)} PSS (${mib(p.chromiumRss)} RSS summed over ${p.processes} processes)`;

// ---------------------------------------------------------------------------------------------
// 3. Text fit: how many of the source words reached the PDF exactly once

const word = (w: string) => w.normalize('NFC').toLocaleLowerCase('vi').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
const words = (value: string) => value.split(/\s+/).map(word).filter(Boolean);

function count(list: string[]): Map<string, number> {
  const bag = new Map<string, number>();
  for (const w of list) bag.set(w, (bag.get(w) ?? 0) + 1);
  return bag;
}

function nodeText(node: PmNode): string {
  return [node.text ?? '', ...(node.content ?? []).map(nodeText)].join(' ');
}

/** Every word the opener and body print: kicker, title, sapo, byline, paragraphs, intertitles, captions. */
function sourceWords(a: { kicker: string; title: string; sapo: string; byline: string; body: PmDoc }): string[] {
  return words([a.kicker, a.title, a.sapo, a.byline, ...(a.body.content ?? []).map(nodeText)].join(' '));
}

/** The text of each page of a PDF, as pdftotext reads it. */
function pdfPages(file: string): string[] {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 }).split('\f');
}

interface Fit {
  source: number;
  once: number;
  lost: number;
  doubled: number;
}

/**
 * Per word: printed no more often than written, each printed copy counts; printed more often, the
 * extra copies cancel as many originals (a doubled line is as wrong as a lost one).
 */
function fitOf(source: string[], printed: string[], furniture: string[]): Fit {
  const want = count(source);
  const got = count(printed);
  for (const w of furniture) got.set(w, Math.max(0, (got.get(w) ?? 0) - 1));
  const fit: Fit = { source: source.length, once: 0, lost: 0, doubled: 0 };
  for (const [w, s] of want) {
    const p = got.get(w) ?? 0;
    fit.once += p <= s ? p : Math.max(0, 2 * s - p);
    fit.lost += Math.max(0, s - p);
    fit.doubled += Math.max(0, p - s);
  }
  return fit;
}

/** How many of the titles appear, word for word, on the given pages (the contents). */
function titlesOn(pages: string[], numbers: number[], titles: string[]): number {
  const printed = ` ${numbers.flatMap((n) => words(pages[n - 1] ?? '')).join(' ')} `;
  return titles.filter((t) => printed.includes(` ${words(t).join(' ')} `)).length;
}

const sumFits = (fits: Fit[]): Fit => fits.reduce((a, b) => ({ source: a.source + b.source, once: a.once + b.once, lost: a.lost + b.lost, doubled: a.doubled + b.doubled }), { source: 0, once: 0, lost: 0, doubled: 0 });

// ---------------------------------------------------------------------------------------------
// 4. Our engine: layouts and exports through the services

interface ExportRun {
  files: string[];
  ms: number;
  /** Milliseconds from the start to the first progress event of each stage. */
  stages: Map<string, number>;
  memory: MemoryPeak;
}

async function runExport(ws: Workspace, issueId: number, outputs: ExportOutput[], outDir: string): Promise<ExportRun> {
  const stages = new Map<string, number>();
  const memory = sampleMemory();
  const t0 = performance.now();
  const finished = new Promise<ExportProgress>((resolve) => {
    const stop = ws.events.subscribe((event, payload) => {
      if (event !== 'print.export.progress') return;
      const progress = payload as ExportProgress;
      if (!stages.has(progress.stage)) stages.set(progress.stage, performance.now() - t0);
      if (['done', 'failed', 'cancelled'].includes(progress.stage)) {
        stop();
        resolve(progress);
      }
    });
  });
  ws.printExports.start(issueId, outputs, outDir);
  const done = await finished;
  const ms = performance.now() - t0;
  const peak = memory.stop();
  if (done.stage !== 'done') throw new Error(`export ${outputs.join('+')} ${done.stage}: ${done.message}`);
  return { files: done.files, ms, stages, memory: peak };
}

const stage = (run: ExportRun, from: string, to: string) => (run.stages.get(to) ?? run.ms) - (run.stages.get(from) ?? 0);

async function timedLayout(ws: Workspace, issueId: number, imagePpi?: number): Promise<{ ms: number; report: FlowReport }> {
  const t0 = performance.now();
  const layout = await ws.print.layout(issueId, imagePpi);
  return { ms: performance.now() - t0, report: layout.report };
}

/** Launches the workspace's Chromium with a blank page, so the timed layout does not include starting the browser. */
async function warmBrowser(ws: Workspace): Promise<void> {
  const session = await ws.print.browser.open('<!doctype html><p>.</p>', async () => null);
  await session.close();
}

// ---------------------------------------------------------------------------------------------
// 5. The baseline: Paged.js paginating the same issue in the same Chromium

const PAGED_BASE = 'http://pagedjs.lnv-bench.invalid/';
const PAGED_POLYFILL = join(repoRoot, 'node_modules', 'pagedjs', 'dist', 'paged.polyfill.js');

/** The issue as one flowing HTML document: full pages for the cover and ads, each article from a new page in three columns. */
function pagedDocument(ws: Workspace, plan: Flatplan, runningHead: string): string {
  const profile = ws.catalog.profile();
  const print = profile.print;
  const imageUrl = (hash: string, width = PAGED_IMAGE_PX) => `assets/${hash}?w=${width}`;
  const img = (hash: string | null, width = PAGED_IMAGE_PX) => {
    const asset = hash ? ws.print.asset(hash) : null;
    return hash && asset ? `<img src="${imageUrl(hash, width)}" width="${asset.width}" height="${asset.height}" alt="">` : '';
  };
  const ranges = articleRanges(plan);
  const parts: string[] = [];
  plan.pages.forEach((page, index) => {
    if (page.kind === 'cover') {
      const lines = ranges.slice(0, 4).map((r) => `<p>${escapeHtml(ws.print.article(r.articleId)?.title ?? '')}</p>`).join('');
      parts.push(`<section class="full cover">${img(page.assetHash, PAGED_FULL_PAGE_PX)}<div class="masthead">${escapeHtml(profile.name)}</div><div class="cover-lines">${lines}</div></section>`);
    } else if (page.kind === 'ad') {
      parts.push(`<section class="full">${img(page.assetHash, PAGED_FULL_PAGE_PX)}</section>`);
    } else if (page.kind === 'inside-cover') {
      parts.push(`<section class="imprint"><h2>${escapeHtml(profile.name)}</h2><p>${escapeHtml(profile.website)}</p></section>`);
    } else if (page.kind === 'toc') {
      const entries = ranges.map((r) => `<p class="toc-entry"><a href="#a${r.articleId}">${escapeHtml(ws.print.article(r.articleId)?.title ?? '')}</a></p>`).join('');
      parts.push(`<section class="toc"><h2 class="toc-heading">Mục lục</h2>${entries}</section>`);
    } else if (page.kind === 'article' && page.articleId !== null && ranges.find((r) => r.articleId === page.articleId)?.firstPage === index + 1) {
      const a = ws.print.article(page.articleId);
      if (!a) return;
      const blocks = articlePrintBlocks(a.body, { asset: (h) => ws.print.asset(h), imageUrl: (h) => imageUrl(h) });
      const hero = blocks.find((b) => b.kind === 'figure');
      const figure = (b: (typeof blocks)[number], cls: string) =>
        b.kind === 'figure' ? `<figure class="${cls}">${img(b.assetHash)}<figcaption>${b.captionHtml}</figcaption></figure>` : '';
      const body = blocks
        .filter((b) => b !== hero)
        .map((b) => (b.kind === 'figure' ? figure(b, 'b-fig') : b.kind === 'heading' ? `<h2 class="b-h">${b.html}</h2>` : `<p class="b-p">${b.html}</p>`))
        .join('');
      parts.push(
        `<article class="story" id="a${a.id}" data-article="${a.id}"><div class="kicker">${escapeHtml(a.kicker)}</div><h1 class="title">${escapeHtml(a.title)}</h1>` +
          `<p class="sapo">${escapeHtml(a.sapo)}</p>${hero ? figure(hero, 'hero') : ''}<p class="byline">${escapeHtml(a.byline)}</p><div class="cols">${body}</div></article>`,
      );
    }
  });
  const fonts = PRINT_FONT_FILES.map((f) => `@font-face{font-family:'${f.family}';src:url('fonts/${f.file}') format('truetype');font-weight:${f.weight};font-style:${f.style};}`).join('\n');
  const head = `'${runningHead.replaceAll("'", "\\'")}'`;
  // Full pages stop 1 mm short of the page height: a box exactly as tall spills an empty page in Paged.js.
  const css = `${fonts}
@page { size: ${print.trimWidthMm}mm ${print.trimHeightMm}mm; margin: ${print.marginTopMm}mm ${print.marginOutsideMm}mm ${print.marginBottomMm}mm ${print.marginInsideMm}mm;
  @top-left { font: 7.5pt 'Be Vietnam Pro'; color: ${print.colors.accent}; } @top-right { font: 7.5pt 'Be Vietnam Pro'; color: ${print.colors.accent}; }
  @bottom-left { font: 700 9pt 'Be Vietnam Pro'; } @bottom-right { font: 700 9pt 'Be Vietnam Pro'; } }
@page :left { margin-left: ${print.marginOutsideMm}mm; margin-right: ${print.marginInsideMm}mm; @top-left { content: ${head}; } @bottom-left { content: counter(page); } }
@page :right { margin-left: ${print.marginInsideMm}mm; margin-right: ${print.marginOutsideMm}mm; @top-right { content: ${head}; } @bottom-right { content: counter(page); } }
@page full { margin: 0; @top-left { content: none; } @top-right { content: none; } @bottom-left { content: none; } @bottom-right { content: none; } }
html { font-family: '${print.fonts.body}', serif; font-size: ${print.bodySizePt}pt; color: ${print.colors.text}; }
.full { page: full; break-before: page; position: relative; width: ${print.trimWidthMm}mm; height: ${print.trimHeightMm - 1}mm; overflow: hidden; }
.full img { width: 100%; height: 100%; object-fit: cover; display: block; }
.masthead { position: absolute; top: 10mm; left: 15mm; font: 700 34pt 'Be Vietnam Pro'; text-transform: uppercase; color: #fff; }
.cover-lines { position: absolute; bottom: 14mm; left: 15mm; right: 15mm; font: 700 15pt/1.25 'Be Vietnam Pro'; color: #fff; }
.imprint, .toc, .story { break-before: page; }
.imprint { font: 9pt/1.5 'Be Vietnam Pro'; }
.toc-heading { font: 700 28pt 'Be Vietnam Pro'; color: ${print.colors.accent}; margin: 0 0 8mm; }
.toc-entry { font: 600 11pt/1.3 'Be Vietnam Pro'; margin: 0; padding: 2.5mm 0; border-bottom: 0.2mm solid #bbb; }
.toc-entry a { color: inherit; text-decoration: none; }
.toc-entry a::after { content: '  ' target-counter(attr(href), page); font-weight: 700; }
.kicker { font: 600 9pt 'Be Vietnam Pro'; text-transform: uppercase; letter-spacing: 0.06em; color: ${print.colors.accent}; margin-bottom: 2mm; }
.title { font: 700 26pt/1.12 'Be Vietnam Pro'; margin: 0 0 4mm; }
.sapo { font: 600 11pt/1.4 'Be Vietnam Pro'; margin: 0 0 4mm; }
.hero { margin: 0 0 3mm; } .hero img { width: 100%; height: 80mm; object-fit: cover; display: block; }
figcaption { font: italic 7.5pt/1.3 'Be Vietnam Pro'; padding-top: 1.2mm; }
.byline { font: 600 8.5pt 'Be Vietnam Pro'; text-align: right; margin: 0 0 3mm; }
.cols { columns: ${print.columns}; column-gap: ${print.gutterMm}mm; }
.b-p { margin: 0; line-height: ${print.baselineMm}mm; text-align: justify; text-indent: 4mm; orphans: 2; widows: 2; }
.b-h { font: 700 ${(print.bodySizePt * 1.15).toFixed(2)}pt/${print.baselineMm}mm 'Be Vietnam Pro'; color: ${print.colors.accent}; margin: 0; padding-top: ${print.baselineMm / 2}mm; break-after: avoid; }
.b-fig { margin: 0 0 2mm; break-inside: avoid; } .b-fig img { width: 100%; height: auto; display: block; }`;
  // Paged.js reports through its `after` hook; the bench's evaluate() waits on it.
  const config = `window.PagedConfig = { auto: true, after: (flow) => { window.benchDone = { pages: flow.total }; window.benchResolve?.(window.benchDone); } };`;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><base href="${PAGED_BASE}"><style>${css}</style><script>${config}</script><script src="paged.polyfill.js"></script></head><body>${parts.join('\n')}</body></html>`;
}

interface PagedRun {
  /** Load → done, one per run. */
  runs: number[];
  pdfMs: number;
  pages: number;
  /** Article id per page (0: not an article page). */
  pageArticles: number[];
  pdfFile: string;
  memory: MemoryPeak;
  version: string;
}

/** Paginates COMPARISON_RUNS times, each in a new context; the last run also prints. */
async function runPagedJs(ws: Workspace, html: string, pdfFile: string): Promise<PagedRun> {
  const browser: Browser = await chromium.launch({
    executablePath: process.env.LNV_CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    // As for our layout, the browser is already running when the clock starts.
    const warm = await browser.newPage();
    await warm.setContent('<p>.</p>');
    await warm.close();
    const polyfill = readFileSync(PAGED_POLYFILL);
    const memory = sampleMemory();
    const runs: number[] = [];
    for (;;) {
      const t0 = performance.now();
      const context = await browser.newContext({ viewport: { width: 1200, height: 1000 } });
      context.setDefaultTimeout(600_000);
      await context.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        if (`${url.origin}/` !== PAGED_BASE) return route.abort('blockedbyclient');
        const path = decodeURIComponent(url.pathname.slice(1));
        if (path === 'document.html') return route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' });
        if (path === 'paged.polyfill.js') return route.fulfill({ body: polyfill, contentType: 'text/javascript' });
        const resource = await ws.print.resources.get(path, url.searchParams);
        return resource ? route.fulfill({ body: resource.body, contentType: resource.contentType }) : route.fulfill({ status: 404, body: '' });
      });
      const page = await context.newPage();
      await page.goto(`${PAGED_BASE}document.html`, { waitUntil: 'domcontentloaded' });
      const done = (await page.evaluate('window.benchDone ?? new Promise((resolve) => { window.benchResolve = resolve; })')) as { pages: number };
      runs.push(performance.now() - t0);
      if (runs.length < COMPARISON_RUNS) {
        await context.close();
        continue;
      }
      const pageArticles = (await page.evaluate(
        `[...document.querySelectorAll('.pagedjs_page')].map((p) => Number(p.querySelector('[data-article]')?.getAttribute('data-article') ?? 0))`,
      )) as number[];
      const p0 = performance.now();
      writeFileSync(pdfFile, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      const pdfMs = performance.now() - p0;
      const peak = memory.stop();
      await context.close();
      return { runs, pdfMs, pages: done.pages, pageArticles, pdfFile, memory: peak, version: browser.version() };
    }
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 6. Run

interface Ours {
  coldLayoutMs: number;
  layoutMs: number;
  engineMs: number;
  /** With the print pictures, one per run. */
  printLayouts: number[];
  /** Chromium's page.pdf() of the laid-out pages with the screen pictures instead of the print ones. */
  screenPdf: { ms: number; bytes: number };
  report: FlowReport;
  coldPrint: ExportRun;
  printRun: ExportRun;
  proofRun: ExportRun;
  imagesRun: ExportRun;
  ppmMs: number;
  printFile: string;
}

async function measureOurs(workDir: string, issueId: number, outDir: string): Promise<Ours> {
  // First open: Chromium starts, the runtime is bundled, every picture is resized for the screen, then for print.
  const first = await Workspace.open(workDir, { seed: false });
  log('our layout, first open');
  const cold = await timedLayout(first, issueId);
  log(`  ${secs(cold.ms)}; print PDF export, pictures resized on the way`);
  const coldPrint = await runExport(first, issueId, ['print'], join(outDir, 'cold'));
  await first.print.browser.close();
  first.close();

  // A new Workspace on the same data: nothing cached in memory, pictures resized on disk, Chromium running.
  const ws = await Workspace.open(workDir, { seed: false });
  try {
    await warmBrowser(ws);
    log(`  ${secs(coldPrint.ms)}; layout, new workspace`);
    const warm = await timedLayout(ws, issueId);
    log(`  ${secs(warm.ms)}; PDF with the screen pictures`);
    const session = await ws.print.openSession(ws.print.buildDocument(issueId, INTERNAL_BASE, SCREEN_IMAGE_PPI));
    await session.layout();
    const s0 = performance.now();
    const screenPdf = await session.pdf();
    const screenPdfMs = performance.now() - s0;
    await session.close();
    log(`  ${secs(screenPdfMs)}; print PDF export again`);
    const printRun = await runExport(ws, issueId, ['print'], join(outDir, 'print'));
    log(`  ${secs(printRun.ms)}; proof PDF export`);
    const proofRun = await runExport(ws, issueId, ['proof'], join(outDir, 'proof'));
    log(`  ${secs(proofRun.ms)}; page images`);
    const imagesRun = await runExport(ws, issueId, ['images'], join(outDir, 'images'));
    log(`  ${secs(imagesRun.ms)}; pdftoppm of the proof`);
    const proofFile = proofRun.files.find((f) => f.endsWith('.pdf')) as string;
    mkdirSync(join(outDir, 'pdftoppm'));
    const p0 = performance.now();
    execFileSync('pdftoppm', ['-jpeg', '-jpegopt', 'quality=85', '-scale-to', '1600', proofFile, join(outDir, 'pdftoppm', 'page')]);
    const ppmMs = performance.now() - p0;
    // One Chromium at a time from here on: each comparison run starts its own.
    await ws.print.browser.close();
    const printLayouts: number[] = [];
    while (printLayouts.length < COMPARISON_RUNS) {
      // A new Workspace each time: the same document would come from the layout cache.
      const again = await Workspace.open(workDir, { seed: false });
      try {
        await warmBrowser(again);
        printLayouts.push((await timedLayout(again, issueId, PRINT_IMAGE_PPI)).ms);
        log(`  layout with the print pictures: ${secs(printLayouts.at(-1) as number)}`);
      } finally {
        await again.print.browser.close();
        again.close();
      }
    }
    return {
      coldLayoutMs: cold.ms,
      layoutMs: warm.ms,
      engineMs: warm.report.elapsedMs,
      printLayouts,
      screenPdf: { ms: screenPdfMs, bytes: screenPdf.length },
      report: warm.report,
      coldPrint,
      printRun,
      proofRun,
      imagesRun,
      ppmMs,
      printFile: printRun.files.find((f) => f.endsWith('-in.pdf')) as string,
    };
  } finally {
    await ws.print.browser.close();
    ws.close();
  }
}

/** The page text inside the TrimBox only: the print PDF's sheets also carry a slug line outside it. */
function trimmedPdfPages(file: string): string[] {
  const info = execFileSync('pdfinfo', ['-box', '-f', '1', '-l', '1', file], { encoding: 'utf8' });
  const box = (name: string) => (new RegExp(`${name}:\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)`).exec(info) ?? []).slice(1).map(Number);
  const [, , , mediaTop = 0] = box('MediaBox');
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = box('TrimBox');
  const crop = ['-x', String(Math.ceil(x0)), '-y', String(Math.ceil(mediaTop - y1)), '-W', String(Math.floor(x1 - x0)), '-H', String(Math.floor(y1 - y0))];
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...crop, file, '-'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 }).split('\f');
}

/** Words per article, from the pages each engine gave it; the running head and folio of each page are not the article's. */
function textFit(pages: string[], pagesOf: Map<number, number[]>, sources: Map<number, string[]>, runningHead: string): Fit[] {
  return [...sources].map(([articleId, source]) => {
    const numbers = pagesOf.get(articleId) ?? [];
    const printed = numbers.flatMap((n) => words(pages[n - 1] ?? ''));
    return fitOf(source, printed, numbers.flatMap((n) => words(`${runningHead} ${n}`)));
  });
}

const loadStart = loadavg()[0] ?? 0;
let cache = readCache();
const reused = cache !== null;
if (!cache) {
  log(`generating the issue in ${cacheDir}`);
  cache = await generate();
} else {
  log(`reusing the cached issue in ${cacheDir} (generated ${cache.measuredAt})`);
}
const { issueId } = cache;
const workDir = mkdtempSync(join(tmpdir(), 'lnv-print-bench-work-'));
copyFileSync(join(cacheDir, DATABASE_FILE), join(workDir, DATABASE_FILE));
symlinkSync(join(cacheDir, 'assets'), join(workDir, 'assets'));
const outDir = join(workDir, 'out');

try {
  add(
    `Generate the issue: ${cache.pictures} pictures (A4 at 300 ppi, 2400×1600), 25 articles, plan through print.* calls${reused ? ` (cached; measured ${cache.measuredAt.slice(0, 16)})` : ''}`,
    secs(cache.generationMs),
    `pictures alone: ${secs(cache.pictureMs)} (${mib(cache.pictureBytes)} of JPEG)`,
    times(cache.generationMs / cache.pictureMs),
  );

  let ours: Ours | null = null;
  try {
    ours = await measureOurs(workDir, issueId, outDir);
  } catch (error) {
    log(`our engine failed: ${(error as Error).stack ?? String(error)}`);
    notes.push(`Our engine failed: ${(error as Error).message.split('\n')[0]}`);
  }

  // The baseline reads the same articles and the same resized pictures through the same workspace code.
  const ws = await Workspace.open(workDir, { seed: false });
  const { issue, flatplan: plan } = ws.printIssues.get(issueId);
  const profile = ws.catalog.profile();
  const runningHead = runningHeadText(profile.print.runningHead, profile.name, issue.number, issue.publishDate);
  const ranges = articleRanges(plan);
  const sources = new Map<number, string[]>();
  for (const r of ranges) {
    const a = ws.print.article(r.articleId);
    if (a) sources.set(r.articleId, sourceWords(a));
  }
  const totalWords = [...sources.values()].reduce((n, s) => n + s.length, 0);
  notes.push(`The issue: ${plan.pages.length} pages; ${ranges.length} articles on ${ARTICLE_PAGES.reduce((a, b) => a + b, 0)} pages (2–6 each) with ${totalWords.toLocaleString('en')} words to print (kicker, title, sapo, byline, body, intertitles, captions).`);
  // Resized before the clock starts, as they are for our second layout.
  const figureHashes = ranges.flatMap((r) =>
    articlePrintBlocks(ws.print.article(r.articleId)?.body ?? { type: 'doc' }, { asset: () => null, imageUrl: () => '' }).map((b) => (b.kind === 'figure' ? b.assetHash : null)),
  );
  for (const hash of new Set([...plan.pages.map((p) => p.assetHash), ...figureHashes])) {
    if (hash) await ws.print.resources.get(`assets/${hash}`, new URLSearchParams({ w: String(plan.pages.some((p) => p.assetHash === hash) ? PAGED_FULL_PAGE_PX : PAGED_IMAGE_PX) }));
  }
  log('Paged.js');
  const paged = await runPagedJs(ws, pagedDocument(ws, plan, runningHead), join(workDir, 'pagedjs.pdf'));
  log(`  ${paged.runs.map(secs).join(', ')} + PDF ${secs(paged.pdfMs)}, ${paged.pages} pages`);

  const pagedPagesOf = new Map<number, number[]>();
  paged.pageArticles.forEach((id, index) => id > 0 && pagedPagesOf.set(id, [...(pagedPagesOf.get(id) ?? []), index + 1]));
  const pagedPages = pdfPages(paged.pdfFile);
  const pagedFit = sumFits(textFit(pagedPages, pagedPagesOf, sources, runningHead));
  const titles = ranges.map((r) => ws.print.article(r.articleId)?.title ?? '');
  // Paged.js: cover, imprint, then the contents on as many pages as it needs before the first article.
  const pagedToc = Array.from({ length: Math.max(1, paged.pageArticles.findIndex((id) => id > 0) - 2) }, (_, i) => i + 3);
  const pagedTitles = titlesOn(pagedPages, pagedToc, titles);
  ws.close();
  const pagedMs = median(paged.runs);
  const pagedTotal = pagedMs + paged.pdfMs;

  if (ours) {
    const { coldPrint, printRun, proofRun, imagesRun } = ours;
    const oursPages = trimmedPdfPages(ours.printFile);
    const oursFit = sumFits(textFit(oursPages, new Map(ranges.map((r) => [r.articleId, r.pages])), sources, runningHead));
    const oursToc = plan.pages.flatMap((p, i) => (p.kind === 'toc' ? [i + 1] : []));
    const oursTitles = titlesOn(oursPages, oursToc, titles);
    const overset = ours.report.articles.filter((a) => a.oversetLines > 0 || a.oversetWords > 0 || a.oversetFigures.length > 0);
    const exportPeak = maxPeak([coldPrint.memory, printRun.memory, proofRun.memory, imagesRun.memory]);
    add(
      'Full layout of 100 pages (`ws.print.layout`, screen pictures): new Workspace, Chromium running, pictures resized; flow engine’s own time in brackets',
      `${secs(ours.layoutMs)} (${secs(ours.engineMs)})`,
      `first layout after opening (starts Chromium, resizes ${cache.pictures} pictures): ${secs(ours.coldLayoutMs)}`,
      times(ours.coldLayoutMs / ours.layoutMs),
    );
    const printLayoutMs = median(ours.printLayouts);
    add(
      `Layout vs Paged.js 0.4.3 paginating the same content, same Chromium, same print-resolution pictures (load → done; median of ${COMPARISON_RUNS})`,
      `${secs(printLayoutMs)} (${ours.printLayouts.map(secs).join(', ')})`,
      `Paged.js: ${secs(pagedMs)} (${paged.runs.map(secs).join(', ')}) for ${paged.pages} pages`,
      `${times(pagedMs / printLayoutMs)} faster`,
      '≥ 2× faster',
      verdict(pagedMs >= 2 * printLayoutMs),
    );
    add(
      'Print PDF export (`print`), whole job, first export: pictures resized for print on the way',
      secs(coldPrint.ms),
      `Paged.js pagination + page.pdf(): ${secs(pagedTotal)}`,
      `${times(coldPrint.ms / pagedTotal)} its time`,
      '≤ 20 s',
      verdict(coldPrint.ms <= 20_000),
    );
    add(
      'Print PDF export again (pictures already resized)',
      secs(printRun.ms),
      `Paged.js pagination + page.pdf(): ${secs(pagedTotal)}`,
      `${times(printRun.ms / pagedTotal)} its time`,
      '≤ 20 s',
      verdict(printRun.ms <= 20_000),
    );
    add('Proof PDF export (`proof`), whole job', secs(proofRun.ms), `print PDF export, same state: ${secs(printRun.ms)}`, times(proofRun.ms / printRun.ms));
    add(
      'Page images (`images`): 100 pages 1600 px high + thumbnails, whole job',
      secs(imagesRun.ms),
      `pdftoppm -scale-to 1600 -jpeg of our proof PDF: ${secs(ours.ppmMs)}`,
      times(imagesRun.ms / ours.ppmMs),
    );
    add(
      'Peak memory during our four exports (sampled every 200 ms)',
      memoryText(exportPeak),
      `Paged.js pagination + PDF: Chromium ${mib(paged.memory.chromiumPss)} PSS (${mib(paged.memory.chromiumRss)} RSS over ${paged.memory.processes} processes)`,
      `${times(exportPeak.chromiumPss / paged.memory.chromiumPss)} (Chromium PSS)`,
    );
    add(
      'Text fit: source words in the PDF exactly once (pdftotext, per article, word multisets)',
      pct(oursFit.once / oursFit.source),
      `Paged.js: ${pct(pagedFit.once / pagedFit.source)}`,
      '',
      'ours ≥ Paged.js',
      verdict(oursFit.once >= pagedFit.once),
    );
    add(
      'Contents page: article titles printed on it',
      `${oursTitles} of ${titles.length}`,
      `Paged.js: ${pagedTitles} of ${titles.length} (on ${pagedToc.length} page${pagedToc.length > 1 ? 's' : ''})`,
      '',
      'ours ≥ Paged.js',
      verdict(oursTitles >= pagedTitles),
    );
    add(
      'Overset articles (flow engine report)',
      `${overset.length} of ${ours.report.articles.length} (${overset.reduce((n, a) => n + a.oversetWords, 0)} words, ${overset.reduce((n, a) => n + a.oversetFigures.length, 0)} pictures)`,
      `Paged.js has no fixed pages: it made ${paged.pages} pages of the plan’s ${plan.pages.length}`,
    );
    const underset = ours.report.articles.map((a) => a.undersetLines);
    notes.push(
      `Print PDF export stages, pictures resized / first export: build + layout ${secs(stage(printRun, 'layout', 'pdf'))} / ${secs(stage(coldPrint, 'layout', 'pdf'))}, ` +
        `Chromium page.pdf() + font check ${secs(stage(printRun, 'pdf', 'marks'))} / ${secs(stage(coldPrint, 'pdf', 'marks'))}, ` +
        `pdf-lib sheets, crop marks, boxes + write ${secs(stage(printRun, 'marks', 'done'))} / ${secs(stage(coldPrint, 'marks', 'done'))}. ` +
        `Print PDF ${mib(statSync(ours.printFile).size)}; Paged.js PDF ${mib(statSync(paged.pdfFile).size)}. ` +
        `The same pages with the screen pictures (${SCREEN_IMAGE_PPI} ppi) print from Chromium in ${secs(ours.screenPdf.ms)} (${mib(ours.screenPdf.bytes)}); print pictures are ${PRINT_IMAGE_PPI} ppi at the size of their boxes.`,
      `Proof export stages: layout ${secs(stage(proofRun, 'layout', 'pdf'))}, Chromium PDF ${secs(stage(proofRun, 'pdf', 'proof'))}, proof pages + write ${secs(stage(proofRun, 'proof', 'done'))}. ` +
        `Page images: their own layout with 160 ppi pictures ${secs(stage(imagesRun, 'layout', 'images'))}, 100 Chromium JPEGs at their final size + thumbnails ${secs(stage(imagesRun, 'images', 'done'))}.`,
      `Text fit in words, ours / Paged.js: ${oursFit.once} / ${pagedFit.once} of ${oursFit.source} printed exactly once; ${oursFit.lost} / ${pagedFit.lost} lost; ${oursFit.doubled} / ${pagedFit.doubled} extra copies.`,
      `Empty space left after each article: median ${median(underset)} lines, max ${Math.max(...underset)} (a page holds ${profile.print.columns * Math.floor((profile.print.trimHeightMm - profile.print.marginTopMm - profile.print.marginBottomMm) / profile.print.baselineMm)} lines).`,
    );
  } else {
    add('Layout vs Paged.js 0.4.3 paginating the same content', 'failed', `Paged.js: ${secs(pagedMs)} (${paged.pages} pages)`, '', '≥ 2× faster', verdict(false));
    add('Text fit: source words in the PDF exactly once', 'failed', `Paged.js: ${pct(pagedFit.once / pagedFit.source)}`, '', 'ours ≥ Paged.js', verdict(false));
  }
  notes.push(
    `Paged.js ran with the same page size, margins, fonts (TTF via @font-face), running head, folio and 3 columns, without bleed or crop marks (less work than ours); its contents page uses target-counter() for page numbers. Its page.pdf() took ${secs(paged.pdfMs)}.`,
  );
  if (!existsSync(join(repoRoot, 'dist', 'print', 'page-layout.js'))) {
    const esbuild = await import('esbuild');
    const t0 = performance.now();
    await esbuild.build({ entryPoints: [join(repoRoot, 'renderer', 'page-layout', 'page-layout-runtime.ts')], bundle: true, format: 'iife', write: false, logLevel: 'silent' });
    notes.push(`dist/print/page-layout.js is not built, so every layout above bundled the flow runtime from source with esbuild first (${(performance.now() - t0).toFixed(0)} ms each time, measured separately); \`npm run build\` removes that.`);
  }

  const totalMs = performance.now() - benchStarted;
  const loadEnd = loadavg()[0] ?? 0;
  const header = [
    '# LNV Desk print benchmark',
    '',
    `${new Date().toISOString()} · ${plan.pages.length}-page issue, ${ranges.length} articles, ${cache.pictures} pictures · ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'} · Node ${process.version} · Chromium ${paged.version} · ` +
      `load average ${loadStart.toFixed(2)} at start, ${loadEnd.toFixed(2)} at end · bench run ${secs(totalMs)}${reused ? ' (issue reused from cache)' : ''}`,
    '',
  ];
  const report = [...header, ...table.lines(), '', '## Notes', '', ...notes.map((n) => `- ${n}`), ''].join('\n');
  process.stdout.write(`${report}\n`);
  writeFileSync(join(repoRoot, 'tests', 'bench', 'print-last-run.md'), report);
} finally {
  rmSync(workDir, { recursive: true, force: true });
  if (values.fresh) rmSync(cacheDir, { recursive: true, force: true });
}
