import { connect, createServer, type Socket } from 'node:net';

/**
 * A small HTTP/1.1 reverse proxy (node:net) between the desk and the test WordPress, to play
 * the network's worst tricks on purpose: it can let the site act on a chosen request and then
 * hang up on the desk before the answer arrives ("the site saved it, but the desk never heard").
 *
 * Each request goes to the site on its own connection (PHP's server closes after every answer
 * anyway) and every answer tells the desk `Connection: close`, so request boundaries stay simple.
 * The site's own address in the `Link` header is rewritten to the proxy's, so the desk discovers
 * the API root through the proxy and keeps talking to it.
 */

export interface ProxiedRequest {
  method: string;
  /** Path and query as the desk sent them. */
  target: string;
  /** True when the site's answer was withheld and the desk's connection closed instead. */
  dropped: boolean;
}

export interface HttpProxy {
  url: string;
  /** Every request the site received through the proxy, in order. */
  readonly requests: ProxiedRequest[];
  /** Withholds the answer to the next request that matches (the site still acts on it). */
  dropAnswer(match: (method: string, target: string) => boolean): void;
  /** Called once a request has reached the site, i.e. while the site is working on it. */
  onForwarded: ((request: ProxiedRequest) => void) | null;
  close(): Promise<void>;
}

interface ParsedRequest {
  head: string;
  body: Buffer;
  method: string;
  target: string;
}

const HEAD_END = Buffer.from('\r\n\r\n');

/** The length of a chunked body starting at `from`, or -1 while it is not complete. */
function chunkedLength(buffer: Buffer, from: number): number {
  let at = from;
  for (;;) {
    const lineEnd = buffer.indexOf('\r\n', at);
    if (lineEnd < 0) return -1;
    const size = parseInt(buffer.subarray(at, lineEnd).toString('latin1'), 16);
    at = lineEnd + 2 + size + 2;
    if (at > buffer.length) return -1;
    if (size === 0) return at - from;
  }
}

/** Takes one whole request off the front of `buffer`, or null while more bytes are needed. */
function takeRequest(buffer: Buffer): { request: ParsedRequest; rest: Buffer } | null {
  const headEnd = buffer.indexOf(HEAD_END);
  if (headEnd < 0) return null;
  const head = buffer.subarray(0, headEnd).toString('latin1');
  const bodyStart = headEnd + HEAD_END.length;
  const [method = '', target = ''] = head.split('\r\n', 1)[0]!.split(' ');
  let bodyLength: number;
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
    bodyLength = chunkedLength(buffer, bodyStart);
    if (bodyLength < 0) return null;
  } else {
    bodyLength = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
    if (buffer.length < bodyStart + bodyLength) return null;
  }
  return {
    request: { head, body: buffer.subarray(bodyStart, bodyStart + bodyLength), method, target },
    rest: buffer.subarray(bodyStart + bodyLength),
  };
}

/** The head with `name` set to `value` (replacing any earlier value). */
function withHeader(head: string, name: string, value: string): string {
  const lines = head.split('\r\n').filter((line, i) => i === 0 || !line.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return [...lines, `${name}: ${value}`].join('\r\n');
}

export async function startHttpProxy(upstreamUrl: string): Promise<HttpProxy> {
  const upstream = new URL(upstreamUrl);
  const upstreamPort = Number(upstream.port);
  const droppers: ((method: string, target: string) => boolean)[] = [];
  const sockets = new Set<Socket>();
  let ownHost = '';

  /** Sends one request to the site; resolves with its whole answer, or null when the site is gone. */
  const forward = (request: ParsedRequest, record: ProxiedRequest, proxy: HttpProxy): Promise<Buffer | null> =>
    new Promise((resolve) => {
      const out = connect(upstreamPort, upstream.hostname);
      const chunks: Buffer[] = [];
      out.on('connect', () => {
        const head = withHeader(withHeader(request.head, 'Host', upstream.host), 'Connection', 'close');
        out.write(Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), request.body]));
        proxy.onForwarded?.(record);
      });
      out.on('data', (chunk: Buffer) => chunks.push(chunk));
      out.on('end', () => resolve(chunks.length > 0 ? Buffer.concat(chunks) : null));
      out.on('error', () => resolve(null));
    });

  const answerFor = (raw: Buffer): Buffer => {
    const headEnd = raw.indexOf(HEAD_END);
    if (headEnd < 0) return raw;
    const head = withHeader(raw.subarray(0, headEnd).toString('latin1').split(upstream.host).join(ownHost), 'Connection', 'close');
    return Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), raw.subarray(headEnd + HEAD_END.length)]);
  };

  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    let buffer: Buffer = Buffer.alloc(0);
    let busy = false;
    const next = async () => {
      if (busy) return;
      const taken = takeRequest(buffer);
      if (!taken) return;
      busy = true;
      buffer = taken.rest;
      const { request } = taken;
      const dropAt = droppers.findIndex((match) => match(request.method, request.target));
      const record: ProxiedRequest = { method: request.method, target: request.target, dropped: dropAt >= 0 };
      if (dropAt >= 0) droppers.splice(dropAt, 1);
      proxy.requests.push(record);
      const answer = await forward(request, record, proxy);
      if (!answer || record.dropped) {
        client.destroy();
        return;
      }
      client.end(answerFor(answer));
    };
    client.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      void next();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  ownHost = `127.0.0.1:${port}`;

  const proxy: HttpProxy = {
    url: `http://${ownHost}`,
    requests: [],
    onForwarded: null,
    dropAnswer: (match) => droppers.push(match),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
