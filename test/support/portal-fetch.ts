/**
 * A `fetch` that answers from the mock portal's mirror (test/fixtures/portal)
 * as its server would: each file at its address (a directory's address is
 * its index.html), a PDF as application/pdf, the manifest's redirects as
 * 302 + Location, anything else 404. It records every request, so a test can
 * see how many were sent and where. No network.
 */
import { loadPortalManifest, type PortalManifest, portalFile } from './portal';

export interface PortalFetch {
  fetch: typeof fetch;
  /** Every request: its method and address, in order. */
  requests: { method: string; url: string }[];
}

export function mockPortalFetch(manifest: PortalManifest = loadPortalManifest()): PortalFetch {
  const byUrl = new Map(manifest.pages.map((page) => [page.url, page]));
  const requests: PortalFetch['requests'] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    requests.push({ method: init?.method ?? 'GET', url });
    init?.signal?.throwIfAborted();
    const redirect = manifest.redirects.find((r) => r.url === url);
    if (redirect) {
      return new Response(null, { status: 302, headers: { location: redirect.location } });
    }
    const page = byUrl.get(url) ?? (url.endsWith('/') ? byUrl.get(`${url}index.html`) : undefined);
    if (!page) return new Response('not on the mock portal', { status: 404 });
    const type =
      page.kind === 'pdf' ? 'application/pdf' : page.kind === 'image' ? 'image/png' : 'text/html';
    return new Response(new Uint8Array(portalFile(page)), {
      status: 200,
      headers: { 'content-type': type },
    });
  };
  return { fetch: fetchImpl as typeof fetch, requests };
}
