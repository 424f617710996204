/**
 * Every message goes through the one table (lib/messaging/messages.ts) and
 * its helpers: no context builds a message by hand or calls the browser's
 * messaging itself, where the request would go unchecked by the types and the
 * answer unparsed. The entrypoints only hand the browser's transport to the
 * helpers, passing on the message the helper built.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../lib/messaging/messages';

const ROOT = join(import.meta.dirname, '../../..');
/** The code that ships in the extension. */
const SHIPPED = ['lib', 'components', 'entrypoints'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** A request written by hand: `type: 'analysed'` and the like. */
const RAW_MESSAGE = new RegExp(`\\btype\\s*:\\s*['"\`](${Object.keys(MESSAGES).join('|')})['"\`]`);
/** The browser's messaging, reached directly. */
const BROWSER_MESSAGING = /\b(sendMessage|onMessage\w*|onConnect\w*|runtime\.connect)\b/;
/**
 * The one use an entrypoint makes of it: a transport that passes on the
 * message the helper built (`(message) => browser.runtime.sendMessage(message)`),
 * or a listener the helpers built handed to onMessage.
 */
const TRANSPORT_WIRING =
  /\bbrowser\.(runtime\.sendMessage\(message\)|tabs\.sendMessage\(tabId, message(?:, \{ frameId \})?\)|runtime\.onMessage\.addListener\(\w+\))/;

/** Source lines without comments: prose may name the APIs it is about. */
function codeLines(file: string) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({
      line: line.replace(/\/\/.*$/, ''),
      at: `${relative(ROOT, file)}:${i + 1}`,
    }))
    .filter(({ line }) => !/^\s*(\/\*\*?|\*)/.test(line));
}

function offences(file: string): string[] {
  const path = relative(ROOT, file).split(sep).join('/');
  if (path.startsWith('lib/messaging/')) return [];
  const isEntrypoint = path.startsWith('entrypoints/');
  return codeLines(file)
    .filter(
      ({ line }) =>
        RAW_MESSAGE.test(line) ||
        (BROWSER_MESSAGING.test(line) && !(isEntrypoint && TRANSPORT_WIRING.test(line))),
    )
    .map(({ at, line }) => `${at}: ${line.trim()}`);
}

describe('messages between contexts', () => {
  it('are built and sent only through lib/messaging', () => {
    const files = SHIPPED.flatMap((dir) => sources(join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap(offences)).toEqual([]);
  });

  it('the scan finds a message sent by hand where there is one', () => {
    expect(RAW_MESSAGE.test("browser.runtime.sendMessage({ type: 'getLocale', language })")).toBe(
      true,
    );
    expect(RAW_MESSAGE.test('{ type: "exportReport", format }')).toBe(true);
    expect(RAW_MESSAGE.test("new Blob([content], { type: 'text/csv' })")).toBe(false);
    expect(BROWSER_MESSAGING.test('await browser.tabs.sendMessage(tabId, request)')).toBe(true);
    expect(BROWSER_MESSAGING.test('browser.runtime.onMessageExternal.addListener(f)')).toBe(true);
    expect(BROWSER_MESSAGING.test('channel.port2.postMessage(null)')).toBe(false);
    expect(TRANSPORT_WIRING.test('browser.tabs.sendMessage(tabId, { format })')).toBe(false);
    expect(TRANSPORT_WIRING.test('  browser.runtime.sendMessage(message),')).toBe(true);
    expect(TRANSPORT_WIRING.test('browser.runtime.onMessage.addListener((m) => m)')).toBe(false);
  });
});
