// A download that will not end, ends too big, or stops half-way, and a picked file far too large: the report view's fetch
// (components/report/fetch-url.ts) and the batch fetcher (lib/batch/fetch.ts) end each with its reason,
// holding no more than the limit, over real HTTP from a local server (127.0.0.1) and Node's fetch.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BodyStopped, readBody } from '../../lib/net/read-body';
import { fetchUrl } from '../../components/report/fetch-url';
import { loadFile, MAX_BYTES, ViewError } from '../../components/report/store';
import { createFetcher, FetchError } from '../../lib/batch/fetch';

const KB = 1024;
type Handler = (res: ServerResponse, state: { sent: number; closed: boolean }) => void;

let server: Server;
let base = '';
const routes = new Map<string, Handler>();
/** Per request path: how many bytes the server wrote, and whether the client went away before the end. */
const seen = new Map<string, { sent: number; closed: boolean }>();

beforeEach(async () => {
  routes.clear();
  seen.clear();
  server = createServer((req, res) => {
    const state = { sent: 0, closed: false };
    seen.set(req.url!, state);
    res.on('close', () => (state.closed = !res.writableFinished));
    const h = routes.get(req.url!);
    if (!h) {
      res.writeHead(404).end('missing');
      return;
    }
    h(res, state);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

/** Writes 16 KB chunks for as long as the client reads (no Content-Length): a file that never ends. */
const endless: Handler = (res, state) => {
  res.writeHead(200, { 'content-type': 'application/pdf' });
  const chunk = Buffer.alloc(16 * KB, 0x41);
  const more = () => {
    while (!res.destroyed) {
      state.sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', more);
        return;
      }
    }
  };
  more();
};

/** Sends 8 KB, then nothing more, never ending the response. */
const stalls: Handler = (res, state) => {
  res.writeHead(200, { 'content-type': 'application/pdf' });
  res.write(Buffer.alloc(8 * KB, 0x42));
  state.sent = 8 * KB;
};

const viewError = async (p: Promise<unknown>): Promise<ViewError> => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ViewError);
  return e as ViewError;
};

describe('readBody: a capped, watched read of a response (lib/net/read-body)', () => {
  it('joins the chunks of a body that ends in time and under the cap', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array([1, 2]));
        c.enqueue(new Uint8Array([3]));
        c.close();
      },
    });
    expect([...(await readBody(new Response(body), { maxBytes: 3, stallMs: 1000 }))]).toEqual([1, 2, 3]);
    expect([...(await readBody(new Response(null), { maxBytes: 3 }))]).toEqual([]);
  });

  it('stops as soon as the total passes the cap, cancelling the stream (what was not pulled is never read)', async () => {
    let pulls = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(c) {
          pulls++;
          c.enqueue(new Uint8Array(1000));
        },
        cancel() {
          cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    const ctrl = new AbortController();
    const e = await readBody(new Response(body), { maxBytes: 2500, abort: ctrl }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BodyStopped);
    expect((e as BodyStopped).stop).toEqual({ kind: 'too-large', bytes: 3000, declared: false });
    expect(cancelled).toBe(true);
    expect(ctrl.signal.aborted).toBe(true);
    expect(pulls).toBeLessThanOrEqual(4);
  });

  it('stops when no chunk comes for stallMs, and aborts the request', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array(10)); // then nothing, never closed
      },
    });
    const ctrl = new AbortController();
    const e = await readBody(new Response(body), { maxBytes: 100, stallMs: 40, abort: ctrl }).catch((x: unknown) => x);
    expect((e as BodyStopped).stop).toEqual({ kind: 'stalled', afterMs: 40 });
    expect(ctrl.signal.aborted).toBe(true);
  });
});

describe('the report view downloads a file it was asked to check (components/report/fetch-url)', () => {
  const deps = { fetch: (u: string, init: RequestInit) => fetch(u, init), responseTimeoutMs: 300, stallMs: 300 };

  it('a file that ends: its bytes and a name with the extension its type says', async () => {
    routes.set('/files/2023%E5%B9%B4%E6%8A%A5', (res) =>
      res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4'),
    );
    const got = await fetchUrl(`${base}/files/2023%E5%B9%B4%E6%8A%A5`, deps);
    expect(new TextDecoder().decode(got.bytes)).toBe('%PDF-1.4');
    expect(got.name).toBe('2023年报.pdf');
    expect(got.url).toBe(`${base}/files/2023%E5%B9%B4%E6%8A%A5`);
  });

  it('a file that never ends is stopped just past the limit, and the connection is closed', async () => {
    routes.set('/endless.pdf', endless);
    const e = await viewError(fetchUrl(`${base}/endless.pdf`, { ...deps, maxBytes: 256 * KB }));
    expect(e.key).toBe('rvTooLargeOver');
    expect(e.params).toEqual({ mb: 0 });
    await expect.poll(() => seen.get('/endless.pdf')?.closed).toBe(true);
    // The server could write only a few socket buffers more than the limit before the client went away.
    expect(seen.get('/endless.pdf')!.sent).toBeLessThan(64 * 1024 * KB);
  });

  it('a declared length over the limit is refused before any byte of the body is read', async () => {
    routes.set('/big.pdf', (res) => {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(80 * 1024 * KB) });
      res.write(Buffer.alloc(KB));
    });
    const e = await viewError(fetchUrl(`${base}/big.pdf`, deps));
    expect(e.key).toBe('rvTooLarge');
    expect(e.params).toEqual({ mb: 80 });
  });

  it('a server that stops sending half-way, or never answers, is given up with a reason', async () => {
    routes.set('/stalls.pdf', stalls);
    routes.set('/silent.pdf', () => undefined); // headers never sent
    const stalled = await viewError(fetchUrl(`${base}/stalls.pdf`, deps));
    expect(stalled.key).toBe('rvTimeout');
    expect(stalled.params).toEqual({ url: `${base}/stalls.pdf`, s: 0 });
    await expect.poll(() => seen.get('/stalls.pdf')?.closed).toBe(true);
    const silent = await viewError(fetchUrl(`${base}/silent.pdf`, deps));
    expect(silent.key).toBe('rvTimeout');
  });

  it('HTTP errors, unreachable hosts and addresses it cannot fetch say so', async () => {
    expect((await viewError(fetchUrl(`${base}/nothing.pdf`, deps))).key).toBe('rvHttp');
    expect((await viewError(fetchUrl('http://127.0.0.1:1/x.pdf', deps))).key).toBe('rvNetwork');
    expect((await viewError(fetchUrl('not a url', deps))).key).toBe('rvBadUrl');
    expect((await viewError(fetchUrl('ftp://example.gov.cn/x.pdf', deps))).key).toBe('rvOnlyHttp');
  });
});

describe('the report view reads a file the user picked (components/report/store loadFile)', () => {
  it('one over the limit is refused by its size, never read; one under it is read', async () => {
    let reads = 0;
    const huge = {
      name: '2023年报.pdf',
      size: 2 * 1024 * 1024 * KB,
      arrayBuffer: () => (reads++, Promise.resolve(new ArrayBuffer(0))),
    };
    const e = await viewError(loadFile(huge));
    expect(e.key).toBe('rvTooLarge');
    expect(e.params).toEqual({ mb: 2048 });
    expect(reads).toBe(0);
    const small = new File([new TextEncoder().encode('%PDF-1.4')], 'a.pdf');
    const got = await loadFile(small);
    expect(new TextDecoder().decode(got.bytes)).toBe('%PDF-1.4');
    expect(got.name).toBe('a.pdf');
    expect(MAX_BYTES).toBe(60 * 1024 * KB);
  });
});

describe('the batch fetcher holds no more than its limit (lib/batch/fetch)', () => {
  it('an answer with no length that goes on past maxBytes is cut there: too-large, not retried', async () => {
    routes.set('/endless.html', endless);
    const f = createFetcher({
      fetch,
      allowHost: (h) => h === '127.0.0.1',
      delayMs: 0,
      timeoutMs: 5000,
      maxBytes: 256 * KB,
    });
    const e = await f.get(`${base}/endless.html`).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FetchError);
    expect((e as FetchError).code).toBe('too-large');
    expect((e as FetchError).message).toBe('文件过大（>0 MB）');
    await expect.poll(() => seen.get('/endless.html')?.closed).toBe(true);
  });
});
