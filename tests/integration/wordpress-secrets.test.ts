import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract.js';
import { DeskError } from '../../shared/errors.js';
import { createHandlers } from '../../electron/services/desk-handlers.js';
import { createDispatcher } from '../../electron/services/dispatcher.js';
import { DATABASE_FILE, Workspace } from '../../electron/services/workspace/workspace.js';
import { makePublishableArticles } from '../support/publish-fixtures.js';
import { runCli, type CliResult } from '../support/run-cli.js';
import { filesHolding, secretForms } from '../support/secret-scan.js';
import { tempDir } from '../support/temp-dir.js';
import { startWordPress, type WordPressSite } from '../support/wordpress.js';

/**
 * After a working day with a site (connecting from the app and the command line, a mistyped
 * password, publishing, the site going offline, a refusal), the application passwords are in the
 * private credential store and nowhere else in the data folder, nor in any output or message.
 */

let wp: WordPressSite;
let dataDir: string;
let ws: Workspace;
let call: <N extends CallName>(name: N, input: CallInput<N>) => Promise<CallOutput<N>>;
const logged: unknown[] = [];

beforeAll(async () => {
  wp = await startWordPress({ prettyPermalinks: true });
  dataDir = tempDir('lnv-secrets-');
  // Held open through the test, so what the desk wrote is still in the WAL when the folder is read.
  ws = await Workspace.open(dataDir);
  const dispatch = createDispatcher(createHandlers(ws), (error) => logged.push(error));
  call = (name, input) => dispatch(name, input) as never;
}, 120_000);

afterAll(async () => {
  ws?.close();
  await wp?.stop();
});

async function messageOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return DeskError.is(error) ? `${error.message} ${JSON.stringify(error.details ?? null)}` : String(error);
  }
  throw new Error('expected a refusal');
}

describe('application passwords', () => {
  it('are kept in the private credential store only: not in SQLite or its WAL, not in output, errors or logs', async () => {
    // Shaped like a real application password, one group mistyped.
    const mistyped = `${wp.author.appPassword.slice(0, -4)}Zz9Q`;
    const outputs: CliResult[] = [];
    const messages: string[] = [];
    const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => {
      const result = runCli([...args, '--data', dataDir], env);
      outputs.push(result);
      return result;
    };

    const admin = JSON.parse(cli(['site', 'add', wp.url, '--user', wp.admin.username, '--json'], { LNV_DESK_SITE_PASSWORD: wp.admin.appPassword }).stdout) as { id: number };
    expect(cli(['site', 'add', wp.url, '--user', wp.author.username], { LNV_DESK_SITE_PASSWORD: mistyped }).status).toBe(1);
    messages.push(await messageOf(call('sites.connect', { url: wp.url, username: wp.author.username, password: mistyped })));
    const contributor = await call('sites.connect', { url: wp.url, username: wp.contributor.username, password: wp.contributor.appPassword });

    const [first, second] = await makePublishableArticles(call, 2, { seed: 42 });
    expect(cli(['publish', String(first!.id), '--site', String(admin.id)]).status).toBe(0);
    await wp.goOffline();
    const waiting = await call('outbox.enqueue', { articleId: second!.id, siteId: admin.id });
    await ws.outboxRunner.drain();
    cli(['outbox', 'list']);
    await wp.comeBack();
    await call('outbox.retry', { id: waiting.id });
    await ws.outboxRunner.drain();
    const refused = await call('outbox.enqueue', { articleId: second!.id, siteId: contributor.id });
    await ws.outboxRunner.drain();
    expect(cli(['site', 'check', String(admin.id)]).status).toBe(0);
    const jobs = await call('outbox.list', {});
    expect(jobs.find((j) => j.id === waiting.id)).toMatchObject({ state: 'done' });
    expect(jobs.find((j) => j.id === refused.id)).toMatchObject({ state: 'failed' });
    messages.push(...jobs.map((j) => j.lastError ?? ''));

    const secrets = [
      ...secretForms(wp.admin.username, wp.admin.appPassword),
      ...secretForms(wp.contributor.username, wp.contributor.appPassword),
      ...secretForms(wp.author.username, mistyped),
    ];
    const said = [...outputs.flatMap((o) => [o.stdout, o.stderr]), ...messages, ...logged.map(String)].join('\n');
    for (const secret of secrets) expect(said).not.toContain(secret.toString());
    expect(existsSync(join(dataDir, `${DATABASE_FILE}-wal`)), 'the WAL is there to be read').toBe(true);
    expect(filesHolding(dataDir, secrets)).toEqual([{ file: 'credentials.json', mode: 0o600 }]);
  });
});
