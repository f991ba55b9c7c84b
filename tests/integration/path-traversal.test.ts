import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/host-server.js';
import { createHandlers } from '../../electron/services/desk-handlers.js';
import { createDispatcher } from '../../electron/services/dispatcher.js';
import { Workspace } from '../../electron/services/workspace/workspace.js';
import { slugify } from '../../shared/text/vietnamese.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

let ws: Workspace;
let host: RunningHost;

beforeAll(async () => {
  const rendererDir = tempDir('lnv-traversal-renderer-');
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>LNV Desk</title>');
  ws = await Workspace.open(tempDir('lnv-traversal-'));
  const dispatch = createDispatcher(createHandlers(ws), () => {});
  host = await startHost({ desk: { events: ws.events, dispatch, workspace: ws }, rendererDir });
});

afterAll(async () => {
  await host.close();
  ws.close();
});

/** A GET with the path sent byte for byte: fetch() would resolve the dots before they reach the host. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolveGet, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: 'GET', headers: { Host: `127.0.0.1:${host.port}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolveGet({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

const ESCAPES = [
  '../workspace.sqlite',
  '..%2fworkspace.sqlite',
  '%2e%2e%2f%2e%2e%2fpackage.json',
  '..%5c..%5cworkspace.sqlite',
  '..\\..\\workspace.sqlite',
  'C:%5cWindows%5cwin.ini',
  'C:/Windows/win.ini',
  '%2fetc%2fpasswd',
  `${'a'.repeat(64)}%00.png`,
  `${'a'.repeat(64)}/../../workspace.sqlite`,
];

describe('names that try to leave their folder', () => {
  it('are refused in picture and print resource URLs on the host, with nothing read from disk', async () => {
    const token = encodeURIComponent(host.token);
    for (const escape of ESCAPES) {
      for (const path of [`/assets/${escape}?token=${token}`, `/print/${token}/assets/${escape}`, `/print/${token}/fonts/${escape}`, `/${escape}`]) {
        const answer = await rawGet(path);
        expect(answer.status, path).toBeGreaterThanOrEqual(400);
        expect(answer.body, path).not.toMatch(/SQLite format 3|"name": "lnv-desk"|root:x:0/);
        expect(answer.body, path).toMatch(/Không (tìm thấy|có đường dẫn)|không hợp lệ|Sai mã/);
      }
    }
    // The same names through the API are refused by the contract before any file is touched.
    for (const escape of ESCAPES) {
      const response = await fetch(`http://127.0.0.1:${host.port}/api/call/assets.get`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${host.token}` },
        body: JSON.stringify({ hash: decodeURIComponent(escape) }),
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain('Mã ảnh phải là 64 ký tự hex');
    }
  });

  it('cannot come out of the names of exported files: an issue’s slug is made of letters, digits and dashes only', async () => {
    for (const name of ['../../../etc/cron.d/x', '..\\..\\Windows\\System32', 'C:\\Users\\Public', 'a\u0000b', '/tmp/x', 'Tạp chí . . / ..']) {
      await ws.catalog.updateProfile({ name });
      const slug = slugify(`Số 1 ${ws.catalog.profile().name} 2025`);
      expect(slug, name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });
});

describe('pictures named by an imported document', () => {
  it('are taken only from the document’s folder; the CLI says in Vietnamese which ones it refused', async () => {
    const root = tempDir('lnv-traversal-import-');
    const docDir = join(root, 'bai');
    mkdirSync(join(docDir, 'anh'), { recursive: true });
    const png = (color: string) => sharp({ create: { width: 20, height: 10, channels: 3, background: color } }).png().toBuffer();
    writeFileSync(join(docDir, 'anh', 'trong.png'), await png('#2f5d8a'));
    writeFileSync(join(root, 'rieng-tu.png'), await png('#aa0000'));
    symlinkSync(join(root, 'rieng-tu.png'), join(docDir, 'lien-ket.png'));
    const outsideRefs = ['../rieng-tu.png', '%2e%2e/rieng-tu.png', '..\\rieng-tu.png', join(root, 'rieng-tu.png'), `file://${join(root, 'rieng-tu.png')}`, 'C:\\Users\\rieng-tu.png', 'lien-ket.png', 'anh/trong.png%00.jpg'];
    const html = ['<h1>Bài có ảnh lạ</h1>', '<p><img src="anh/trong.png"></p><p>Ảnh: trong thư mục</p>', ...outsideRefs.map((src) => `<p><img src="${src}"></p>`)].join('\n');
    writeFileSync(join(docDir, 'bai.html'), html);

    const dataDir = tempDir('lnv-traversal-data-');
    const result = runCli(['import', join(docDir, 'bai.html'), '--data', dataDir]);
    expect(result.status, result.stderr).toBe(0);
    const refusals = result.stderr.split('\n').filter((line) => line.includes('ảnh phải nằm trong thư mục của tài liệu'));
    expect(refusals).toHaveLength(outsideRefs.length);
    for (const src of outsideRefs) expect(refusals.some((line) => line.includes(`"${src}"`)), src).toBe(true);

    const listed = runCli(['list', '--json', '--data', dataDir]);
    const article = (JSON.parse(listed.stdout) as { items: { id: number; title: string }[] }).items.find((a) => a.title === 'Bài có ảnh lạ');
    const exported = runCli(['export', String(article?.id), '--format', 'json', '--data', dataDir]);
    const figures = JSON.stringify(JSON.parse(exported.stdout)).match(/"type":"figure"/g) ?? [];
    expect(figures).toHaveLength(1);
    // The private picture never reached the workspace's files.
    const privateBytes = readFileSync(join(root, 'rieng-tu.png'));
    const copies = readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile() && readFileSync(join(f.parentPath, f.name)).equals(privateBytes));
    expect(copies).toEqual([]);
    expect(readdirSync(dataDir, { recursive: true, withFileTypes: true }).some((f) => f.isFile() && readFileSync(join(f.parentPath, f.name)).equals(readFileSync(join(docDir, 'anh', 'trong.png'))))).toBe(true);
  });
});
