/**
 * The content script as entrypoints/content.ts wires it, with stand-ins for
 * the browser: the background is a transport, the popup a listener call,
 * the in-page UI a recorder. What the popup hears and the background is
 * asked go through the message table's helpers, as in the browser.
 */
import { describe, expect, it } from 'vitest';
import { type PageUi, startContentScript } from '../../../lib/content/content-script';
import { REPORT_MARKER } from '../../../lib/content/page-pass';
import { createAsker } from '../../../lib/messaging/channel';
import { checkLikeBackground, fixtureUrl, openFixture } from '../annotate/support';

const FAST = { answerMs: 200, lateWindowMs: 300, quietMs: 20 };

function start(name: string, answer: (message: { type: string }) => Promise<unknown>) {
  const dom = openFixture(name);
  const asked: string[] = [];
  const ask = createAsker('contentScript', 'background', async (message) => {
    const request = message as { type: string };
    asked.push(request.type);
    return answer(request);
  });
  let listener: ((message: unknown) => Promise<unknown> | undefined) | null = null;
  const shown: unknown[] = [];
  const ui: PageUi = {
    load: () => {},
    notReadyMessage: async () => 'not ready',
    show: async (annotation) => {
      shown.push(annotation.overlay);
    },
  };
  const warnings: string[] = [];
  const done = startContentScript({
    window: dom.window as unknown as Parameters<typeof startContentScript>[0]['window'],
    ask,
    listen: (receive) => {
      listener = receive;
    },
    ui,
    log: (what) => warnings.push(what),
    pass: { timings: FAST, pause: () => Promise.resolve() },
  });
  const popup = (message: unknown) => {
    if (!listener) throw new Error('no listener registered');
    return listener(message);
  };
  return { dom, done, asked, shown, warnings, popup };
}

describe('the content script', () => {
  it('listens at once, says the page is pending, and exports nothing before the analysis', async () => {
    const { popup, done } = start('chk-identity-culprit', async () => undefined);
    await expect(popup({ type: 'getPageState' })).resolves.toEqual({ kind: 'pending' });
    await expect(popup({ type: 'exportReport', format: 'csv' })).resolves.toEqual({
      ok: false,
      message: 'not ready',
    });
    await done;
  });

  it('prepares, asks for the checks, shows them, and tells the popup', async () => {
    const url = fixtureUrl('chk-identity-culprit');
    const checked = checkLikeBackground(openFixture('chk-identity-culprit').window.document, url);
    const { dom, done, asked, shown, popup } = start('chk-identity-culprit', async (message) =>
      message.type === 'prepare'
        ? { prepared: true }
        : { findings: checked.findings, previous: null },
    );
    await done;
    expect(asked).toEqual(['prepare', 'analysed']);
    expect(shown).toEqual([expect.objectContaining({ unchecked: null })]);
    expect(dom.window.document.documentElement.getAttribute(REPORT_MARKER)).toBe('report');
    const state = await popup({ type: 'getPageState' });
    expect(state).toMatchObject({ kind: 'report', findings: checked.findings });
  });

  it('takes a background answer out of shape as no answer', async () => {
    const { done, shown } = start('chk-identity-culprit', async (message) =>
      message.type === 'prepare' ? { prepared: true } : { findings: 'all of them' },
    );
    await done;
    expect(shown).toEqual([expect.objectContaining({ unchecked: 'noAnswer', findings: [] })]);
  });

  it('drops what the popup did not send in shape, and what is not for it', async () => {
    const { popup, done } = start('nonreport-training-news', async () => undefined);
    await done;
    expect(popup({ type: 'exportReport', format: 'exe' })).toBeUndefined();
    expect(popup({ type: 'analysed', report: {} })).toBeUndefined();
    expect(popup({ type: 'setMarker' })).toBeUndefined();
    expect(popup('getPageState')).toBeUndefined();
    await expect(popup({ type: 'getPageState' })).resolves.toEqual({ kind: 'none' });
  });
});
