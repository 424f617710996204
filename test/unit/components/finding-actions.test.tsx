import { JSDOM } from 'jsdom';
import { render } from 'preact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FindingActions,
  type FindingActionsApi,
  FindingActionsContext,
} from '../../../components/FindingActions';
import type { Finding } from '../../../lib/model/report';
import { translatorFor } from '../../support/translator';

const dom = new JSDOM('<!doctype html><body><div id="app"></div></body>');
const app = dom.window.document.getElementById('app') as HTMLElement;
beforeAll(() => {
  globalThis.document = dom.window.document;
});
afterAll(() => {
  Reflect.deleteProperty(globalThis, 'document');
  Reflect.deleteProperty(globalThis, 'navigator');
});

const finding: Finding = {
  rule: 't3.row-total',
  family: 'identity',
  severity: 'error',
  message: '总计不符',
  messageEn: 'The total does not add up',
  cells: [],
  terms: [],
  expected: 22,
  actual: 32,
  arithmetic: '32 ≠ 22',
};
const SENTENCE = '据青山区《青山区2023年政府信息公开工作年度报告》表三…';

/** jsdom's events are synthetic: the tests accept them, as the page accepts a user's. */
const accept = () => true;

function show(api: FindingActionsApi | null) {
  // A fresh component each time: no status left over from the test before.
  render(null, app);
  render(
    <FindingActionsContext.Provider value={api}>
      <FindingActions finding={finding} t={translatorFor('zh_CN')} />
    </FindingActionsContext.Provider>,
    app,
  );
}

const click = async (selector: string) => {
  (app.querySelector(selector) as HTMLElement).click();
  // Let the clipboard's promise and Preact's re-render settle.
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

describe('FindingActions', () => {
  it('shows nothing where its view offers no actions', () => {
    show(null);
    expect(app.querySelector('[data-finding-actions]')).toBeNull();
  });

  it('copies the citation with the async clipboard and says so', async () => {
    const written: string[] = [];
    Object.defineProperty(globalThis, 'navigator', {
      value: { clipboard: { writeText: async (text: string) => void written.push(text) } },
      configurable: true,
    });
    show({ citation: () => SENTENCE, acceptEvent: accept });
    expect(app.querySelector('[data-action="save-evidence"]')).toBeNull();
    await click('[data-action="copy-citation"]');
    expect(written).toEqual([SENTENCE]);
    expect(app.querySelector('[data-copy-status]')?.getAttribute('data-copy-status')).toBe(
      'copied',
    );
    expect(app.querySelector('[data-copy-status]')?.textContent).toBe('已复制引用，可直接粘贴');
    expect((app.querySelector('[data-citation-text]') as HTMLTextAreaElement).hidden).toBe(true);
  });

  it('leaves the sentence in view to copy by hand when no way of copying works', async () => {
    Object.defineProperty(globalThis, 'navigator', {
      value: { clipboard: { writeText: async () => Promise.reject(new Error('not allowed')) } },
      configurable: true,
    });
    show({ citation: () => SENTENCE, acceptEvent: accept });
    await click('[data-action="copy-citation"]');
    expect(app.querySelector('[data-copy-status]')?.getAttribute('data-copy-status')).toBe(
      'failed',
    );
    const field = app.querySelector('[data-citation-text]') as HTMLTextAreaElement;
    expect(field.hidden).toBe(false);
    expect(field.value).toBe(SENTENCE);
  });

  it('ignores a click that is not the user’s own', async () => {
    const written: string[] = [];
    Object.defineProperty(globalThis, 'navigator', {
      value: { clipboard: { writeText: async (text: string) => void written.push(text) } },
      configurable: true,
    });
    show({ citation: () => SENTENCE, acceptEvent: () => false });
    await click('[data-action="copy-citation"]');
    expect(written).toEqual([]);
    expect(app.querySelector('[data-copy-status]')).toBeNull();
  });

  it('saves the evidence image and names the file, or says why it could not', async () => {
    const saved: Finding[] = [];
    show({
      citation: () => SENTENCE,
      saveEvidence: async (f) => {
        saved.push(f);
        return saved.length === 1
          ? { ok: true, filename: '青山区-2023-年报核查-证据1.png' }
          : { ok: false, message: '浏览器不允许' };
      },
      acceptEvent: accept,
    });
    await click('[data-action="save-evidence"]');
    expect(saved).toEqual([finding]);
    const status = () => app.querySelector('[data-evidence-status]');
    expect(status()?.getAttribute('data-evidence-status')).toBe('done');
    expect(status()?.textContent).toContain('青山区-2023-年报核查-证据1.png');
    await click('[data-action="save-evidence"]');
    expect(status()?.getAttribute('data-evidence-status')).toBe('failed');
    expect(status()?.textContent).toContain('浏览器不允许');
  });
});
