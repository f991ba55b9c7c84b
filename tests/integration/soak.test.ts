import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RSS_MARGIN, runSoak } from '../soak/soak-core.js';
import { tempDir } from '../support/temp-dir.js';
import { startWordPress, type WordPressSite } from '../support/wordpress.js';

/**
 * A tenth of the soak (tests/soak/soak.ts, `npm run test:soak`): `desk serve` driven over HTTP by
 * three editors saving and a publisher queueing jobs, killed five times at seeded random moments
 * (two of them while the site is writing a post update). LNV_SOAK_SEED=n replays a run.
 */

let wp: WordPressSite;

beforeAll(async () => {
  wp = await startWordPress({ prettyPermalinks: true });
}, 120_000);

afterAll(async () => {
  await wp?.stop();
});

describe('soak', () => {
  it('1,000 saves and 100 publish jobs with the host killed 5 times: nothing lost, one post per article, memory flat', async () => {
    const seed = Number(process.env.LNV_SOAK_SEED) || Date.now() % 1_000_000;
    const report = await runSoak(wp, tempDir('lnv-soak-'), {
      saves: 1000,
      jobs: 100,
      kills: 5,
      articles: 10,
      editors: 3,
      seed,
      warmupSaves: 50,
      sampleEvery: 10,
    });
    expect(report.problems, `seed ${seed}`).toEqual([]);
    expect(report).toMatchObject({ savesAcked: 1000, jobsDone: report.jobsEnqueued, kills: 5, posts: 10, media: 10 });
    expect(report.jobsEnqueued).toBeGreaterThanOrEqual(100);
    // The kills met the host at work: some while the site was writing one of its updates.
    expect(report.killsAimed).toBeGreaterThan(0);
    expect(report.rssLastQuarterMiB).toBeLessThanOrEqual(report.rssFirstQuarterMiB * (1 + RSS_MARGIN));
  }, 300_000);
});
