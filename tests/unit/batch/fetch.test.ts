import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFetcher, FetchError } from '../../../lib/batch/fetch';
import { decodeBytes } from '../../../lib/batch/charset';
import { startServer, type TestServer } from '../../support/server';

let srv: TestServer;
beforeEach(async () => (srv = await startServer()));
afterEach(() => srv.close());

const local = (extra: Partial<Parameters<typeof createFetcher>[0]> = {}) =>
  createFetcher({ fetch, allowHost: (h) => h === '127.0.0.1', delayMs: 0, timeoutMs: 2000, ...extra });

describe('polite fetching (lib/batch/fetch)', () => {
  it('at most 2 requests at a time to one host, a pause between starts, the User-Agent sent', async () => {
    for (let i = 0; i < 6; i++) srv.routes.set(`/p${i}.html`, { body: `<p>${i}</p>`, delay: 60 });
    const waits: number[] = [];
    const sleep = (ms: number) => (waits.push(ms), Promise.resolve()); // the pause is asked for, not timed
    const f = local({ perHost: 5, concurrency: 8, delayMs: 30, userAgent: 'gouji/test', sleep });
    const got = await Promise.all(Array.from({ length: 6 }, (_, i) => f.get(`${srv.base}/p${i}.html`)));
    expect(got.map((g) => g.text)).toEqual(Array.from({ length: 6 }, (_, i) => `<p>${i}</p>`));
    expect(srv.maxInFlight).toBe(2); // perHost 5 asked, capped at 2
    // Every request after the first waited its turn: the k-th start is scheduled k × 30 ms after the first.
    expect(waits).toHaveLength(5);
    expect(waits.every((w) => w > 0)).toBe(true);
    expect(srv.log[0]!.headers['user-agent']).toBe('gouji/test');
  });
  it('retries once after a 5xx, never after a 404; both failures say why', async () => {
    srv.routes.set('/flaky.html', (n) => (n === 1 ? { status: 503, body: 'busy' } : { body: 'ok' }));
    srv.routes.set('/down.html', { status: 500, body: 'down' });
    const f = local();
    expect((await f.get(`${srv.base}/flaky.html`)).text).toBe('ok');
    await expect(f.get(`${srv.base}/missing.html`)).rejects.toThrow('HTTP 404');
    await expect(f.get(`${srv.base}/down.html`)).rejects.toThrow('HTTP 500');
    expect(srv.log.filter((l) => l.path === '/missing.html')).toHaveLength(1);
    expect(srv.log.filter((l) => l.path === '/down.html')).toHaveLength(2);
  });
  it('a timeout is an error with its reason, retried once', async () => {
    srv.routes.set('/slow.html', { body: 'late', delay: 800 });
    const f = local({ timeoutMs: 150 });
    await expect(f.get(`${srv.base}/slow.html`)).rejects.toThrow(/超时/);
    expect(srv.log.filter((l) => l.path === '/slow.html')).toHaveLength(2);
  });
  it('an unreachable host is an error, not a crash', async () => {
    const f = local({ retries: 0 });
    const err = await f.get('http://127.0.0.1:1/x.html').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as Error).message).toMatch(/无法连接/);
  });
  it('hosts outside gov.cn are refused by default, before any request; redirects must stay allowed', async () => {
    const gov = createFetcher({ fetch, delayMs: 0 });
    await expect(gov.get(`${srv.base}/a.html`)).rejects.toThrow(/只读取 gov\.cn/);
    expect(srv.log).toHaveLength(0);
    srv.routes.set('/moved.html', { redirect: '/here.html', body: '' });
    srv.routes.set('/here.html', { body: 'here' });
    srv.routes.set('/away.html', { redirect: 'http://localhost:1/x', body: '' });
    const f = local({ retries: 0 });
    const moved = await f.get(`${srv.base}/moved.html`);
    expect([moved.text, moved.finalUrl]).toEqual(['here', `${srv.base}/here.html`]);
    await expect(f.get(`${srv.base}/away.html`)).rejects.toThrow();
    // Node: each hop is checked before it is asked (the CLI's mode)
    const m = local({ retries: 0, manualRedirects: true });
    const moved2 = await m.get(`${srv.base}/moved.html`);
    expect([moved2.text, moved2.finalUrl]).toEqual(['here', `${srv.base}/here.html`]);
    await expect(m.get(`${srv.base}/away.html`)).rejects.toThrow('重定向到允许范围以外的网址：http://localhost:1/x');
  });
  it('GBK and Big5 pages are decoded by header, by <meta>, or by trying UTF-8 first', async () => {
    const gbk = Buffer.from([0xd7, 0xdc, 0xbc, 0xc6]); // 总计
    const big5 = Buffer.from([0xc1, 0x60, 0xad, 0x70]); // 總計
    srv.routes.set('/gbk.html', { body: gbk, type: 'text/html; charset=GBK' });
    srv.routes.set('/big5.html', {
      body: Buffer.concat([Buffer.from('<meta charset="big5">'), big5]),
      type: 'text/html',
    });
    srv.routes.set('/guess.html', { body: gbk, type: 'text/html' });
    const f = local();
    expect((await f.get(`${srv.base}/gbk.html`)).text).toBe('总计');
    expect((await f.get(`${srv.base}/big5.html`)).text).toContain('總計');
    expect((await f.get(`${srv.base}/guess.html`)).text).toBe('总计');
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('a');
  });
  it('a PDF is kept as bytes, not decoded', async () => {
    srv.routes.set('/r.pdf', { body: Buffer.from('%PDF-1.7\n…'), type: 'application/pdf' });
    const got = await local().get(`${srv.base}/r.pdf`);
    expect(got.text).toBe('');
    expect(got.bytes.length).toBeGreaterThan(5);
  });
});
