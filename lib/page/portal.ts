/**
 * The portal a page belongs to: the registrable domain of its host. The
 * history keeps one report per portal, agency and year, so that a page on
 * another portal naming the same agency and year can neither replace a
 * portal's record nor serve as its previous year.
 *
 * gov.cn is a public suffix (publicsuffix.org): every name directly under it
 * is registered on its own, and its subdomains belong to that registrant.
 * www.hailing.gov.cn and xxgk.hailing.gov.cn are both hailing.gov.cn. The
 * extension only runs on gov.cn hosts, so no other suffix is known here: a
 * host outside gov.cn is its own portal (the strictest reading, never a
 * wider one).
 *
 * The portal is computed from an address the browser filled in (the sender's
 * frame URL), never from anything the page says about itself.
 */

const GOV_CN = 'gov.cn';

/** Hosts the URL parser has already normalised (lowercase, punycode, no port, IPs canonical). */
function portalOfNormalisedHost(hostname: string): string | null {
  // An IPv6 literal is its own portal.
  if (hostname.startsWith('[')) return hostname;
  // The fully qualified form (one trailing dot) names the same host.
  const host = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  const labels = host.split('.');
  // `a..gov.cn`, `.gov.cn`, an empty host: no name was registered, so there is no portal to key by.
  if (labels.some((label) => label === '')) return null;
  if (host === GOV_CN || !host.endsWith(`.${GOV_CN}`)) return host;
  // The label registered under gov.cn, and gov.cn.
  return labels.slice(-3).join('.');
}

/**
 * The portal of a web address: the registrable domain of its host for an
 * http(s) address, null for anything else (a file, an extension page, a
 * string that is not an address).
 */
export function portalOfUrl(url: string | undefined | null): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return portalOfNormalisedHost(parsed.hostname);
}

/**
 * The portal of a bare host name (`WWW.Hailing.gov.cn.`, `www.hailing.gov.cn:8080`,
 * `海陵.gov.cn`): normalised as a browser normalises the host of an address.
 */
export function portalOfHost(host: string): string | null {
  if (host.includes('/') || host.includes('@') || host.includes('?') || host.includes('#')) {
    return null;
  }
  return portalOfUrl(`http://${host}/`);
}
