import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/host-server.js';
import { createHandlers } from '../../electron/services/desk-handlers.js';
import { createDispatcher } from '../../electron/services/dispatcher.js';
import { Workspace } from '../../electron/services/workspace/workspace.js';
import { tempDir } from '../support/temp-dir.js';

let ws: Workspace;
let host: RunningHost;
let base: string;

beforeAll(async () => {
  const rendererDir = tempDir('lnv-renderer-');
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>LNV Desk</title>');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  ws = await Workspace.open(tempDir('lnv-host-'));
  host = await startHost({ desk: { workspace: ws, events: ws.events, dispatch: createDispatcher(createHandlers(ws), () => {}) }, rendererDir });
  base = `http://127.0.0.1:${host.port}`;
});

afterAll(async () => {
  await host.close();
  ws.close();
});

async function call(name: string, body: unknown, token: string | null = host.token) {
  const response = await fetch(`${base}/api/call/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as { ok: boolean; result?: never; error?: { code: string; message: string } } };
}

describe('browser host', () => {
  it('prints a loopback URL carrying the per-launch token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{20,}$/);
  });

  it('serves the renderer with a strict content security policy', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toContain('LNV Desk');
    expect((await fetch(`${base}/assets/app.js`)).status).toBe(200);
  });

  it('does not serve files outside the renderer', async () => {
    for (const path of ['/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/../workspace.sqlite']) {
      expect((await fetch(`${base}${path}`)).status).toBe(404);
    }
  });

  it('answers calls through the contract', async () => {
    const { status, json } = await call('articles.list', { limit: 3 });
    expect(status).toBe(200);
    expect(json.ok).toBe(true);
    expect((json.result as unknown as { items: unknown[] }).items).toHaveLength(3);
  });

  it('refuses calls without the token, from another Host, or from another origin', async () => {
    expect((await call('articles.list', {}, null)).status).toBe(401);
    expect((await call('articles.list', {}, 'wrong-token')).json.error?.code).toBe('unauthorized');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: host.port, path: '/api/call/articles.list', method: 'POST', headers: { Host: 'evil.example:80', Authorization: `Bearer ${host.token}` } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(401);
    const crossOrigin = await fetch(`${base}/api/call/articles.list`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, Origin: 'https://evil.example' },
      body: '{}',
    });
    expect(crossOrigin.status).toBe(401);
  });

  it('answers bad input with a typed Vietnamese error and keeps running', async () => {
    const notJson = await call('articles.list', '{"limit": ');
    expect(notJson.status).toBe(400);
    expect(notJson.json.error?.message).toContain('không phải JSON hợp lệ');
    const invalid = await call('articles.get', { id: 'abc' });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error).toMatchObject({ code: 'invalid_input' });
    const unknown = await call('articles.get', { id: 987654 });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error?.message).toContain('Không tìm thấy bài');
    expect((await call('nope.nope', {})).json.error?.code).toBe('unknown_call');
    const fakeImage = await call('assets.add', { fileName: 'x.jpg', dataBase64: Buffer.from('GIF89a not really').toString('base64') });
    expect(fakeImage.status).toBe(422);
    expect((await call('articles.list', {})).status).toBe(200);
  });

  it('pushes a saved event to listeners', async () => {
    const controller = new AbortController();
    const response = await fetch(`${base}/api/events?token=${host.token}`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    const created = await call('articles.create', { title: 'Sự kiện' });
    const id = (created.json.result as unknown as { id: number }).id;
    await call('articles.save', { id, fields: { title: 'Sự kiện mới' }, reason: 'autosave' });
    let received = '';
    while (!received.includes('event: article.saved')) {
      const { value, done } = await reader.read();
      if (done) break;
      received += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(received).toContain('event: articles.changed');
    expect(received).toMatch(new RegExp(`event: article.saved\\ndata: \\{"id":${id},`));
  });

  it('serves stored images to holders of the token only', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#fff' } }).png().toBuffer();
    const added = await call('assets.add', { fileName: 'a.png', dataBase64: png.toString('base64') });
    const hash = (added.json.result as unknown as { hash: string }).hash;
    const ok = await fetch(`${base}/assets/${hash}?token=${host.token}`);
    expect(ok.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await ok.arrayBuffer()).equals(png)).toBe(true);
    expect((await fetch(`${base}/assets/${hash}`)).status).toBe(401);
  });
});
