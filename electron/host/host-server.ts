import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy.js';
import { DeskError, type DeskErrorCode } from '../../shared/errors.js';
import { PDF_MIME_TYPE } from '../../shared/print/page-document.js';
import type { Dispatch } from '../services/dispatcher.js';
import type { EventBus } from '../services/event-bus.js';
import type { Workspace } from '../services/workspace/workspace.js';

/** What the host serves; DeskRuntime is one, whose workspace changes on a restore and is missing in recovery. */
export interface HostedDesk {
  readonly events: EventBus;
  readonly dispatch: Dispatch;
  /** The workspace open now; throws a DeskError while there is none. */
  readonly workspace: Workspace;
}

export interface HostOptions {
  desk: HostedDesk;
  /** The built renderer (dist/renderer): the same files Electron loads. */
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 160 * 1024 * 1024;

const STATUS_FOR: Record<DeskErrorCode, number> = {
  invalid_input: 400,
  unknown_call: 404,
  not_found: 404,
  invalid_file: 422,
  not_a_database: 409,
  unauthorized: 401,
  site_unreachable: 502,
  site_error: 502,
  conflict: 409,
  io_error: 500,
  internal: 500,
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function sendError(res: ServerResponse, error: DeskError): void {
  sendJson(res, STATUS_FOR[error.code], { ok: false, error: error.toJSON() });
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new DeskError('invalid_input', 'Dữ liệu gửi lên quá lớn (tối đa 160 MB).'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The browser host: the workstation served on 127.0.0.1 for browsers and tests. Every API call
 * needs the per-launch token and a loopback Host header (a page elsewhere cannot reach it, and DNS
 * rebinding gets refused); calls go through the same contract dispatcher as Electron's IPC.
 */
export function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const sseClients = new Set<ServerResponse>();
  let port = 0;

  const unsubscribe = options.desk.events.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  const hostAllowed = (req: IncomingMessage) => req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`;

  const serveStatic = (pathname: string, res: ServerResponse) => {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
    const file = normalize(join(options.rendererDir, relative));
    if (!file.startsWith(options.rendererDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Không tìm thấy.');
      return;
    }
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': relative === 'index.html' ? 'no-cache' : 'max-age=3600',
    });
    createReadStream(file).pipe(res);
  };

  const handleCall = async (name: string, req: IncomingMessage, res: ServerResponse) => {
    const auth = req.headers.authorization ?? '';
    if (!sameToken(auth.startsWith('Bearer ') ? auth.slice(7) : null, token)) {
      throw new DeskError('unauthorized', 'Thiếu hoặc sai mã phiên làm việc; hãy mở lại đường dẫn mà LNV Desk in ra.');
    }
    const origin = req.headers.origin;
    if (origin && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      throw new DeskError('unauthorized', 'Yêu cầu từ trang khác bị từ chối.');
    }
    const raw = await readBody(req);
    let input: unknown = {};
    if (raw.length > 0) {
      try {
        input = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new DeskError('invalid_input', 'Dữ liệu gửi lên không phải JSON hợp lệ.');
      }
    }
    const result = await options.desk.dispatch(name, input);
    sendJson(res, 200, { ok: true, result });
  };

  const handleEvents = (url: URL, req: IncomingMessage, res: ServerResponse) => {
    if (!sameToken(url.searchParams.get('token'), token)) throw new DeskError('unauthorized', 'Sai mã phiên làm việc.');
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    sseClients.add(res);
    const keepAlive = setInterval(() => res.write(': ping\n\n'), 25_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      sseClients.delete(res);
    });
  };

  const handleAsset = (hash: string, url: URL, res: ServerResponse) => {
    if (!sameToken(url.searchParams.get('token'), token)) throw new DeskError('unauthorized', 'Sai mã phiên làm việc.');
    const asset = options.desk.workspace.catalog.asset(hash);
    // A supplied PDF shows as the picture made of it; the PDF itself only goes into the print PDF.
    res.writeHead(200, {
      'Content-Type': asset.mimeType === PDF_MIME_TYPE ? 'image/jpeg' : asset.mimeType,
      'Cache-Control': 'private, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    });
    createReadStream(options.desk.workspace.assetFiles.picturePath(hash)).pipe(res);
  };

  /** Fonts and pictures of the print page view; the token is in the path because the pages name them relatively. */
  const handlePrintResource = async (pathToken: string, path: string, url: URL, res: ServerResponse) => {
    if (!sameToken(pathToken, token)) throw new DeskError('unauthorized', 'Sai mã phiên làm việc.');
    const resource = await options.desk.workspace.print.resources.get(path, url.searchParams);
    if (!resource) throw new DeskError('not_found', 'Không tìm thấy tài nguyên trang in.');
    res.writeHead(200, {
      'Content-Type': resource.contentType,
      'Cache-Control': 'private, max-age=3600',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(resource.body);
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = async () => {
      if (!hostAllowed(req)) throw new DeskError('unauthorized', 'Tên máy chủ không hợp lệ.');
      const call = /^\/api\/call\/([a-zA-Z.]+)$/.exec(url.pathname);
      if (call && req.method === 'POST') return handleCall(call[1] ?? '', req, res);
      if (url.pathname === '/api/events' && req.method === 'GET') return handleEvents(url, req, res);
      const asset = /^\/assets\/([a-f0-9]{64})$/.exec(url.pathname);
      if (asset && req.method === 'GET') return handleAsset(asset[1] ?? '', url, res);
      const printResource = /^\/print\/([A-Za-z0-9_-]+)\/((?:fonts|assets)\/[A-Za-z0-9.-]+)$/.exec(url.pathname);
      if (printResource && req.method === 'GET') return handlePrintResource(printResource[1] ?? '', printResource[2] ?? '', url, res);
      if (req.method === 'GET' && !url.pathname.startsWith('/api/')) return serveStatic(url.pathname, res);
      throw new DeskError('unknown_call', 'Không có đường dẫn này.');
    };
    route().catch((error: unknown) => {
      const deskError = DeskError.is(error) ? error : new DeskError('internal', 'Lỗi nội bộ của máy chủ.');
      if (!DeskError.is(error)) console.error(error);
      if (!res.headersSent) sendError(res, deskError);
      else res.end();
    });
  });

  return new Promise((resolveHost, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolveHost({
        url: `http://127.0.0.1:${port}/#token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe();
            for (const client of sseClients) client.end();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
