import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract.js';
import { DeskError } from '../../shared/errors.js';
import { createHandlers } from '../../electron/services/desk-handlers.js';
import { createDispatcher } from '../../electron/services/dispatcher.js';
import { Workspace } from '../../electron/services/workspace/workspace.js';
import { startWordPress, type WordPressSite } from '../support/wordpress.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

let pretty: WordPressSite;
let plain: WordPressSite;
let ws: Workspace;
let call: <N extends CallName>(name: N, input: CallInput<N>) => Promise<CallOutput<N>>;
let notWordPress: Server;
let notWordPressUrl: string;

beforeAll(async () => {
  [pretty, plain] = await Promise.all([startWordPress({ prettyPermalinks: true }), startWordPress({ prettyPermalinks: false })]);
  ws = await Workspace.open(tempDir('lnv-sites-'), { seed: false });
  const dispatch = createDispatcher(createHandlers(ws), () => {});
  call = (name, input) => dispatch(name, input) as never;
  notWordPress = createServer((_req, res) => res.end('<html><body>Trang tĩnh</body></html>'));
  await new Promise<void>((r) => notWordPress.listen(0, '127.0.0.1', r));
  notWordPressUrl = `http://127.0.0.1:${(notWordPress.address() as { port: number }).port}`;
}, 120_000);

afterAll(async () => {
  ws?.close();
  notWordPress?.close();
  await Promise.all([pretty?.stop(), plain?.stop()]);
});

async function rejection(promise: Promise<unknown>): Promise<DeskError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DeskError) return error;
    throw error;
  }
  throw new Error('expected a DeskError');
}

describe('connecting a WordPress site', () => {
  it('finds the API from the Link header on /wp-json/ and ?rest_route= sites and shows the site name', async () => {
    const a = await call('sites.connect', { url: pretty.url, username: pretty.admin.username, password: pretty.admin.appPassword });
    expect(a).toMatchObject({ siteName: 'Làng nghề Việt (thử nghiệm)', apiRoot: `${pretty.url}/wp-json/`, can: { publish: true, upload: true, createCategories: true } });
    const b = await call('sites.connect', { url: `${plain.url}/`, username: plain.admin.username, password: plain.admin.appPassword });
    expect(b.apiRoot.startsWith(plain.url)).toBe(true);
    expect(b.apiRoot.endsWith('?rest_route=/')).toBe(true);
    expect((await call('sites.list', {})).map((s) => s.id)).toEqual([a.id, b.id]);
  });

  it('knows what an author and a contributor may do, from WordPress itself', async () => {
    const author = await call('sites.connect', { url: pretty.url, username: pretty.author.username, password: pretty.author.appPassword });
    expect(author).toMatchObject({ userName: 'Phóng viên Hoàng Lan', roles: ['author'], can: { publish: true, upload: true, createCategories: false } });
    const contributor = await call('sites.connect', { url: pretty.url, username: pretty.contributor.username, password: pretty.contributor.appPassword });
    expect(contributor.can).toEqual({ publish: false, upload: false, createCategories: false });
  });

  it('says in Vietnamese when the password is wrong, the site is down or is not WordPress, and saves nothing', async () => {
    const before = (await call('sites.list', {})).length;
    const wrong = await rejection(call('sites.connect', { url: pretty.url, username: 'admin', password: 'sai-mat-khau-bi-mat' }));
    expect(wrong.code).toBe('unauthorized');
    expect(wrong.message).toContain('sai tên người dùng hoặc mật khẩu ứng dụng');
    expect(wrong.message).not.toContain('sai-mat-khau-bi-mat');
    const down = await rejection(call('sites.connect', { url: 'http://127.0.0.1:9', username: 'admin', password: 'x' }));
    expect(down).toMatchObject({ code: 'site_unreachable', message: expect.stringContaining('Không kết nối được tới 127.0.0.1:9') });
    const html = await rejection(call('sites.connect', { url: notWordPressUrl, username: 'admin', password: 'x' }));
    expect(html).toMatchObject({ code: 'site_error', message: expect.stringContaining('không phải trang WordPress') });
    expect(await rejection(call('sites.connect', { url: 'ftp://example.vn', username: 'a', password: 'b' }))).toMatchObject({ code: 'invalid_input' });
    expect((await call('sites.list', {})).length).toBe(before);
  });

  it('connects from the command line without the password on the command line', () => {
    const data = tempDir('lnv-cli-site-');
    const added = runCli(['site', 'add', pretty.url, '--user', pretty.author.username, '--json', '--data', data], { LNV_DESK_SITE_PASSWORD: pretty.author.appPassword });
    expect(added.status).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ siteName: 'Làng nghề Việt (thử nghiệm)', roles: ['author'] });
    expect(runCli(['site', 'list', '--data', data]).stdout).toContain('Phóng viên Hoàng Lan [author]');
    const wrong = runCli(['site', 'add', pretty.url, '--user', 'admin', '--data', data], { LNV_DESK_SITE_PASSWORD: 'khong-dung' });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('Đăng nhập');
  });

  it('keeps the application password out of the database, in a file only the user can read', async () => {
    const site = await call('sites.connect', { url: pretty.url, username: pretty.admin.username, password: pretty.admin.appPassword });
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    const dbBytes = readFileSync(ws.databasePath).toString('latin1');
    expect(dbBytes).not.toContain(pretty.admin.appPassword);
    const credentials = join(ws.dataDir, 'credentials.json');
    expect(statSync(credentials).mode & 0o777).toBe(0o600);
    expect(readFileSync(credentials, 'utf8')).toContain(pretty.admin.appPassword);
    expect((await call('sites.check', { id: site.id })).can.publish).toBe(true);
    await call('sites.remove', { id: site.id });
    expect(readFileSync(credentials, 'utf8')).not.toContain(pretty.admin.appPassword);
  });
});
