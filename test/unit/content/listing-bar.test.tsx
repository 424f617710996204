/**
 * The bar of a column of reports in the page (lib/content/listing-bar.ts,
 * components/ListingBar.tsx): it counts the reports the page lists on the
 * mock portal's columns in both CMS markups, keeps clear of the list that
 * holds them, shows once per frame, and opens the audit of the frame's own
 * address on the reader's click only, saying why when it was refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { render } from 'preact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListingBar } from '../../../components/ListingBar';
import {
  type ListedReports,
  listedReports,
  MAX_COUNTED_LINKS,
  startColumnBar,
} from '../../../lib/content/listing-bar';
import { loadPortalManifest, PORTAL_DIR } from '../../support/portal';
import { translatorFor } from '../../support/translator';

const manifest = loadPortalManifest();

function portalPage(url: string): Document {
  const page = manifest.pages.find((p) => p.url === url);
  if (!page) throw new Error(`${url} is not in the mock portal`);
  return new JSDOM(readFileSync(join(PORTAL_DIR, page.file)), { url }).window.document;
}

const YEAR_TAB = 'http://www.heming.gov.cn/xxgk/zfxxgkndbg/2023nd/index.html';
const DEPARTMENT = 'http://jyj.heming.gov.cn/xxgk/ndbg/index.html';

describe('what the page lists', () => {
  it('counts the reports of a TRS year tab and of a department’s own column, by address', () => {
    for (const url of [YEAR_TAB, DEPARTMENT]) {
      const listed = listedReports(portalPage(url));
      const expected = manifest.pages.find((p) => p.url === url)?.listing?.reports.length;
      expect(listed?.count, url).toBe(expected);
    }
  });

  it('keeps clear of the list itself: the element holding every report link, not the whole page', () => {
    const doc = portalPage(YEAR_TAB);
    const listed = listedReports(doc) as ListedReports;
    expect(listed.list).not.toBe(doc.body);
    expect(listed.list).not.toBe(doc.documentElement);
    const inside = Array.from(listed.list.querySelectorAll('a')).filter((a) =>
      /年度报告/.test(a.getAttribute('title') ?? a.textContent ?? ''),
    );
    expect(inside.length).toBeGreaterThanOrEqual(listed.count);
  });

  it('lists nothing on a page without report links, and counts a huge column as "at least"', () => {
    const empty = new JSDOM('<!doctype html><body><a href="/a.html">通知公告</a></body>').window
      .document;
    expect(listedReports(empty)).toBeNull();
    const links = Array.from(
      { length: 3 * MAX_COUNTED_LINKS },
      (_, i) =>
        `<li><a href="/t${i}.html">${2000 + (i % 24)}年鹤鸣区单位${i}政府信息公开工作年度报告</a></li>`,
    ).join('');
    const huge = new JSDOM(`<!doctype html><body><ul>${links}</ul></body>`, {
      url: 'http://www.heming.gov.cn/',
    }).window.document;
    expect(listedReports(huge)?.count).toBe(MAX_COUNTED_LINKS);
  });
});

describe('the bar, once per frame', () => {
  it('mounts once, and opens the audit of the frame’s own address', async () => {
    const doc = portalPage(DEPARTMENT);
    const opened: string[] = [];
    const mounted: number[] = [];
    const global = {};
    const deps = {
      doc,
      url: DEPARTMENT,
      openAudit: async (url: string) => void opened.push(url),
      mount: async (listed: ListedReports, open: () => Promise<void>) => {
        mounted.push(listed.count);
        await open();
      },
    };
    expect(await startColumnBar(deps, global)).toBe(true);
    expect(await startColumnBar(deps, global)).toBe(false);
    expect(mounted).toEqual([3]);
    expect(opened).toEqual([DEPARTMENT]);
  });

  it('shows nothing where the page lists no report after all', async () => {
    const doc = new JSDOM('<!doctype html><body><p>年报</p></body>').window.document;
    let mounted = false;
    const shown = await startColumnBar(
      {
        doc,
        url: 'http://www.heming.gov.cn/',
        openAudit: async () => {},
        mount: async () => {
          mounted = true;
        },
      },
      {},
    );
    expect(shown).toBe(false);
    expect(mounted).toBe(false);
  });
});

describe('ListingBar', () => {
  const dom = new JSDOM('<!doctype html><body><ul id="list"></ul><div id="app"></div></body>');
  const app = dom.window.document.getElementById('app') as HTMLElement;
  const list = dom.window.document.getElementById('list') as HTMLElement;
  beforeAll(() => {
    globalThis.document = dom.window.document;
  });
  afterAll(() => {
    render(null, app);
    Reflect.deleteProperty(globalThis, 'document');
  });
  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  };
  const show = (
    language: 'zh_CN' | 'en',
    count: number,
    openAudit: () => Promise<void>,
    accept?: (event: Event) => boolean,
  ) => {
    render(null, app);
    render(
      <ListingBar
        doc={dom.window.document}
        listed={{ count, list }}
        openAudit={openAudit}
        t={translatorFor(language)}
        onDismiss={() => {}}
        {...(accept ? { acceptEvent: accept } : {})}
      />,
      app,
    );
    // Opened from its tab where it starts folded (the reader's click, when accepted).
    const tab = app.querySelector('[data-action="open-column-bar"]') as HTMLElement | null;
    if (tab && accept) tab.click();
  };

  it('opens nothing on a page script’s click, by default', async () => {
    let opened = 0;
    show('zh_CN', 12, async () => void opened++);
    // Folded to its tab, the script's click does not open it; docked, it does not press the button.
    const tab = app.querySelector('[data-action="open-column-bar"]') as HTMLElement | null;
    tab?.click();
    await settle();
    if (tab) expect(app.querySelector('[data-ogi-column-bar="tab"]')).not.toBeNull();
    const button = app.querySelector('[data-action="audit-column"]') as HTMLElement | null;
    expect(button === null).toBe(tab !== null);
    button?.click();
    await settle();
    expect(opened).toBe(0);
  });

  it('says how many reports the page lists, in either language, and says why the audit was refused', async () => {
    let opened = 0;
    show(
      'zh_CN',
      12,
      async () => {
        opened++;
        throw new Error("Only a column on the page's own portal can be audited from the page.");
      },
      () => true,
    );
    expect(app.querySelector('.column-note')?.textContent).toBe('本页列出 12 份年报。');
    const button = app.querySelector('[data-action="audit-column"]') as HTMLElement;
    expect(button.textContent).toBe('核查本栏目全部年报');
    button.click();
    await settle();
    expect(opened).toBe(1);
    expect(app.querySelector('[data-ogi-audit-failed]')?.textContent).toBe(
      "无法打开核查页面：Only a column on the page's own portal can be audited from the page.",
    );
    show(
      'en',
      MAX_COUNTED_LINKS,
      async () => {},
      () => true,
    );
    expect(app.querySelector('.column-note')?.textContent).toBe(
      `This page lists ${MAX_COUNTED_LINKS}+ reports.`,
    );
  });
});
