/**
 * A local stand-in for the .gov.cn portals. Chromium reaches it through
 * `--host-resolver-rules`; Firefox, which has no wildcard host map, uses it as
 * its HTTP proxy, so requests arrive with absolute URLs. Either way the page is
 * served at its real address and the content script's match pattern is
 * exercised as on a portal. Anything that is not a fixture gets 404 and HTTPS
 * tunnels are refused, so a browser under test never reaches another network.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PORTAL_DIR, type PortalManifest } from '../support/portal';
import type { Fixture } from './fixtures';

/** What became of a trickled response: how much of it was sent before it ended or the client left. */
export interface Trickle {
  pathAndQuery: string;
  length: number;
  sent: number;
  /** null while sending; true when the connection closed before the body was sent, false once sent whole. */
  closedEarly: boolean | null;
}

export interface FixtureServer {
  port: number;
  /** The trickled responses so far, in the order they were asked for (live records). */
  trickles: readonly Trickle[];
  /** `http://127.0.0.1:<port>`: the server's own address, outside *.gov.cn. */
  origin: string;
  /**
   * Every request the server saw, in order (proxy requests and HTTPS
   * tunnels included), so a test can assert that nothing left the portal.
   */
  requests: LoggedRequest[];
  /**
   * Sends every HTML page of the mock portal a chunk at a time from now on
   * (null: whole again), as a slow county server does: a test can then act
   * while the extension is still reading the portal. Recorded in `trickles`.
   */
  slowMirror(trickle: NonNullable<Fixture['trickle']> | null, exceptPath?: string): void;
  close(): Promise<void>;
}

export interface LoggedRequest {
  method: string;
  host: string;
  /** Path and query as requested; for a refused HTTPS tunnel, the `host:port` it asked for. */
  path: string;
}

export interface FixtureServerOptions {
  /**
   * The mock portals (test/support/portal.ts): every file of the mirror at
   * its host and path, the manifest's redirects as 302, and 404 for anything
   * else on those hosts.
   */
  portal?: { manifest: PortalManifest; dir?: string };
}

/** Where a request points, whether it came as a proxy request or a direct one. */
function requestTarget(req: IncomingMessage): { host: string; pathAndQuery: string } | null {
  const raw = req.url ?? '/';
  try {
    // A proxy request carries an absolute URL; a direct one carries the path
    // and names the host only in its Host header.
    const url = /^[a-z]+:\/\//i.test(raw)
      ? new URL(raw)
      : new URL(raw, `http://${req.headers.host ?? 'localhost'}`);
    return { host: url.hostname.toLowerCase(), pathAndQuery: url.pathname + url.search };
  } catch {
    return null;
  }
}

function routeTable(fixtures: readonly Fixture[]) {
  const byHostAndPath = new Map<string, Fixture>();
  const byPath = new Map<string, Fixture[]>();
  const byFileName = new Map<string, Fixture>();
  for (const fixture of fixtures) {
    const url = new URL(fixture.pageUrl);
    const pathAndQuery = url.pathname + url.search;
    byHostAndPath.set(`${url.hostname}${pathAndQuery}`, fixture);
    byPath.set(pathAndQuery, [...(byPath.get(pathAndQuery) ?? []), fixture]);
    byFileName.set(`/fixtures/${fixture.name}.html`, fixture);
  }
  return (host: string, pathAndQuery: string): Fixture | undefined => {
    const exact = byHostAndPath.get(`${host}${pathAndQuery}`);
    if (exact) return exact;
    // Any host serves a fixture's path, as long as the path names one page:
    // two portals may both have an /index.html.
    const samePath = byPath.get(pathAndQuery);
    if (samePath?.length === 1) return samePath[0];
    return byFileName.get(pathAndQuery);
  };
}

/** Only the head of a page is looked at: a policy must come before anything it governs. */
const POLICY_SCAN_BYTES = 4096;

/**
 * The Content-Security-Policy a page declares in a `<meta http-equiv>`, if
 * any. Portals that set a policy usually send it as a header too, and a
 * browser may treat the two differently (a meta policy only governs what
 * comes after it), so the server sends the same policy as a header.
 */
export function declaredContentSecurityPolicy(body: Buffer): string | null {
  const head = body.subarray(0, POLICY_SCAN_BYTES).toString('latin1');
  const meta =
    /<meta\s+http-equiv\s*=\s*["']content-security-policy["']\s+content\s*=\s*"([^"]*)"/i.exec(
      head,
    );
  return meta?.[1]?.trim() || null;
}

/**
 * Sends `body` a chunk at a time, as a slow portal does, and records in
 * `record` whether the client closed the connection before the end.
 */
function trickleBody(
  res: ServerResponse,
  body: Buffer,
  { chunkBytes, everyMs }: NonNullable<Fixture['trickle']>,
  record: Trickle,
): void {
  const timer = setInterval(() => {
    if (res.destroyed) return;
    const chunk = body.subarray(record.sent, record.sent + chunkBytes);
    record.sent += chunk.length;
    if (record.sent >= body.length) {
      clearInterval(timer);
      res.end(chunk);
    } else {
      res.write(chunk);
    }
  }, everyMs);
  res.on('close', () => {
    clearInterval(timer);
    record.closedEarly = !res.writableFinished;
  });
}

/** Where the mirror keeps a page, and its redirects, by host and path. */
interface MirrorRoutes {
  hosts: Set<string>;
  files: Map<string, string>;
  redirects: Map<string, string>;
}

function mirrorRoutes(options: FixtureServerOptions): MirrorRoutes | null {
  const portal = options.portal;
  if (!portal) return null;
  const dir = portal.dir ?? PORTAL_DIR;
  const key = (url: URL) => `${url.hostname}${url.pathname}${url.search}`;
  const routes: MirrorRoutes = { hosts: new Set(), files: new Map(), redirects: new Map() };
  for (const site of portal.manifest.portals) for (const host of site.hosts) routes.hosts.add(host);
  for (const page of portal.manifest.pages) {
    const url = new URL(page.url);
    routes.hosts.add(url.hostname);
    routes.files.set(key(url), join(dir, page.file));
    // A directory's address and its index.html name one saved file, as on the portal.
    if (url.pathname.endsWith('/index.html')) {
      routes.files.set(key(new URL('./', url)), join(dir, page.file));
    }
  }
  for (const redirect of portal.manifest.redirects) {
    routes.redirects.set(key(new URL(redirect.url)), redirect.location);
  }
  return routes;
}

const MIRROR_TYPES: [string, string][] = [
  ['.pdf', 'application/pdf'],
  ['.png', 'image/png'],
  ['.jpg', 'image/jpeg'],
  ['.gif', 'image/gif'],
];

/** The charset a page declares in its head (`<meta charset>` or http-equiv), if any. */
export function declaredCharset(body: Buffer): string | null {
  const head = body.subarray(0, POLICY_SCAN_BYTES).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase() ?? null;
}

function contentTypeOf(file: string, body: Buffer): string {
  const known = MIRROR_TYPES.find(([ext]) => file.endsWith(ext));
  if (known) return known[1];
  const charset = declaredCharset(body);
  return charset ? `text/html; charset=${charset}` : 'text/html';
}

export async function startFixtureServer(
  fixtures: readonly Fixture[],
  options: FixtureServerOptions = {},
): Promise<FixtureServer> {
  const lookup = routeTable(fixtures);
  const mirror = mirrorRoutes(options);
  const requests: LoggedRequest[] = [];
  const trickles: Trickle[] = [];
  let mirrorTrickle: NonNullable<Fixture['trickle']> | null = null;
  /** A page served whole while the rest of the mirror trickles (the one the reader opens). */
  let mirrorWhole: string | null = null;

  /** A request to a mirrored host: its file, its redirect, or 404. True when it was one. */
  const serveMirror = async (
    req: IncomingMessage,
    res: ServerResponse,
    target: { host: string; pathAndQuery: string },
  ): Promise<boolean> => {
    if (!mirror?.hosts.has(target.host)) return false;
    const key = `${target.host}${target.pathAndQuery}`;
    const location = mirror.redirects.get(key);
    const file = mirror.files.get(key);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not a fixture');
    } else if (location !== undefined) {
      res.writeHead(302, { Location: location, 'Content-Length': 0 }).end();
    } else if (file === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not on the mock portal');
    } else {
      const body = await readFile(file);
      const type = contentTypeOf(file, body);
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
      });
      if (
        mirrorTrickle &&
        req.method === 'GET' &&
        type.startsWith('text/html') &&
        target.pathAndQuery !== mirrorWhole
      ) {
        const record: Trickle = {
          pathAndQuery: target.pathAndQuery,
          length: body.length,
          sent: 0,
          closedEarly: null,
        };
        trickles.push(record);
        trickleBody(res, body, mirrorTrickle, record);
      } else {
        res.end(req.method === 'HEAD' ? undefined : body);
      }
    }
    return true;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const target = requestTarget(req);
    requests.push({
      method: req.method ?? '',
      host: target?.host ?? '',
      path: target?.pathAndQuery ?? req.url ?? '',
    });
    if (target && (await serveMirror(req, res, target))) return;
    const fixture = target && lookup(target.host, target.pathAndQuery);
    if (!fixture || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not a fixture');
      return;
    }
    // Bytes as stored and no charset in the header: a GBK page's own
    // <meta charset> must decide, as it does on the portal.
    const body = await readFile(fixture.htmlPath);
    // A PDF fixture (test/browser/pdf.ts) is served as a portal serves an attachment.
    const isPdf = fixture.htmlPath.endsWith('.pdf');
    const policy = isPdf ? null : declaredContentSecurityPolicy(body);
    res.writeHead(200, {
      'Content-Type': isPdf ? 'application/pdf' : 'text/html',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      ...(policy ? { 'Content-Security-Policy': policy } : {}),
    });
    if (fixture.trickle && req.method === 'GET' && target) {
      const record: Trickle = {
        pathAndQuery: target.pathAndQuery,
        length: body.length,
        sent: 0,
        closedEarly: null,
      };
      trickles.push(record);
      trickleBody(res, body, fixture.trickle, record);
      return;
    }
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    });
  });
  server.on('connect', (req, socket) => {
    const [host = ''] = (req.url ?? '').split(':');
    requests.push({ method: 'CONNECT', host: host.toLowerCase(), path: req.url ?? '' });
    socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    trickles,
    origin: `http://127.0.0.1:${port}`,
    requests,
    slowMirror: (trickle, exceptPath) => {
      mirrorTrickle = trickle;
      mirrorWhole = exceptPath ?? null;
    },
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
