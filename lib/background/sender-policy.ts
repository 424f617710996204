/**
 * Who sent a message to the background. Any page the extension's content
 * script runs on can reach it, and so (through `externally_connectable` or a
 * compromised page) might others: the receiver decides from `sender`, which
 * the browser fills in and a page cannot forge, never from the message.
 * Which parties may send which message is declared in the message table
 * (lib/messaging/messages.ts, `from`); this module tells the parties apart.
 */
import type { Party } from '../messaging/messages';

/** The fields of `runtime.MessageSender` the decision reads (Chrome and Firefox agree on these). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string; windowId?: number; active?: boolean; index?: number };
  /** The frame within the tab (0: the top frame). */
  frameId?: number;
  /** The document that sent it (Chrome; Firefox does not say). */
  documentId?: string;
}

export interface ExtensionIdentity {
  /** `browser.runtime.id`. */
  id: string;
  /** `browser.runtime.getURL('/')`: the extension's own origin, e.g. `chrome-extension://abc/`. */
  baseUrl: string;
}

function parseUrl(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A host on the .gov.cn domain (gov.cn itself or any subdomain). */
export function isGovCnHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'gov.cn' || host.endsWith('.gov.cn');
}

/** An http(s) address on a .gov.cn host: where the content script runs. */
export function isGovCnPage(url: string | undefined): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
    isGovCnHost(parsed.hostname)
  );
}

/** This extension's content script, in a tab showing a .gov.cn page. */
export function isOwnContentScript(sender: SenderInfo, self: ExtensionIdentity): boolean {
  return sender.id === self.id && sender.tab !== undefined && isGovCnPage(sender.url);
}

/** One of this extension's own pages (popup, options), opened in a tab or not. */
export function isOwnExtensionPage(sender: SenderInfo, self: ExtensionIdentity): boolean {
  const url = parseUrl(sender.url);
  const base = parseUrl(self.baseUrl);
  // `URL.origin` is 'null' for schemes it does not know (chrome-extension:,
  // moz-extension: in some engines), so scheme and host are compared instead.
  return (
    sender.id === self.id &&
    url !== null &&
    base !== null &&
    base.host !== '' &&
    url.protocol === base.protocol &&
    url.host === base.host
  );
}

/** The extension's own page at `path` (`/offscreen.html`), by the browser's word. */
function isOwnPageAt(sender: SenderInfo, self: ExtensionIdentity, path: string): boolean {
  return (
    isOwnExtensionPage(sender, self) &&
    sender.tab === undefined &&
    parseUrl(sender.url)?.pathname === path
  );
}

/** Chrome's offscreen document (entrypoints/offscreen/), where the portal is searched. */
export const OFFSCREEN_PATH = '/offscreen.html';
/** The MV3 worker's script, which the browser names as the sender of its messages. */
export const BACKGROUND_SCRIPT_PATH = '/background.js';

/** This extension's offscreen document: it is in no tab, at its own address. */
export function isOwnOffscreen(sender: SenderInfo, self: ExtensionIdentity): boolean {
  return isOwnPageAt(sender, self, OFFSCREEN_PATH);
}

/**
 * This extension's background worker, as the offscreen document sees a
 * message from it: never a content script (a tab), never another page.
 */
export function isOwnBackground(sender: SenderInfo, self: ExtensionIdentity): boolean {
  return isOwnPageAt(sender, self, BACKGROUND_SCRIPT_PATH);
}

/**
 * Whether the sender is one of the parties a message's `from` names. The
 * background never sends to itself, so a message claiming to be its own is
 * from no one it listens to.
 */
export function isSentBy(
  from: readonly Party[],
  sender: SenderInfo,
  self: ExtensionIdentity,
): boolean {
  const isParty: Record<Party, () => boolean> = {
    contentScript: () => isOwnContentScript(sender, self),
    extensionPage: () => isOwnExtensionPage(sender, self),
    background: () => false,
    offscreen: () => isOwnOffscreen(sender, self),
  };
  return from.some((party) => isParty[party]());
}
