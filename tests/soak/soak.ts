/**
 * The full soak (about a working day of one desk, in fast forward): 10,000 saves and 1,000
 * publish jobs against the local WordPress, the host killed 20 times. Not part of `npm test`,
 * which runs a tenth of it (tests/integration/soak.test.ts). Writes its figures to
 * tests/soak/last-run.md and exits 1 if anything was lost, doubled, stuck or leaking.
 *
 *   npm run test:soak [-- --saves N --jobs N --kills N --articles N]   (LNV_SOAK_SEED=n replays a run)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startWordPress } from '../support/wordpress.js';
import { RSS_MARGIN, runSoak } from './soak-core.js';

const { values } = parseArgs({
  options: {
    saves: { type: 'string', default: '10000' },
    jobs: { type: 'string', default: '1000' },
    kills: { type: 'string', default: '20' },
    articles: { type: 'string', default: '40' },
  },
});
const seed = Number(process.env.LNV_SOAK_SEED) || Date.now() % 1_000_000;
const began = performance.now();
const log = (line: string) => process.stderr.write(`[soak ${((performance.now() - began) / 1000).toFixed(0)}s] ${line}\n`);

const wp = await startWordPress({ prettyPermalinks: true });
const dataDir = mkdtempSync(join(tmpdir(), 'lnv-soak-'));
try {
  const report = await runSoak(wp, dataDir, {
    saves: Number(values.saves),
    jobs: Number(values.jobs),
    kills: Number(values.kills),
    articles: Number(values.articles),
    editors: 3,
    seed,
    warmupSaves: 100,
    sampleEvery: 25,
    log,
  });
  const lines = [
    '# LNV Desk soak',
    '',
    `${new Date().toISOString()} · seed ${report.seed} · ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'} · Node ${process.version} · WordPress 6.1 (Debian) on PHP's built-in server`,
    '',
    '| Measure | Figure |',
    '|---|---|',
    `| Duration | ${report.durationS} s |`,
    `| Saves acknowledged | ${report.savesAcked} (${report.savesPerS}/s while editing) |`,
    `| Publish jobs | ${report.jobsEnqueued} queued, ${report.jobsDone} done |`,
    `| Kills (SIGKILL) | ${report.kills} (${report.killsAimed} as the site wrote an update): ${report.killsMidSave} with a save on the wire, ${report.killsMidSend} with a job being sent |`,
    `| On the site | ${report.posts} posts, ${report.media} media items |`,
    `| Host RSS, median of first / last quarter (${report.rssSamples} samples) | ${report.rssFirstQuarterMiB} / ${report.rssLastQuarterMiB} MiB (limit +${RSS_MARGIN * 100} %; all samples ${report.rssMinMiB}–${report.rssMaxMiB} MiB) |`,
    `| Problems | ${report.problems.length === 0 ? 'none' : report.problems.length} |`,
    '',
    ...report.problems.map((p) => `- ${p}`),
  ];
  writeFileSync(new URL('last-run.md', import.meta.url), `${lines.join('\n')}\n`);
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exitCode = report.problems.length === 0 ? 0 : 1;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
  await wp.stop();
}
