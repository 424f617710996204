import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { portalOfUrl } from '../../lib/page/portal';
import { loadPortalManifest, portalFile } from '../support/portal';
import { type FixtureServer, startFixtureServer } from './fixture-server';
import { loadFixtures } from './fixtures';

interface Reply {
  status: number;
  contentType: string | undefined;
  location?: string;
  body: Buffer;
}

/** Sends `target` as the request line, so an absolute URL makes it a proxy request. */
function get(port: number, target: string, host?: string, method = 'GET'): Promise<Reply> {
  return new Promise((resolveReply, rejectReply) => {
    const req = request(
      { host: '127.0.0.1', port, path: target, method, headers: host ? { Host: host } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolveReply({
            status: res.statusCode ?? 0,
            contentType: res.headers['content-type'],
            location: res.headers.location,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', rejectReply);
    req.end();
  });
}

// 年报 in GBK: the server must pass these bytes through untouched.
const GBK_BODY = Buffer.concat([
  Buffer.from('<html><head><meta charset="gb2312"></head><body>'),
  Buffer.from([0xc4, 0xea, 0xb1, 0xa8]),
  Buffer.from('</body></html>'),
]);

describe('fixture server', () => {
  let dir: string;
  let server: FixtureServer;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ogi-lens-fixtures-'));
    const page = (name: string, url: string, body: string | Buffer) => {
      writeFileSync(join(dir, `${name}.html`), body);
      writeFileSync(join(dir, `${name}.expected.json`), JSON.stringify({ url, kind: 'none' }));
    };
    page('gbk', 'https://www.a.gov.cn/art/2024/1/18/art_1_1.html', GBK_BODY);
    page('a-index', 'http://www.a.gov.cn/col/index.html', 'A');
    page('b-index', 'http://www.b.gov.cn/col/index.html', 'B');
    page('query', 'http://xxgk.c.gov.cn/content.jsp?id=42', 'Q');
    server = await startFixtureServer(loadFixtures(dir));
  });

  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('serves a page at its path for any host, bytes as stored, charset left to the page', async () => {
    for (const host of ['www.a.gov.cn', 'other.gov.cn']) {
      const reply = await get(server.port, '/art/2024/1/18/art_1_1.html', host);
      assert.equal(reply.status, 200);
      assert.equal(reply.contentType, 'text/html');
      assert.deepEqual(reply.body, GBK_BODY);
    }
  });

  test('answers proxy requests that carry an absolute URL', async () => {
    const reply = await get(server.port, 'http://www.a.gov.cn/art/2024/1/18/art_1_1.html');
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body, GBK_BODY);
  });

  test('tells pages with the same path apart by host', async () => {
    assert.equal(
      (await get(server.port, 'http://www.a.gov.cn/col/index.html')).body.toString(),
      'A',
    );
    assert.equal((await get(server.port, '/col/index.html', 'www.b.gov.cn')).body.toString(), 'B');
  });

  test('keeps the query string part of the address', async () => {
    assert.equal((await get(server.port, '/content.jsp?id=42', 'xxgk.c.gov.cn')).status, 200);
    assert.equal((await get(server.port, '/content.jsp?id=43', 'xxgk.c.gov.cn')).status, 404);
  });

  test('serves every page by file name too', async () => {
    const reply = await get(server.port, '/fixtures/gbk.html', `127.0.0.1:${server.port}`);
    assert.deepEqual(reply.body, GBK_BODY);
  });

  test('answers 404 to everything else, including other sites through the proxy', async () => {
    assert.equal((await get(server.port, 'http://www.example.com/')).status, 404);
    assert.equal((await get(server.port, '/fixtures/gbk.expected.json', 'x.gov.cn')).status, 404);
    assert.equal((await get(server.port, '/col/index.html', 'www.c.gov.cn')).status, 404);
  });
});

describe('fixture server: a trickled response', () => {
  let dir: string;
  let server: FixtureServer;
  const BODY = Buffer.from('%PDF-1.7\n'.padEnd(64, '.'));
  const SLOW = 'http://www.slow.gov.cn/attach/slow.pdf';
  const FAST = 'http://www.slow.gov.cn/attach/fast.pdf';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ogi-lens-trickle-'));
    writeFileSync(join(dir, 'doc.pdf'), BODY);
    const fixture = (name: string, pageUrl: string) => ({
      name,
      htmlPath: join(dir, 'doc.pdf'),
      expected: { url: pageUrl, kind: 'none' as const },
      pageUrl,
    });
    server = await startFixtureServer([
      { ...fixture('slow', SLOW), trickle: { chunkBytes: 8, everyMs: 20 } },
      fixture('fast', FAST),
    ]);
  });

  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('sends the whole body slowly, and says it was sent whole', async () => {
    const started = Date.now();
    const reply = await get(server.port, SLOW);
    assert.deepEqual(reply.body, BODY);
    // Eight chunks of 8 bytes, 20 ms apart.
    assert.ok(Date.now() - started >= 140, 'the body came at once');
    const record = server.trickles.at(-1);
    assert.deepEqual(record, {
      pathAndQuery: '/attach/slow.pdf',
      length: BODY.length,
      sent: BODY.length,
      closedEarly: false,
    });
  });

  test('sees a client that leaves before the end: the connection closed, the body not all sent', async () => {
    await new Promise<void>((resolveClosed) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: SLOW }, (res) => {
        res.once('data', () => {
          req.destroy();
          resolveClosed();
        });
      });
      req.on('error', () => {});
      req.end();
    });
    const record = server.trickles.at(-1);
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
    assert.equal(record?.closedEarly, true);
    assert.ok((record?.sent ?? 0) < BODY.length, 'the whole body was sent');
  });

  test('sends any other fixture at once, unrecorded', async () => {
    const before = server.trickles.length;
    assert.deepEqual((await get(server.port, FAST)).body, BODY);
    assert.equal(server.trickles.length, before);
  });
});

describe('fixture server: the mock portal mirror', () => {
  const manifest = loadPortalManifest();
  const pageOf = (kind: string) => {
    const page = manifest.pages.find((p) => p.kind === kind && !p.hostile);
    if (!page) throw new Error(`no ${kind} page in the mock portal`);
    return page;
  };
  let server: FixtureServer;

  before(async () => {
    // An ordinary fixture beside the mirror: both keep answering.
    server = await startFixtureServer(loadFixtures(), { portal: { manifest } });
  });

  after(async () => {
    await server.close();
  });

  test('serves every kind of file at its host and path, with its type', async () => {
    for (const [kind, type] of [
      ['listing', 'text/html; charset=utf-8'],
      ['report', 'text/html; charset=utf-8'],
      ['pdf-article', 'text/html; charset=utf-8'],
      ['pdf', 'application/pdf'],
      ['image', 'image/png'],
    ] as const) {
      const page = pageOf(kind);
      const reply = await get(server.port, page.url);
      assert.equal(reply.status, 200, page.url);
      assert.equal(reply.contentType, type, page.url);
      assert.deepEqual(reply.body, portalFile(page), page.url);
    }
    const pdf = await get(server.port, pageOf('pdf').url);
    assert.equal(pdf.body.subarray(0, 5).toString(), '%PDF-');
  });

  test('a subdomain of the portal is served from its own folder, directly or through the proxy', async () => {
    const page = manifest.pages.find((p) => new URL(p.url).hostname === 'jyj.heming.gov.cn');
    assert.ok(page);
    const url = new URL(page.url);
    const direct = await get(server.port, url.pathname, url.host);
    assert.equal(direct.status, 200);
    assert.deepEqual(direct.body, portalFile(page));
  });

  test("a column's directory address serves its index.html, as wget saved it", async () => {
    const column = manifest.portals.find((p) => p.cms === 'trs')?.column ?? '';
    const reply = await get(server.port, new URL('./', column).href);
    assert.equal(reply.status, 200);
    assert.deepEqual(
      reply.body,
      portalFile(manifest.pages.find((p) => p.url === column) ?? pageOf('listing')),
    );
  });

  test("the manifest's redirects answer 302 with their Location, loops and off-portal ones too", async () => {
    assert.ok(manifest.redirects.length >= 4);
    for (const redirect of manifest.redirects) {
      const reply = await get(server.port, redirect.url);
      assert.equal(reply.status, 302, redirect.url);
      assert.equal(reply.location, redirect.location);
    }
    assert.ok(
      manifest.redirects.some((r) => r.url === r.location),
      'a page that redirects to itself',
    );
    assert.ok(
      manifest.redirects.some((r) => portalOfUrl(r.location) !== portalOfUrl(r.url)),
      'a redirect off the portal',
    );
  });

  test('anything else on a portal host is 404, and a mirrored path is not served to another host', async () => {
    const page = pageOf('report');
    assert.equal((await get(server.port, `${page.url}x`)).status, 404);
    assert.equal(
      (await get(server.port, 'http://www.heming.gov.cn/xxgk/ndbghz/index_7.html')).status,
      404,
    );
    assert.equal(
      (await get(server.port, new URL(page.url).pathname, 'www.other.gov.cn')).status,
      404,
    );
    assert.equal((await get(server.port, page.url, undefined, 'POST')).status, 404);
  });

  test('keeps the ordinary fixtures answering beside the mirror', async () => {
    const fixture = loadFixtures().find((f) => f.name === 'fmt-2021-hanweb');
    assert.ok(fixture);
    assert.equal((await get(server.port, fixture.pageUrl)).status, 200);
  });

  test('logs every request in order: method, host, path', async () => {
    const from = server.requests.length;
    await get(server.port, 'http://www.yunqi.gov.cn/col/col1229/index.html');
    await get(server.port, '/xxgk/', 'jyj.heming.gov.cn');
    await get(server.port, 'http://www.example.com/ndbg/2023.html', undefined, 'HEAD');
    assert.deepEqual(server.requests.slice(from), [
      { method: 'GET', host: 'www.yunqi.gov.cn', path: '/col/col1229/index.html' },
      { method: 'GET', host: 'jyj.heming.gov.cn', path: '/xxgk/' },
      { method: 'HEAD', host: 'www.example.com', path: '/ndbg/2023.html' },
    ]);
  });
});
