import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { integrityCheck } from '../../electron/services/store/database.js';
import { Workspace } from '../../electron/services/workspace/workspace.js';
import { prng } from '../bench/vietnamese-corpus.js';
import { repoRoot } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * Kills a process that is saving articles (SIGKILL, no chance to clean up) at random moments and
 * checks that every save it acknowledged is in the database afterwards, and that the file is intact.
 */

const FIXTURE = join('tests', 'integration', 'fixtures', 'save-loop.ts');

interface Saved {
  seq: number;
  hash: string;
}

interface RunOutput {
  acks: Map<number, Saved>;
  /** The save that was running when the process died (at most one: saves are sequential). */
  inflight: { id: number | null; seq: number; hash: string } | null;
  ackCount: number;
  stderr: string;
}

/** Starts the save loop and kills it with SIGKILL 50–400 ms after its first acknowledgement. */
function runAndKill(dataDir: string, run: number, rng: () => number, env: NodeJS.ProcessEnv = {}): Promise<RunOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dataDir, String(run), String(Math.floor(rng() * 1e9))], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (!killTimer && stdout.includes('\nACK ')) {
        killTimer = setTimeout(() => child.kill('SIGKILL'), 50 + Math.floor(rng() * 350));
      }
    });
    child.once('error', reject);
    // 'close' fires after stdout has been read to the end: every line written before the kill.
    child.once('close', (code, signal) => {
      clearTimeout(guard);
      clearTimeout(killTimer);
      if (signal !== 'SIGKILL') {
        reject(new Error(`save loop ended by itself (code ${code}, signal ${signal}):\n${stderr}`));
        return;
      }
      const acks = new Map<number, Saved>();
      let inflight: RunOutput['inflight'] = null;
      let ackCount = 0;
      // A line cut by the kill has no newline: only whole lines count.
      const lines = stdout.split('\n').slice(0, -1);
      for (const line of lines) {
        const [kind, idText, seqText, hash] = line.split(' ');
        if (!hash || !seqText || !idText) continue;
        const seq = Number(seqText);
        if (kind === 'BEGIN') inflight = { id: idText === 'new' ? null : Number(idText), seq, hash };
        if (kind === 'ACK') {
          acks.set(Number(idText), { seq, hash });
          ackCount += 1;
          if (inflight?.seq === seq) inflight = null;
        }
      }
      resolve({ acks, inflight, ackCount, stderr });
    });
  });
}

const hashOf = (title: string, bodyText: string) => createHash('sha256').update(`${title}\u0000${bodyText}`).digest('hex');

/**
 * Compares the database with what was acknowledged so far. `expected` holds, per article, the latest
 * acknowledged save; a row may also hold the save that was in flight at the kill (it may have
 * committed just before the process died), never anything older. Returns the problems found.
 */
async function verify(dataDir: string, expected: Map<number, Saved>, inflight: RunOutput['inflight']): Promise<string[]> {
  const problems: string[] = [];
  const ws = await Workspace.open(dataDir, { seed: false });
  try {
    const integrity = integrityCheck(ws.db);
    if (integrity.join() !== 'ok') problems.push(`integrity_check: ${integrity.join('; ')}`);
    try {
      ws.db.prepare("INSERT INTO article_search (article_search) VALUES ('integrity-check')").run();
    } catch (error) {
      problems.push(`search index integrity-check: ${(error as Error).message}`);
    }
    const rowOf = ws.db.prepare('SELECT a.title, b.body_text AS bodyText FROM articles a JOIN article_bodies b ON b.article_id = a.id WHERE a.id = ?');
    for (const [id, saved] of expected) {
      const row = rowOf.get(id) as { title: string; bodyText: string } | undefined;
      if (!row) {
        problems.push(`article ${id}: acknowledged (save #${saved.seq}) but missing`);
        continue;
      }
      const storedSeq = Number(/#(\d+)$/.exec(row.title)?.[1] ?? NaN);
      const storedHash = hashOf(row.title, row.bodyText);
      if (storedSeq === saved.seq) {
        if (storedHash !== saved.hash) problems.push(`article ${id}: save #${saved.seq} stored with different content`);
      } else if (inflight && inflight.id === id && storedSeq === inflight.seq) {
        if (storedHash !== inflight.hash) problems.push(`article ${id}: in-flight save #${storedSeq} stored with different content`);
        else expected.set(id, { seq: inflight.seq, hash: inflight.hash });
      } else {
        problems.push(`article ${id}: acknowledged save #${saved.seq} but the database holds #${storedSeq}`);
        continue;
      }
      // The search index must be in step with the row: the row's own token finds it.
      const token = `k${storedSeq}q`;
      const hits = ws.search.search({ query: token, offset: 0, limit: 5 }).items.map((h) => h.article.id);
      if (!hits.includes(id)) problems.push(`article ${id}: search for ${token} does not find it`);
    }
  } finally {
    ws.close();
  }
  return problems;
}

describe('crash safety', () => {
  it('keeps every acknowledged save through 20 SIGKILLs in a row on the same data folder', async () => {
    const dataDir = tempDir('lnv-crash-');
    const seed = Date.now() % 1_000_000;
    const rng = prng(seed);
    const expected = new Map<number, Saved>();
    let acknowledged = 0;
    let killedMidSave = 0;
    for (let run = 1; run <= 20; run++) {
      const out = await runAndKill(dataDir, run, rng);
      expect(out.ackCount, `run ${run} acknowledged nothing:\n${out.stderr}`).toBeGreaterThan(0);
      acknowledged += out.ackCount;
      if (out.inflight) killedMidSave += 1;
      for (const [id, saved] of out.acks) expected.set(id, saved);
      const problems = await verify(dataDir, expected, out.inflight);
      expect(problems, `run ${run} (seed ${seed})`).toEqual([]);
    }
    // Enough saves happened for the kills to land in all sorts of places.
    expect(acknowledged).toBeGreaterThan(200);
    expect(expected.size).toBeGreaterThan(3);
    expect(killedMidSave, 'kills that landed while a save was running').toBeGreaterThanOrEqual(5);
  }, 90_000);

  it('catches a client that acknowledges before the save is committed', async () => {
    const dataDir = tempDir('lnv-crash-early-');
    const rng = prng(99);
    const expected = new Map<number, Saved>();
    let caught: string[] = [];
    for (let run = 1; run <= 10 && caught.length === 0; run++) {
      const out = await runAndKill(dataDir, run, rng, { LNV_SAVE_LOOP_ACK_EARLY: '1' });
      for (const [id, saved] of out.acks) expected.set(id, saved);
      caught = await verify(dataDir, expected, out.inflight);
    }
    expect(caught.join('\n')).toMatch(/acknowledged save #\d+ but the database holds/);
  }, 60_000);
});
