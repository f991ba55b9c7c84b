/**
 * Child process for the memory figure of the benchmark: loads the app's modules, optionally opens
 * a workspace (and the local host over it), prints READY, and waits to be stopped. The parent reads
 * this process's VmRSS from /proc.
 *
 *   node --import tsx tests/bench/rss-probe.ts bare|workspace|host <dataDir>
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createHandlers } from '../../electron/services/desk-handlers.js';
import { createDispatcher } from '../../electron/services/dispatcher.js';
import { Workspace } from '../../electron/services/workspace/workspace.js';
import { startHost } from '../../electron/host/host-server.js';

const [mode, dataDir] = process.argv.slice(2);
const started = performance.now();
let stop: () => Promise<void> = async () => {};

if (mode === 'bare') {
  // The same runtime with the SQLite driver loaded, nothing opened.
  new Database(':memory:').close();
} else if (mode === 'workspace' || mode === 'host') {
  if (!dataDir) throw new Error('data dir missing');
  const ws = await Workspace.open(dataDir, { seed: false });
  // What the desk shows first: the article list.
  ws.articles.list({ trash: false, sort: 'updated', order: 'desc', offset: 0, limit: 100 });
  let closeHost = async () => {};
  if (mode === 'host') {
    const rendererDir = mkdtempSync(join(tmpdir(), 'lnv-probe-renderer-'));
    process.on('exit', () => rmSync(rendererDir, { recursive: true, force: true }));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>probe</title>');
    const host = await startHost({ desk: { workspace: ws, events: ws.events, dispatch: createDispatcher(createHandlers(ws)) }, rendererDir, port: 0 });
    closeHost = () => host.close();
  }
  stop = async () => {
    await closeHost();
    ws.close();
  };
} else {
  throw new Error(`unknown mode ${mode}`);
}

process.stdout.write(`READY ${(performance.now() - started).toFixed(1)} ${process.memoryUsage().rss}\n`);
process.once('SIGTERM', () => {
  void stop().then(() => process.exit(0));
});
setInterval(() => {}, 1 << 30);
