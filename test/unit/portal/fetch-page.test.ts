/**
 * A fetch of a portal page (lib/portal/fetch-page.ts) and the queue that
 * paces an action's fetches (lib/portal/portal-queue.ts): what reaches the
 * portal, what never leaves it, and what the reader is told when a page
 * cannot be had.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPortalPage } from '../../../lib/portal/fetch-page';
import { createPortalQueue } from '../../../lib/portal/portal-queue';
import type { PageFetch, PortalProgress } from '../../../lib/portal/types';

const PORTAL = 'hailing.gov.cn';
const GBK_PAGE = readFileSync('test/fixtures/fmt-2021-gbk.html');

interface Sent {
  url: string;
  init: RequestInit | undefined;
}

/** A stand-in for the browser's fetch: answers by address and records every request. */
function fakeFetch(answer: (url: string) => Response | Promise<Response>) {
  const sent: Sent[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    sent.push({ url, init });
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    return answer(url);
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

/** What a browser gives an extension for `redirect: 'manual'`: an answer that hides where it leads. */
function opaqueRedirect(): Response {
  const response = new Response(null, { status: 200 });
  Object.defineProperty(response, 'type', { value: 'opaqueredirect' });
  Object.defineProperty(response, 'status', { value: 0 });
  return response;
}

const html = (body: BodyInit, contentType = 'text/html') =>
  new Response(body, { status: 200, headers: { 'content-type': contentType } });

const options = (fetch: typeof globalThis.fetch, signal = new AbortController().signal) => ({
  fetch,
  portal: PORTAL,
  signal,
});

describe('fetchPortalPage', () => {
  it('GETs a page of the portal, on any of its hosts, and reads a GBK page by its <meta>', async () => {
    const { fetch, sent } = fakeFetch(() => html(GBK_PAGE));
    const result = await fetchPortalPage('http://xxgk.hailing.gov.cn/nb/2023.html', options(fetch));
    expect(result.ok && result.kind === 'html' && result.html).toContain(
      '政府信息公开工作年度报告',
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]?.init?.method).toBe('GET');
    expect(sent[0]?.init?.redirect).toBe('manual');
  });

  it('reads a Chinese page that declares no charset as GB18030 when it is not UTF-8', async () => {
    const undeclared = Buffer.from(
      GBK_PAGE.toString('latin1').replace(/<meta[^>]*charset[^>]*>/gi, ''),
      'latin1',
    );
    const { fetch } = fakeFetch(() => html(undeclared));
    const result = await fetchPortalPage('http://www.hailing.gov.cn/a.html', options(fetch));
    expect(result.ok && result.kind === 'html' && result.html).toContain(
      '政府信息公开工作年度报告',
    );
  });

  it('lets the Content-Type header name the charset', async () => {
    const gbkBytes = new Uint8Array([0xc4, 0xea, 0xb1, 0xa8]); // 年报 in GBK
    const { fetch } = fakeFetch(() => html(gbkBytes, 'text/html; charset=GBK'));
    const result = await fetchPortalPage('http://www.hailing.gov.cn/a.html', options(fetch));
    expect(result.ok && result.kind === 'html' && result.html).toBe('年报');
  });

  it.each([
    ['another portal', 'http://www.other.gov.cn/nb.html'],
    ['a host outside gov.cn', 'http://hailing.gov.cn.example.com/nb.html'],
    ['a file address', 'file:///etc/passwd'],
    ['javascript:', 'javascript:alert(1)'],
    ['not an address', 'nb.html'],
  ])('sends nothing to %s', async (_what, url) => {
    const { fetch, sent } = fakeFetch(() => html('x'));
    const result = await fetchPortalPage(url, options(fetch));
    expect(result).toMatchObject({ ok: false, failure: 'off-portal' });
    expect(sent).toHaveLength(0);
  });

  it('tries the https address once when the browser hides an http redirect, and no more', async () => {
    const { fetch, sent } = fakeFetch(() => opaqueRedirect());
    const result = await fetchPortalPage('http://www.hailing.gov.cn/nb.html', options(fetch));
    expect(result).toMatchObject({ ok: false, failure: 'redirect' });
    expect(sent.map((s) => s.url)).toEqual([
      'http://www.hailing.gov.cn/nb.html',
      'https://www.hailing.gov.cn/nb.html',
    ]);
  });

  it('reads the page after the http → https upgrade', async () => {
    const { fetch } = fakeFetch((url) =>
      url.startsWith('http:') ? opaqueRedirect() : html('年报'),
    );
    const result = await fetchPortalPage('http://www.hailing.gov.cn/nb.html', options(fetch));
    expect(result).toMatchObject({
      ok: true,
      kind: 'html',
      url: 'https://www.hailing.gov.cn/nb.html',
    });
  });

  it('gives the status of a page the portal does not have', async () => {
    const { fetch } = fakeFetch(() => new Response('404', { status: 404 }));
    const result = await fetchPortalPage('http://www.hailing.gov.cn/gone.html', options(fetch));
    expect(result).toMatchObject({ ok: false, failure: 'http', status: 404 });
  });

  it('reads a PDF by its signature, also when a download script calls it octet-stream', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n...');
    const { fetch } = fakeFetch(() => html(pdf, 'application/octet-stream'));
    const result = await fetchPortalPage('http://www.hailing.gov.cn/down.jsp?id=1', options(fetch));
    expect(result.ok && result.kind).toBe('pdf');
  });

  it('refuses an image and a body over the bound', async () => {
    const image = fakeFetch(() => html(new Uint8Array(10), 'image/png'));
    expect(
      await fetchPortalPage('http://www.hailing.gov.cn/t.png', options(image.fetch)),
    ).toMatchObject({ ok: false, failure: 'not-html' });
    const big = fakeFetch(() => html(new Uint8Array(2048)));
    const result = await fetchPortalPage('http://www.hailing.gov.cn/big.html', {
      ...options(big.fetch),
      maxHtmlBytes: 1024,
    });
    expect(result).toMatchObject({ ok: false, failure: 'too-large' });
  });

  it('tells a cancel from a timeout', async () => {
    const never = fakeFetch(
      (url) =>
        new Promise<Response>((_resolve, reject) => {
          const signal = never.sent.find((s) => s.url === url)?.init?.signal;
          signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          );
        }),
    );
    const timedOut = await fetchPortalPage('http://www.hailing.gov.cn/slow.html', {
      ...options(never.fetch),
      timeoutMs: 20,
    });
    expect(timedOut).toMatchObject({ ok: false, failure: 'timeout' });

    const cancel = new AbortController();
    const pending = fetchPortalPage(
      'http://www.hailing.gov.cn/slow2.html',
      options(never.fetch, cancel.signal),
    );
    cancel.abort();
    expect(await pending).toMatchObject({ ok: false, failure: 'cancelled' });
  });
});

/** Node's own fetch shows a redirect's Location: the rules for following it, against a real server. */
describe('fetchPortalPage against a server (redirects visible)', () => {
  let server: Server;
  let port = 0;
  const requests: string[] = [];
  // The server answers for any host; the fetch is pointed at it through a stand-in that keeps the host.
  beforeAll(async () => {
    server = createServer((req, res) => {
      const host = req.headers['x-host'] as string;
      requests.push(`${host}${req.url}`);
      const routes: Record<string, [number, string]> = {
        '/moved.html': [302, '/nb/2023.html'],
        '/loop.html': [302, '/loop.html'],
        '/a.html': [301, '/b.html'],
        '/b.html': [301, '/a.html'],
        '/away.html': [302, 'http://www.other.gov.cn/nb.html'],
      };
      const route = routes[req.url ?? ''];
      if (route) {
        res.writeHead(route[0], { location: route[1] });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<title>河西区2023年政府信息公开工作年度报告</title>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const viaServer = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    return fetch(`http://127.0.0.1:${port}${url.pathname}`, {
      ...init,
      headers: { 'x-host': url.host },
    });
  }) as typeof globalThis.fetch;

  it('follows a redirect that stays on the portal', async () => {
    const result = await fetchPortalPage(
      'http://www.hailing.gov.cn/moved.html',
      options(viaServer),
    );
    expect(result).toMatchObject({ ok: true, url: 'http://www.hailing.gov.cn/nb/2023.html' });
  });

  it('stops a loop, and never follows a redirect off the portal', async () => {
    requests.length = 0;
    expect(
      await fetchPortalPage('http://www.hailing.gov.cn/loop.html', options(viaServer)),
    ).toMatchObject({
      ok: false,
      failure: 'redirect',
    });
    expect(
      await fetchPortalPage('http://www.hailing.gov.cn/a.html', options(viaServer)),
    ).toMatchObject({
      ok: false,
      failure: 'redirect',
    });
    expect(
      await fetchPortalPage('http://www.hailing.gov.cn/away.html', options(viaServer)),
    ).toMatchObject({
      ok: false,
      failure: 'off-portal',
    });
    expect(requests).toEqual([
      'www.hailing.gov.cn/loop.html',
      'www.hailing.gov.cn/a.html',
      'www.hailing.gov.cn/b.html',
      'www.hailing.gov.cn/away.html',
    ]);
  });
});

describe('createPortalQueue', () => {
  /** A fetch whose answers the test releases one by one. */
  function heldFetch() {
    const started: string[] = [];
    const release = new Map<string, () => void>();
    let running = 0;
    let mostAtOnce = 0;
    const fetchPage = (url: string): Promise<PageFetch> => {
      started.push(url);
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      return new Promise((resolve) => {
        release.set(url, () => {
          running--;
          resolve({ ok: true, url, kind: 'html', html: url });
        });
      });
    };
    return { fetchPage, started, release, mostAtOnce: () => mostAtOnce };
  }
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('sends two at a time, each address once, and counts the progress', async () => {
    const held = heldFetch();
    const seen: PortalProgress[] = [];
    const queue = createPortalQueue({
      fetchPage: held.fetchPage,
      maxRequests: 100,
      signal: new AbortController().signal,
      onProgress: (p) => seen.push(p),
    });
    queue.plan(4);
    const urls = ['/1', '/2', '/3', '/1', '/4'].map((p) => `http://www.hailing.gov.cn${p}.html`);
    const answers = urls.map((u) => queue.get(u));
    await tick();
    expect(held.started).toHaveLength(2);
    for (let i = 0; i < 4; i++) {
      held.release.get(held.started[i] as string)?.();
      await tick();
    }
    const results = await Promise.all(answers);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(held.started).toHaveLength(4);
    expect(held.mostAtOnce()).toBe(2);
    expect(seen.at(-1)).toEqual({ done: 4, planned: 4, requests: 4 });
  });

  it('answers `limit` past the budget without sending', async () => {
    const held = heldFetch();
    const queue = createPortalQueue({
      fetchPage: held.fetchPage,
      maxRequests: 2,
      signal: new AbortController().signal,
    });
    queue.get('http://www.hailing.gov.cn/1.html');
    queue.get('http://www.hailing.gov.cn/2.html');
    expect(await queue.get('http://www.hailing.gov.cn/3.html')).toMatchObject({ failure: 'limit' });
    expect(held.started).toHaveLength(2);
  });

  it('a cancel answers what waits at once and sends nothing more', async () => {
    const held = heldFetch();
    const cancel = new AbortController();
    const queue = createPortalQueue({
      fetchPage: held.fetchPage,
      maxRequests: 10,
      signal: cancel.signal,
    });
    const answers = [1, 2, 3, 4].map((n) => queue.get(`http://www.hailing.gov.cn/${n}.html`));
    await tick();
    cancel.abort();
    expect(await answers[2]).toMatchObject({ failure: 'cancelled' });
    expect(await answers[3]).toMatchObject({ failure: 'cancelled' });
    expect(await queue.get('http://www.hailing.gov.cn/5.html')).toMatchObject({
      failure: 'cancelled',
    });
    expect(held.started).toHaveLength(2);
  });
});
