/**
 * When the background shows 「核查本栏目全部年报」 on a column's own page
 * (lib/background/listing-bar.ts): only with the reader's setting on, only
 * on a .gov.cn page the content script took for a column, once the load is
 * complete; never on a state it cannot parse, and not for a load the tab
 * has already left.
 */
import { describe, expect, it } from 'vitest';
import {
  createListingBarOffer,
  type ListingBarDeps,
  STATE_ATTEMPTS,
} from '../../../lib/background/listing-bar';
import { DEFAULT_SETTINGS } from '../../../lib/settings';

const LISTING = 'http://www.heming.gov.cn/xxgk/zfxxgkndbg/index.html';

function offerWith(states: unknown[], options: { on?: boolean } = {}) {
  const injected: number[] = [];
  const asked: number[] = [];
  const waits: number[] = [];
  const warned: unknown[] = [];
  const queue = [...states];
  const deps: ListingBarDeps = {
    readSettings: async () => ({ ...DEFAULT_SETTINGS, listingBar: options.on ?? true }),
    readPageState: async (tabId) => {
      asked.push(tabId);
      return queue.length > 1 ? queue.shift() : queue[0];
    },
    injectBar: async (tabId) => void injected.push(tabId),
    wait: async (ms) => void waits.push(ms),
    warn: (...details) => void warned.push(details),
  };
  return { offer: createListingBarOffer(deps), injected, asked, waits, warned, deps };
}

describe('the column bar, from the background', () => {
  it('is off by default: nothing is asked of the tab, nothing injected', async () => {
    expect(DEFAULT_SETTINGS.listingBar).toBe(false);
    const { offer, injected, asked } = offerWith([{ kind: 'listing' }], { on: false });
    expect(await offer.offer(3, LISTING)).toBe('off');
    expect(asked).toEqual([]);
    expect(injected).toEqual([]);
  });

  it('shows on a listing and on a column of a few reports, in the tab that loaded it', async () => {
    for (const state of [{ kind: 'listing' }, { kind: 'none', column: true }]) {
      const { offer, injected } = offerWith([state]);
      expect(await offer.offer(5, LISTING)).toBe('shown');
      expect(injected).toEqual([5]);
    }
  });

  it('leaves a report, a page that is not a column, a pending or failed page alone', async () => {
    for (const state of [
      { kind: 'none' },
      { kind: 'none', pdfs: ['http://www.heming.gov.cn/a.pdf'] },
      { kind: 'pending' },
      { kind: 'error', message: 'x' },
    ]) {
      const { offer, injected } = offerWith([state]);
      expect(await offer.offer(5, LISTING)).toBe('notColumn');
      expect(injected).toEqual([]);
    }
  });

  it('never acts off .gov.cn, nor on a state it cannot parse', async () => {
    const { offer, asked } = offerWith([{ kind: 'listing' }]);
    for (const url of [undefined, 'https://example.com/list.html', 'file:///x.gov.cn/a.html']) {
      expect(await offer.offer(5, url)).toBe('ignored');
    }
    expect(asked).toEqual([]);
    const malformed = offerWith([{ kind: 'listing', pdfs: 'not a list' }]);
    expect(await malformed.offer.offer(5, LISTING)).toBe('unknown');
    expect(malformed.injected).toEqual([]);
  });

  it('asks again while the content script has not run yet, then gives up', async () => {
    const late = offerWith([null, null, { kind: 'listing' }]);
    expect(await late.offer.offer(8, LISTING)).toBe('shown');
    expect(late.asked).toEqual([8, 8, 8]);
    expect(late.waits).toHaveLength(2);
    const never = offerWith([null]);
    expect(await never.offer.offer(8, LISTING)).toBe('unknown');
    expect(never.asked).toHaveLength(STATE_ATTEMPTS);
    expect(never.injected).toEqual([]);
  });

  it('acts on a finished load only, and not for a load the tab has left', async () => {
    const { offer, injected, asked, deps } = offerWith([{ kind: 'listing' }]);
    offer.tabUpdated(4, { status: 'loading' }, { url: LISTING });
    offer.tabUpdated(4, {}, { url: LISTING });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).toEqual([]);

    // The tab moves on to another page while the first is still being asked about.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let first = true;
    deps.readPageState = async () => {
      if (first) {
        first = false;
        return null;
      }
      return { kind: 'listing' };
    };
    deps.wait = () => held;
    const superseded = offer.offer(4, LISTING);
    await new Promise((resolve) => setTimeout(resolve, 0));
    deps.wait = async () => {};
    expect(await offer.offer(4, `${LISTING}?page=2`)).toBe('shown');
    release();
    expect(await superseded).toBe('unknown');
    expect(injected).toEqual([4]);
  });

  it('a tab that closed meanwhile is only warned about', async () => {
    const { offer, warned, deps } = offerWith([{ kind: 'listing' }]);
    deps.injectBar = async () => {
      throw new Error('No tab with id: 4');
    };
    offer.tabUpdated(4, { status: 'complete' }, { url: LISTING });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(warned).toHaveLength(1);
  });
});
