import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UpdateState } from '../../shared/app-update.js';
import { openAppLog } from '../../electron/services/app-log.js';
import { createHandlers } from '../../electron/services/desk-handlers.js';
import { browserShell, type DesktopShell } from '../../electron/services/desktop-shell.js';
import { Workspace } from '../../electron/services/workspace/workspace.js';
import { startDeskHost, type DeskHost } from '../e2e/desk-host.js';
import { repoRoot } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

const PASSWORD = 'abcd EFGH 1234 ijkl MNOP 5678';
const USER = 'bientap';

/** A "WordPress" that refuses the password and, carelessly, repeats it and the Authorization header in its error. */
function leakyWordPress(): Promise<{ url: string; close(): Promise<void> }> {
  let origin = '';
  const server: Server = createServer((req, res) => {
    if (req.method === 'HEAD') {
      res.writeHead(200, { Link: `<${origin}/wp-json/>; rel="https://api.w.org/"` });
      res.end();
      return;
    }
    if (req.url?.startsWith('/wp-json/wp/v2/users/me')) {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      const sent = req.headers.authorization ?? '';
      const decoded = Buffer.from(sent.replace(/^Basic /, ''), 'base64').toString('utf8');
      res.end(JSON.stringify({ code: 'invalid_application_password', message: `Sai mật khẩu ${decoded} (${sent})` }));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ name: 'Trang thử' }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve({ url: `${origin}/`, close: () => new Promise((done) => server.close(() => done())) });
    }),
  );
}

async function call(host: DeskHost, name: string, input: unknown): Promise<{ ok: boolean; result?: unknown; error?: { code: string; message: string } }> {
  const { origin, hash } = new URL(host.url);
  const token = hash.replace('#token=', '');
  const response = await fetch(`${origin}/api/call/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  return (await response.json()) as { ok: boolean; result?: unknown; error?: { code: string; message: string } };
}

const readLogs = (dataDir: string) =>
  readdirSync(join(dataDir, 'logs'))
    .map((f) => readFileSync(join(dataDir, 'logs', f), 'utf8'))
    .join('\n');

describe('the browser host: log, updates and folders', () => {
  let host: DeskHost;
  let site: Awaited<ReturnType<typeof leakyWordPress>>;
  beforeAll(async () => {
    host = await startDeskHost();
    site = await leakyWordPress();
  });
  afterAll(async () => {
    await host?.stop();
    await site?.close();
  });

  it('writes its startup to <data>/logs/desk.log', () => {
    const log = readFileSync(join(host.dataDir, 'logs', 'desk.log'), 'utf8');
    expect(log).toMatch(/\[info\]\s+\(host\) desk serve — LNV Desk \d+\.\d+\.\d+/);
    expect(log).toMatch(/Máy chủ trình duyệt chạy tại http:\/\/127\.0\.0\.1:\d+\//);
    // The session token opens the API: it never goes to the log.
    expect(log).not.toContain(new URL(host.url).hash.replace('#token=', ''));
  });

  it('logs a failing call without the site password, even when the site repeats it', async () => {
    const answer = await call(host, 'sites.connect', { url: site.url, username: USER, password: PASSWORD });
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe('unauthorized');
    const log = readLogs(host.dataDir);
    expect(log).toContain('Lệnh sites.connect lỗi (unauthorized)');
    expect(log).toContain('[ẩn]');
    for (const secret of [PASSWORD, encodeURIComponent(PASSWORD), Buffer.from(`${USER}:${PASSWORD}`).toString('base64'), 'EFGH 1234']) {
      expect(log).not.toContain(secret);
    }
  });

  it('answers the update calls plainly: updates belong to the desktop app', async () => {
    for (const name of ['app.update.status', 'app.update.check', 'app.update.download']) {
      const answer = await call(host, name, {});
      expect(answer.ok, name).toBe(true);
      expect(answer.result, name).toMatchObject({ phase: 'unsupported', message: expect.stringContaining('do ứng dụng LNV Desk trên máy tính đảm nhận') });
    }
    const install = await call(host, 'app.update.install', {});
    expect(install.result).toMatchObject({ installing: false, reasons: [] });
  });

  it('tells where the logs are instead of opening a folder', async () => {
    const answer = await call(host, 'app.folder.open', { folder: 'logs' });
    expect(answer.result).toEqual({ path: join(host.dataDir, 'logs'), opened: false });
    expect((await call(host, 'app.folder.open', { folder: '../../etc' })).error?.code).toBe('invalid_input');
  });
});

describe('install policy on a real workspace', () => {
  const downloaded: UpdateState = { phase: 'downloaded', currentVersion: '0.1.0', version: '0.2.0', releaseNotes: null, percent: 100, message: null };

  it('refuses to restart while an outbox job is being sent, and installs once it is done', async () => {
    let installs = 0;
    const shell: DesktopShell = { ...browserShell('0.1.0'), updateState: () => downloaded, installUpdate: () => void (installs += 1) };
    const ws = await Workspace.open(tempDir(), { shell });
    try {
      const handlers = createHandlers(ws);
      const articleId = ws.articles.list({ trash: false, sort: 'updated', order: 'desc', offset: 0, limit: 1 }).items[0]!.id;
      const site = ws.sites.save({ url: 'https://example.vn/', username: USER, apiRoot: 'https://example.vn/wp-json/', siteName: 'Thử', userName: USER, roles: [], can: { publish: true } as never });
      const job = ws.outbox.enqueue({ articleId, siteId: site.id, action: 'publish', publishStatus: 'publish', scheduledAt: null, overwrite: false, createdBy: USER });
      expect(ws.outbox.markSending(job.id)).toBe(true);

      const refused = await handlers['app.update.install']({});
      expect(refused).toMatchObject({ installing: false, reasons: [{ kind: 'publish', count: 1 }] });
      expect(refused.message).toContain('đang gửi bài lên web (1 việc)');
      expect(installs).toBe(0);

      ws.outbox.markDone(job.id, 'https://example.vn/bai-1/');
      expect(await handlers['app.update.install']({})).toMatchObject({ installing: true, reasons: [] });
      expect(installs).toBe(1);
    } finally {
      ws.close();
    }
  });
});

describe('crash reports and rotation', () => {
  it('an uncaught error ends the process with a JSON report in <data>/crash-reports, masked, and the stack in the log', () => {
    const dataDir = tempDir();
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'tests/integration/fixtures/crash-process.ts', dataDir], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Báo cáo lỗi:');
    const reports = readdirSync(join(dataDir, 'crash-reports'));
    expect(reports).toHaveLength(1);
    const report = JSON.parse(readFileSync(join(dataDir, 'crash-reports', reports[0]!), 'utf8')) as Record<string, unknown> & { error: { message: string; stack: string } };
    expect(report).toMatchObject({ kind: 'uncaughtException', process: 'host', appVersion: expect.any(String), platform: process.platform });
    expect(report.error.message).toBe('Không đọc được trang 7: [ẩn]');
    expect(report.error.stack).toContain('crash-process.ts');
    const log = readLogs(dataDir);
    expect(log).toContain('Lỗi không được xử lý (uncaughtException)');
    expect(log).toContain('crash-process.ts');
    expect(`${log}${JSON.stringify(report)}`).not.toContain('Mat-khau-rat-bi-mat-42');
  });

  it('rotates the log by size and keeps the last few files', () => {
    const dataDir = tempDir();
    const log = openAppLog(dataDir, 'cli', { maxBytes: 2_000, keep: 3 });
    for (let i = 0; i < 200; i += 1) log.info(`Dòng nhật ký số ${i} — xuất số 456`);
    const files = readdirSync(join(dataDir, 'logs')).sort();
    expect(files).toEqual(['desk.1.log', 'desk.2.log', 'desk.3.log', 'desk.log']);
    for (const file of files) expect(readFileSync(join(dataDir, 'logs', file)).length).toBeLessThanOrEqual(2_200);
    expect(readFileSync(join(dataDir, 'logs', 'desk.log'), 'utf8')).toContain('Dòng nhật ký số 199');
    expect(existsSync(join(dataDir, 'logs', 'desk.4.log'))).toBe(false);
  });
});
