import type { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import type { FindingActionsApi } from '../../../components/FindingActions';
import type { MessageKey } from '../../../components/i18n';
import { FLASH_MS, mountPageOverlay } from '../../../components/PageOverlay';
import { annotatePage } from '../../../lib/annotate/annotate';
import { HOST_ATTRIBUTE } from '../../../lib/annotate/host';
import { FINDING_ATTRIBUTE, STYLE_ATTRIBUTE } from '../../../lib/annotate/marks';
import { isOwnNode } from '../../../lib/annotate/own-nodes';
import type { AcceptEvent } from '../../../lib/annotate/trusted';
import { HIERARCHY_RULE, hierarchyFindings } from '../../../lib/audit/hierarchy';
import { COMPARED_KEY } from '../../../lib/checks/year-over-year-data';
import type { ExportFormat } from '../../../lib/export/types';
import { extractReport, findContentRoot } from '../../../lib/extract';
import type { NotCheckedReason } from '../../../lib/messaging/protocol';
import type { Finding } from '../../../lib/model/report';
import {
  checkLikeBackground,
  fixtureUrl,
  openFixture,
  reportOf,
  useWindowGlobals,
} from './support';

/** Strings as keys with their substitutions: what the overlay asked to say, in any language. */
const t = (key: MessageKey, ...subs: string[]) => [key, ...subs].join('|');

/** Preact renders on a microtask after a change, and runs effects after the next frame. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

interface Options {
  name: string;
  history?: string[];
  change?: (findings: Finding[]) => Finding[];
  showPanel?: boolean;
  pruned?: number;
  historyUnavailable?: boolean;
  unchecked?: NotCheckedReason;
  /** jsdom's events are all synthetic: the tests accept them unless they test the default policy. */
  acceptEvent?: AcceptEvent | 'default';
  /** Copy as citation and save evidence, as the analyser wires them. */
  findingActions?: FindingActionsApi;
  /** Runs on the page before the overlay is mounted, as the page's own script would. */
  before?: (dom: JSDOM) => void;
}

const acceptAll: AcceptEvent = () => true;

/** Every mark the page's own cells carry, by tag and ordinal: what a page script can read. */
function pageMarks(doc: Document): string[] {
  return Array.from(doc.querySelectorAll(`[${FINDING_ATTRIBUTE}]`), (el) => {
    const ordinal = Array.prototype.indexOf.call(doc.getElementsByTagName(el.localName), el);
    return `${el.localName}#${ordinal} ${el.getAttribute(FINDING_ATTRIBUTE)} ${el.getAttribute('tabindex')}`;
  });
}

function mount({
  name,
  history = [],
  change = (f) => f,
  showPanel = true,
  pruned,
  historyUnavailable,
  unchecked,
  acceptEvent = acceptAll,
  findingActions,
  before,
}: Options) {
  const dom = openFixture(name);
  useWindowGlobals(dom);
  const doc = dom.window.document;
  before?.(dom);
  const url = fixtureUrl(name);
  const answer = checkLikeBackground(doc, url, history.map(reportOf));
  const findings = change(answer.findings);
  const { report, elements } = extractReport(doc, url);
  const { overlay } = annotatePage({
    doc,
    report,
    elements,
    findings,
    previous: answer.previous,
    unchecked: unchecked ?? null,
    pruned,
    historyUnavailable,
    articleRoot: findContentRoot(doc),
  });
  const onHideReport = vi.fn();
  const onHideAgency = vi.fn();
  const onExport = vi.fn(async (format: ExportFormat) => ({
    ok: true as const,
    filename: `report.${format}`,
  }));
  const onFormatChange = vi.fn();
  const host = mountPageOverlay(doc, {
    ...overlay,
    showPanel,
    t,
    language: 'en',
    onHideReport,
    onHideAgency,
    exportMenu: { format: 'csv', onExport, onFormatChange },
    ...(acceptEvent === 'default' ? {} : { acceptEvent }),
    ...(findingActions ? { findingActions } : {}),
  });
  // The root is closed: only the reference the mount returns reaches it.
  const shadow = host.shadow;
  return {
    dom,
    doc,
    shadow,
    findings,
    overlay,
    onHideReport,
    onHideAgency,
    onExport,
    onFormatChange,
    host,
  };
}

const fire = (dom: JSDOM, target: Element, type: string, init: Record<string, unknown> = {}) => {
  const Ctor = type.startsWith('focus')
    ? dom.window.FocusEvent
    : type.startsWith('key')
      ? dom.window.KeyboardEvent
      : dom.window.MouseEvent;
  target.dispatchEvent(new Ctor(type, { bubbles: true, ...init }));
};

describe('the overlay on a report page', () => {
  it('says that a refused or unanswered report was not checked, and why, with no counts of zero', async () => {
    const reasons = {
      tooLarge: 'page_notCheckedTooLarge',
      invalid: 'page_notCheckedInvalid',
      noAnswer: 'page_notChecked',
    } as const;
    for (const [unchecked, key] of Object.entries(reasons) as [NotCheckedReason, string][]) {
      const page = mount({ name: 'chk-identity-culprit', change: () => [], unchecked });
      await settle();
      const panel = page.shadow.querySelector('[data-ogi-panel]');
      expect(panel?.querySelector('.unchecked')?.textContent).toBe(key);
      expect(panel?.querySelector(`[data-ogi-unchecked="${unchecked}"]`)?.textContent).toBe(
        'page_notCheckedShort',
      );
      expect(panel?.querySelectorAll('.count')).toHaveLength(0);
      expect(panel?.textContent).not.toContain('page_noFindings');
      expect(panel?.textContent).not.toContain('page_count');
      page.host.remove();
    }
    const checked = mount({ name: 'chk-identity-culprit', change: () => [] });
    await settle();
    expect(checked.shadow.querySelector('.none')?.textContent).toBe('page_noFindings');
    expect(checked.shadow.querySelectorAll('.count')).toHaveLength(3);
    expect(checked.shadow.querySelector('.unchecked')).toBeNull();
    checked.host.remove();
  });

  it('says when older cached reports were removed to keep this one, and only then', async () => {
    const full = mount({ name: 'chk-identity-culprit', pruned: 2 });
    await settle();
    const note = full.shadow.querySelector('[data-ogi-pruned]');
    expect(note?.textContent).toBe('page_pruned|2');
    full.host.remove();
    const usual = mount({ name: 'chk-identity-culprit' });
    await settle();
    expect(usual.shadow.querySelector('[data-ogi-pruned]')).toBeNull();
  });

  it('says when the history is unavailable, and only then', async () => {
    const dead = mount({ name: 'chk-identity-culprit', historyUnavailable: true });
    await settle();
    const note = dead.shadow.querySelector('[data-ogi-history-unavailable]');
    expect(note?.textContent).toBe('page_historyUnavailable');
    // The findings are still listed.
    expect(dead.shadow.querySelectorAll('[data-finding-index]').length).toBe(dead.findings.length);
    dead.host.remove();
    const usual = mount({ name: 'chk-identity-culprit' });
    await settle();
    expect(usual.shadow.querySelector('[data-ogi-history-unavailable]')).toBeNull();
  });

  it('lives in one closed shadow root of a plain <div data-ogi-lens-root> on <html>, outside the body', async () => {
    const { doc, shadow, host } = mount({ name: 'chk-identity-culprit' });
    await settle();
    const hosts = doc.querySelectorAll(`[${HOST_ATTRIBUTE}]`);
    expect(hosts).toHaveLength(1);
    expect(hosts[0]).toBe(host.host);
    expect(host.host.localName).toBe('div');
    expect(hosts[0]?.parentElement).toBe(doc.documentElement);
    expect(shadow.mode).toBe('closed');
    // Page script gets nothing from the host: the panel, tooltips and deltas are out of its reach.
    expect(host.host.shadowRoot).toBeNull();
    expect(shadow.querySelector('[data-ogi-panel]')).not.toBeNull();
    expect(shadow.querySelector('style')?.textContent).toContain(':host');
    expect(doc.body.querySelector(`[${HOST_ATTRIBUTE}]`)).toBeNull();
  });

  it('keeps last year out of the page’s DOM: its marks, deltas and tooltips only in the closed root', async () => {
    // The page's own cells as they are marked without any history.
    const alone = mount({ name: 'chk-yoy-broken-2023' });
    await settle();
    const marksAlone = pageMarks(alone.doc);
    alone.host.remove();

    const { dom, doc, shadow, host, overlay, findings } = mount({
      name: 'chk-yoy-broken-2023',
      history: ['chk-yoy-base-2022'],
    });
    dom.window.Element.prototype.scrollIntoView = () => {};
    await settle();
    expect(findings.some((f) => f.family === 'yearOverYear')).toBe(true);
    expect(overlay.deltas.length).toBeGreaterThan(0);
    // A page naming this agency and year cannot tell from its cells that last year is cached.
    expect(pageMarks(doc)).toEqual(marksAlone);
    const outlines = shadow.querySelectorAll('[data-ogi-history-mark]');
    expect(outlines.length).toBeGreaterThan(0);
    expect(outlines.length).toBe(overlay.historyOutlines.length);

    // The year-over-year finding is still reached from the panel, with last year's figure.
    const index = findings.findIndex((f) => f.rule === 'yoy.carry-over');
    expect(index).toBeGreaterThanOrEqual(0);
    (shadow.querySelector(`[data-finding-index="${index}"]`) as HTMLElement).click();
    await settle();
    // One last-year figure: last year's 结转下年度, the one the arithmetic compares with.
    expect(shadow.querySelector('[role="tooltip"]')?.textContent).toMatch(
      /page_lastYearOf\|2022\|四、结转下年度继续办理[^|]*\|\d+/,
    );
    expect(shadow.querySelector('[role="tooltip"]')?.textContent).not.toContain(
      'page_lastYear|2022|',
    );
    // Escape closes it, as it closes the card of a focused cell.
    doc.dispatchEvent(new dom.window.KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle();
    expect(shadow.querySelector('[role="tooltip"]')).toBeNull();
    const pageText = doc.documentElement.outerHTML;
    expect(pageText).not.toContain('page_lastYear');
    expect(pageText).not.toMatch(/[▲▼]/);
    expect(
      doc.querySelector('[data-ogi-delta], [role="tooltip"], [data-ogi-history-mark]'),
    ).toBeNull();
    expect(host.host.shadowRoot).toBeNull();
  });

  it('keeps the comparison with the departments in the history out of the page’s DOM, and lists it in the panel', async () => {
    const alone = mount({ name: 'chk-identity-culprit' });
    await settle();
    const marksAlone = pageMarks(alone.doc);
    alone.host.remove();

    // The government's total beside two departments' kept in history (lib/audit/hierarchy.ts).
    const government = {
      ...reportOf('chk-identity-culprit'),
      identity: { ...reportOf('chk-identity-culprit').identity, bodyKind: 'government' as const },
    };
    const department = (agency: string) => ({
      ...government,
      url: `${government.url}#${agency}`,
      identity: { ...government.identity, agency: `${agency}`, bodyKind: 'department' as const },
    });
    const place = government.identity.agency.replace(/(人民)?政府$/, '');
    const [comparison] = hierarchyFindings([
      government,
      department(`${place}教育局`),
      department(`${place}司法局`),
    ]);
    const infos = comparison?.findings ?? [];
    expect(infos.length).toBeGreaterThan(0);
    const { doc, shadow, findings } = mount({
      name: 'chk-identity-culprit',
      change: (own) => [...own, ...infos],
    });
    await settle();
    expect(pageMarks(doc)).toEqual(marksAlone);
    expect(doc.documentElement.outerHTML).not.toContain('教育局');
    const index = findings.findIndex((f) => f.rule === HIERARCHY_RULE);
    const item = shadow.querySelector(`[data-finding-index="${index}"]`) as HTMLElement | null;
    expect(item?.textContent).toContain(`${place}教育局`);
  });

  it('gets its panel on a page that defined its own <ogi-lens-root> element, without running it', async () => {
    const constructed: string[] = [];
    const { doc, shadow, host } = mount({
      name: 'chk-identity-culprit',
      before: (dom) => {
        // The page's element takes the shadow root first and removes itself: an overlay
        // built on that name would throw or vanish.
        class Squatter extends dom.window.HTMLElement {
          constructor() {
            super();
            constructed.push('ogi-lens-root');
            this.attachShadow({ mode: 'open' });
            queueMicrotask(() => this.remove());
          }
        }
        dom.window.customElements.define('ogi-lens-root', Squatter);
      },
    });
    await settle();
    expect(constructed).toEqual([]);
    expect(host.host.isConnected).toBe(true);
    expect(doc.querySelectorAll(`[${HOST_ATTRIBUTE}]`)).toHaveLength(1);
    expect(shadow.querySelector('[data-ogi-panel]')).not.toBeNull();
  });

  it('knows its own nodes by identity, not by a name or attribute the page can forge', async () => {
    const { doc, shadow, host } = mount({ name: 'chk-identity-culprit' });
    await settle();
    const forgedHost = doc.createElement('div');
    forgedHost.setAttribute(HOST_ATTRIBUTE, '');
    const forgedStyle = doc.createElement('style');
    forgedStyle.setAttribute(STYLE_ATTRIBUTE, '');
    const forged = [doc.createElement('ogi-lens-root'), forgedHost, forgedStyle];
    for (const element of forged) doc.body.append(element);
    for (const element of forged) expect(isOwnNode(element)).toBe(false);
    expect(isOwnNode(host.host)).toBe(true);
    expect(isOwnNode(shadow)).toBe(true);
    expect(isOwnNode(shadow.querySelector('[data-ogi-panel]') as Element)).toBe(true);
    const style = doc.head.querySelector(`style[${STYLE_ATTRIBUTE}]`) as HTMLStyleElement;
    expect(isOwnNode(style)).toBe(true);
    expect(isOwnNode(style.firstChild as Node)).toBe(true);
    expect(isOwnNode(doc.querySelector(`[${FINDING_ATTRIBUTE}]`) as Element)).toBe(false);
  });

  it('by default acts on no synthetic event: a page script opens, exports, hides and remembers nothing', async () => {
    const { dom, doc, shadow, onHideReport, onHideAgency, onExport, onFormatChange } = mount({
      name: 'chk-identity-culprit',
      acceptEvent: 'default',
    });
    const scrolled: Element[] = [];
    dom.window.Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    await settle();
    const cell = doc.querySelector(`[${FINDING_ATTRIBUTE}]`) as HTMLElement;
    fire(dom, cell, 'mouseover');
    fire(dom, cell, 'focusin');
    // Nor does a synthetic click or Enter send the reader anywhere.
    fire(dom, cell, 'click');
    fire(dom, cell, 'keydown', { key: 'Enter' });
    await settle();
    expect(shadow.querySelector('[role="tooltip"]')).toBeNull();
    expect(shadow.querySelector('[data-ogi-term]')).toBeNull();

    const select = shadow.querySelector('select[data-export-format]') as HTMLSelectElement;
    select.value = 'xlsx';
    select.dispatchEvent(new dom.window.Event('change', { bubbles: true }));
    for (const selector of [
      '[data-action="export"]',
      '[data-finding-index="0"]',
      '[data-action="hide-report"]',
      '[data-action="hide-agency"]',
      '[data-action="collapse"]',
    ]) {
      (shadow.querySelector(selector) as HTMLElement).click();
      (shadow.querySelector(selector) as HTMLElement).dispatchEvent(
        new dom.window.MouseEvent('click', { bubbles: true, composed: true }),
      );
    }
    await settle();
    expect(onExport).not.toHaveBeenCalled();
    expect(onFormatChange).not.toHaveBeenCalled();
    expect(select.value).toBe('csv');
    expect(shadow.querySelector('[data-export-status]')?.getAttribute('data-export-status')).toBe(
      'idle',
    );
    expect(onHideReport).not.toHaveBeenCalled();
    expect(onHideAgency).not.toHaveBeenCalled();
    expect(scrolled).toEqual([]);
    expect(shadow.querySelector('[data-ogi-flash]')).toBeNull();
    expect(shadow.querySelector('[data-ogi-panel]')).not.toBeNull();
    expect(shadow.querySelector('[data-action="collapse"]')?.getAttribute('aria-expanded')).toBe(
      'true',
    );

    // A focus is the browser's own event even when a script called focus(): the tooltip it
    // opens is in the closed root. A synthetic Escape then does not dismiss it.
    cell.focus();
    await settle();
    expect(shadow.querySelector('[role="tooltip"]')).not.toBeNull();
    fire(dom, cell, 'keydown', { key: 'Escape' });
    await settle();
    expect(shadow.querySelector('[role="tooltip"]')).not.toBeNull();
  });

  it('lists the findings in their order, with agency, year and counts', async () => {
    const { shadow, findings, overlay } = mount({ name: 'chk-narrative-2021-contradictions' });
    await settle();
    const panel = shadow.querySelector('[data-ogi-panel]');
    expect(overlay.report.identity.agency).not.toBe('');
    expect(panel?.textContent).toContain(overlay.report.identity.agency);
    expect(panel?.textContent).toContain('2023');
    expect(panel?.textContent).toContain(
      `page_countWarning|${findings.filter((f) => f.severity === 'warning').length}`,
    );
    const buttons = Array.from(shadow.querySelectorAll('[data-finding-index]'));
    expect(buttons.map((b) => b.getAttribute('data-finding-index'))).toEqual(
      findings.map((_, i) => String(i)),
    );
    expect(buttons.map((b) => b.textContent)).toEqual(
      findings.map((f) => expect.stringContaining(f.messageEn)),
    );
  });

  it('shows a tooltip while a flagged cell has the focus, and Escape dismisses it', async () => {
    const { dom, doc, shadow, findings } = mount({ name: 'chk-identity-culprit' });
    await settle();
    expect(shadow.querySelector('[role="tooltip"]')).toBeNull();
    const cell = doc.querySelector(`[${FINDING_ATTRIBUTE}]`) as HTMLElement;
    cell.focus();
    await settle();
    const tip = shadow.querySelector('[role="tooltip"]');
    const culprit = findings.find((f) => f.severity === 'error');
    expect(tip?.textContent).toContain(culprit?.messageEn);
    expect(tip?.textContent).toContain(culprit?.arithmeticEn);
    // The cell's labels as printed.
    expect(tip?.textContent).toContain(
      `page_cellLabels|${culprit?.cells[0]?.row}|${culprit?.cells[0]?.col}`,
    );
    fire(dom, cell, 'keydown', { key: 'Escape' });
    await settle();
    expect(shadow.querySelector('[role="tooltip"]')).toBeNull();
    cell.blur();
    await settle();
    cell.focus();
    await settle();
    expect(shadow.querySelector('[role="tooltip"]')).not.toBeNull();
    cell.blur();
    await settle();
    expect(shadow.querySelector('[role="tooltip"]')).toBeNull();
  });

  it('shows a tooltip while the pointer is over a flagged cell, and only then', async () => {
    const { dom, doc, shadow } = mount({ name: 'chk-identity-culprit' });
    await settle();
    const cell = doc.querySelector(`[${FINDING_ATTRIBUTE}]`) as HTMLElement;
    const neighbour = cell.previousElementSibling as HTMLElement;
    fire(dom, neighbour, 'mouseover');
    await settle();
    expect(shadow.querySelector('[role="tooltip"]')).toBeNull();
    fire(dom, cell, 'mouseover');
    await settle();
    expect(shadow.querySelector('[role="tooltip"]')).not.toBeNull();
    fire(dom, cell, 'mouseout', { relatedTarget: neighbour });
    await settle();
    expect(shadow.querySelector('[role="tooltip"]')).toBeNull();
  });

  it('tints the terms of the shown sum only, and the next cell’s card replaces the first', async () => {
    const { dom, doc, shadow, findings, overlay } = mount({ name: 'seed-002-hailing-2017' });
    await settle();
    const sum = findings.findIndex((f) => f.rule === 'legacy.partition');
    const exceeds = findings.findIndex((f) => f.rule === 'legacy.subset-exceeds');
    const cell = overlay.targets[sum] as HTMLElement;
    const next = overlay.targets[exceeds] as HTMLElement;
    fire(dom, cell, 'mouseover');
    await settle();
    expect(shadow.querySelectorAll('[role="tooltip"]')).toHaveLength(1);
    expect(shadow.querySelectorAll('[data-ogi-term]')).toHaveLength(8);
    // 2 + 17 + 4 + 5 + 3 + 15 + 4 + 5: no zero among them, so every one is listed.
    const lines = Array.from(
      shadow.querySelectorAll('[data-ogi-term-line]'),
      (li) => li.textContent,
    );
    expect(lines[0]).toBe('1﹒属于已主动公开范围数 = 2');
    expect(lines).toHaveLength(8);
    expect(shadow.querySelector('[data-ogi-term-zeros]')).toBeNull();

    fire(dom, cell, 'mouseout', { relatedTarget: next });
    fire(dom, next, 'mouseover');
    await settle();
    const tips = shadow.querySelectorAll('[role="tooltip"]');
    expect(tips).toHaveLength(1);
    expect(tips[0]?.textContent).toContain(findings[exceeds]?.arithmeticEn);
    // 8 is a subset of 5: the one term is the parent, 5.
    expect(shadow.querySelectorAll('[data-ogi-term]')).toHaveLength(
      findings[exceeds]?.terms.length ?? -1,
    );
    fire(dom, next, 'mouseout', { relatedTarget: doc.body });
    await settle();
    expect(shadow.querySelector('[role="tooltip"]')).toBeNull();
    expect(shadow.querySelector('[data-ogi-term]')).toBeNull();
  });

  it('links a contradicted figure of the text and its cell both ways', async () => {
    const { dom, doc, shadow, findings, overlay } = mount({ name: 'seed-002-hailing-2017' });
    const scrolled: Element[] = [];
    dom.window.Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    await settle();
    const index = findings.findIndex((f) => f.text?.includes('2613条'));
    const figure = overlay.figures[index];
    const cell = overlay.cells[index]?.[0] as HTMLElement;
    expect(figure?.range?.toString()).toBe('2613条');

    // The cell's card quotes the sentence with its figure, and offers to show it in the text.
    fire(dom, cell, 'mouseover');
    await settle();
    expect(shadow.querySelector('[data-ogi-quote-figure]')?.textContent).toBe('2613条');
    expect(shadow.querySelector('[data-ogi-action]')?.getAttribute('data-ogi-action')).toBe('text');
    fire(dom, cell, 'click');
    await settle();
    expect(scrolled.at(-1)?.contains(figure?.range?.startContainer ?? null)).toBe(true);
    expect(doc.activeElement).toBe(figure?.element);
    expect(shadow.querySelector('[data-ogi-flash]')).not.toBeNull();
    // Now the sentence's card: its table cell is tinted, and Enter shows it in the table.
    const tips = shadow.querySelectorAll('[role="tooltip"]');
    expect(tips).toHaveLength(1);
    expect(tips[0]?.querySelector('[data-ogi-action]')?.getAttribute('data-ogi-action')).toBe(
      'table',
    );
    expect(shadow.querySelectorAll('[data-ogi-term]').length).toBeGreaterThan(0);
    fire(dom, figure?.element as Element, 'keydown', { key: 'Enter' });
    await settle();
    expect(scrolled.at(-1)).toBe(cell);
    expect(doc.activeElement).toBe(cell);
  });

  it('renders page text as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.__owned=1">';
    const { doc, shadow } = mount({
      name: 'chk-identity-culprit',
      change: (findings) =>
        findings.map((f) => ({
          ...f,
          messageEn: `${hostile} ${f.messageEn}`,
          arithmetic: `${hostile}${f.arithmetic}`,
          cells: f.cells.map((c) => ({ ...c, row: hostile })),
        })),
    });
    await settle();
    (doc.querySelector(`[${FINDING_ATTRIBUTE}]`) as HTMLElement).focus();
    await settle();
    expect(shadow.querySelector('[role="tooltip"]')?.textContent).toContain(hostile);
    expect(shadow.querySelector('img')).toBeNull();
  });

  it('takes the reader to a finding’s cell and flashes it for a moment', async () => {
    const { dom, doc, shadow, findings } = mount({ name: 'chk-identity-culprit' });
    const scrolled: Element[] = [];
    dom.window.Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    await settle();
    const index = findings.findIndex((f) => f.cells.length > 0);
    (shadow.querySelector(`[data-finding-index="${index}"]`) as HTMLElement).click();
    await settle();
    const cell = doc.querySelector(`[${FINDING_ATTRIBUTE}]`);
    expect(scrolled).toEqual([cell]);
    expect(shadow.querySelector('[data-ogi-flash]')).not.toBeNull();
    expect(doc.activeElement).toBe(cell);
    await new Promise((resolve) => setTimeout(resolve, FLASH_MS + 100));
    expect(shadow.querySelector('[data-ogi-flash]')).toBeNull();
  });

  it('folds to a tab, and hides itself on the report while the marks stay', async () => {
    const { doc, shadow, onHideReport, onHideAgency } = mount({ name: 'chk-identity-culprit' });
    await settle();
    const collapse = () => shadow.querySelector('[data-action="collapse"]') as HTMLElement;
    collapse().click();
    await settle();
    // Folded, the panel is a tab that only opens it again.
    expect(collapse().getAttribute('aria-expanded')).toBe('false');
    expect(shadow.querySelector('[data-ogi-panel]')?.classList.contains('tab')).toBe(true);
    expect(shadow.querySelector('[data-finding-index]')).toBeNull();
    collapse().click();
    await settle();
    expect(collapse().getAttribute('aria-expanded')).toBe('true');
    (shadow.querySelector('[data-action="hide-report"]') as HTMLElement).click();
    await settle();
    expect(onHideReport).toHaveBeenCalledTimes(1);
    expect(onHideAgency).not.toHaveBeenCalled();
    expect(shadow.querySelector('[data-ogi-panel]')).toBeNull();
    expect(doc.querySelectorAll(`[${FINDING_ATTRIBUTE}]`)).toHaveLength(1);
  });

  it('has no panel on a site where it was hidden, but still explains the marks', async () => {
    const { doc, shadow } = mount({ name: 'chk-identity-culprit', showPanel: false });
    await settle();
    expect(shadow.querySelector('[data-ogi-panel]')).toBeNull();
    (doc.querySelector(`[${FINDING_ATTRIBUTE}]`) as HTMLElement).focus();
    await settle();
    expect(shadow.querySelector('[role="tooltip"]')).not.toBeNull();
  });

  it('badges the figures that moved since last year, except doubtful ones, and says last year’s figure', async () => {
    const { dom, shadow, overlay } = mount({
      name: 'chk-yoy-broken-2023',
      history: ['chk-yoy-base-2022'],
    });
    await settle();
    const badges = Array.from(shadow.querySelectorAll('[data-ogi-delta]'));
    expect(badges.length).toBeGreaterThan(0);
    expect(badges.map((b) => b.getAttribute('data-ogi-delta'))).toEqual(
      overlay.deltas.map((d) => d.delta.key),
    );
    for (const badge of badges) {
      const key = badge.getAttribute('data-ogi-delta') ?? '';
      expect(key).toMatch(COMPARED_KEY);
      expect(badge.textContent).toMatch(/^[▲▼]\d/);
    }
    const keys = badges.map((b) => b.getAttribute('data-ogi-delta'));
    // A stock that changed (现行有效件数 25 → 30) carries its change too.
    expect(keys).toContain('t2.normative.valid');
    // A figure marked as an error carries none: its change would be computed from a doubtful figure.
    for (const { delta, element } of overlay.deltas) {
      expect(overlay.marks.get(element)?.severity, delta.key).not.toBe('error');
    }
    expect(keys).not.toContain('t3.carryIn.total');
    // 上年结转 is marked from the history only: the pointer on it brings its card all the same.
    const carryIn = overlay.historyOutlines.find((o) => o.severity === 'error')?.element;
    expect(carryIn?.hasAttribute(FINDING_ATTRIBUTE)).toBe(false);
    carryIn?.dispatchEvent(new dom.window.MouseEvent('mouseover', { bubbles: true }));
    await settle();
    // One last-year figure: last year's 结转下年度, the one the arithmetic compares with.
    expect(shadow.querySelector('[role="tooltip"]')?.textContent).toMatch(
      /page_lastYearOf\|2022\|四、结转下年度继续办理[^|]*\|\d+/,
    );
    expect(shadow.querySelector('[role="tooltip"]')?.textContent).not.toContain(
      'page_lastYear|2022|',
    );
  });
});

describe('the card’s keys', () => {
  it('copy the card’s finding as a citation with C and save its evidence with E, and say so in the card', async () => {
    const citation = vi.fn((finding: Finding) => `CITATION ${finding.rule}`);
    const saveEvidence = vi.fn(async () => ({ ok: true as const, filename: 'evidence.png' }));
    const { dom, doc, shadow, findings } = mount({
      name: 'chk-identity-culprit',
      findingActions: { citation, saveEvidence },
    });
    await settle();
    const cell = doc.querySelector(`[${FINDING_ATTRIBUTE}]`) as HTMLElement;
    fire(dom, cell, 'mouseover');
    await settle();
    const tip = () => shadow.querySelector('[role="tooltip"]');
    expect(tip()?.querySelector('[data-ogi-card-keys]')?.textContent).toBe('cite_cardKeys');
    fire(dom, cell, 'keydown', { key: 'c' });
    await settle();
    expect(citation).toHaveBeenCalledTimes(1);
    expect(findings).toContainEqual(citation.mock.calls[0]?.[0]);
    // jsdom has no clipboard: the card says the copy failed rather than nothing.
    expect(tip()?.querySelector('[data-ogi-card-status]')?.textContent).toMatch(/^cite_copy/);
    fire(dom, cell, 'keydown', { key: 'E' });
    await settle();
    expect(saveEvidence).toHaveBeenCalledTimes(1);
    expect(tip()?.querySelector('[data-ogi-card-status]')?.textContent).toBe(
      'cite_evidenceSaved|evidence.png',
    );
  });

  it('leave keys typed into the page’s fields, and keys with a modifier, alone', async () => {
    const citation = vi.fn(() => 'CITATION');
    const { dom, doc } = mount({ name: 'chk-identity-culprit', findingActions: { citation } });
    await settle();
    const cell = doc.querySelector(`[${FINDING_ATTRIBUTE}]`) as HTMLElement;
    fire(dom, cell, 'mouseover');
    await settle();
    fire(dom, cell, 'keydown', { key: 'c', ctrlKey: true });
    const field = doc.createElement('input');
    doc.body.append(field);
    fire(dom, field, 'keydown', { key: 'c' });
    await settle();
    expect(citation).not.toHaveBeenCalled();
  });
});
