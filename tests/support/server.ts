// A local HTTP server on 127.0.0.1, port 0, serving a map of paths; records every request (for the
// politeness tests). Nothing else is ever contacted.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Served {
  status?: number;
  body: string | Buffer;
  type?: string;
  /** Answer only after this many ms. */
  delay?: number;
  redirect?: string;
}

export interface TestServer {
  base: string;
  routes: Map<string, Served | ((n: number) => Served)>;
  log: { path: string; at: number; end: number; headers: IncomingHttpHeaders }[];
  maxInFlight: number;
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Served | ((n: number) => Served)>();
  const log: TestServer['log'] = [];
  const hits = new Map<string, number>();
  let inFlight = 0;
  const state = { maxInFlight: 0 };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const entry = { path, at: Date.now(), end: 0, headers: req.headers };
    log.push(entry);
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    const r = routes.get(path);
    const s: Served = typeof r === 'function' ? r(n) : (r ?? { status: 404, body: '<title>404 Not Found</title>' });
    setTimeout(() => {
      inFlight--;
      entry.end = Date.now();
      if (s.redirect) {
        res.writeHead(302, { Location: s.redirect });
        res.end();
        return;
      }
      res.writeHead(s.status ?? 200, { 'Content-Type': s.type ?? 'text/html; charset=utf-8' });
      res.end(s.body);
    }, s.delay ?? 0);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    routes,
    log,
    get maxInFlight() {
      return state.maxInFlight;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
