/**
 * The card of a finding, as a reader uses it on seed 002 (a legacy report
 * whose table, second table and narrative disagree), once per browser and in
 * both UI languages: while a marked cell is hovered or focused its terms are
 * tinted in the closed root and the card covers none of them nor the cell;
 * the card lets the pointer through, one card at a time, Escape closes it;
 * the culprit's card says what the cell is likely meant to be; a
 * contradicted figure of the text is underlined exactly (「2613条」) and
 * linked both ways with its table cell.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Finding } from '../../lib/model/report';
import {
  focusElement,
  insideViewport,
  pageElementRect,
  type Rect,
  rectsOverlap,
} from './annotate-probe';
import {
  type DriverBrowser,
  type DriverPage,
  type LaunchOptions,
  OVERLAY_ROOT_GLOBAL,
} from './driver';
import { type ExpectedPage, expectedForFile, normaliseText } from './expected-marks';
import { fixtureNamed, loadFixtures } from './fixtures';
import { clearHistory, openReport, setLanguage, waitFor, withPage } from './interact';
import { SCREENSHOT_DIR, useBrowserSession } from './suite';

const PAGE = 'seed-002-hailing-2017';
/** A 2021-format table 三 with one mistyped figure (自然人 32 for 22) that breaks a row and a column. */
const CULPRIT_PAGE = 'chk-identity-culprit';
/** The contradicted figure of seed 002's text, as printed. */
const FIGURE = '2613条';

type Language = 'zh_CN' | 'en';

/** A finding's arithmetic as a card in that language shows it. */
const arithmeticIn = (language: Language, finding: Finding): string =>
  language === 'en' ? (finding.arithmeticEn ?? finding.arithmetic) : finding.arithmetic;

/** What the card and the tints look like, read from the closed root and the page. */
interface CardState {
  cards: {
    text: string;
    rect: Rect;
    likely: string | null;
    terms: string[];
    zeros: string | null;
  }[];
  tints: Rect[];
  figures: { index: string; rect: Rect }[];
  quoteFigure: string | null;
  action: string | null;
  flash: Rect | null;
  /** What the page finds under the middle of the card: not the overlay when the card lets the pointer through. */
  underCard: string | null;
  viewport: { width: number; height: number };
}

const CARD_EXPRESSION = `(() => {
  const root = window.${OVERLAY_ROOT_GLOBAL} || null;
  if (!root) return null;
  const rectOf = (el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; };
  const all = (s) => Array.from(root.querySelectorAll(s));
  const text = (el) => (el ? el.textContent : null);
  const cards = all('[role="tooltip"]').map((tip) => ({
    text: tip.textContent,
    rect: rectOf(tip),
    likely: text(tip.querySelector('[data-ogi-likely]')),
    terms: Array.from(tip.querySelectorAll('[data-ogi-term-line]'), (li) => li.textContent),
    zeros: text(tip.querySelector('[data-ogi-term-zeros]')),
  }));
  const first = all('[role="tooltip"]')[0];
  let underCard = null;
  if (first) {
    const r = first.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    underCard = hit ? (hit.hasAttribute('data-ogi-lens-root') ? 'overlay' : hit.localName) : null;
  }
  const flash = root.querySelector('[data-ogi-flash]');
  return JSON.stringify({
    cards,
    tints: all('[data-ogi-term]').filter((el) => getComputedStyle(el).visibility === 'visible').map(rectOf),
    figures: all('[data-ogi-figure]').map((el) => ({ index: el.getAttribute('data-ogi-figure'), rect: rectOf(el) })),
    quoteFigure: text(root.querySelector('[role="tooltip"] [data-ogi-quote-figure]')),
    action: first ? (first.querySelector('[data-ogi-action]') || { getAttribute: () => null }).getAttribute('data-ogi-action') : null,
    flash: flash ? rectOf(flash) : null,
    underCard,
    viewport: { width: innerWidth, height: innerHeight },
  });
})()`;

const readCard = async (page: DriverPage): Promise<CardState> =>
  JSON.parse(await waitFor<string>(page, CARD_EXPRESSION, 'the overlay')) as CardState;

/** Waits until the overlay reads as `accept` says, and returns that state. */
async function cardWhen(
  page: DriverPage,
  what: string,
  accept: (state: CardState) => boolean,
): Promise<CardState> {
  let last: CardState | null = null;
  for (let tries = 0; tries < 100; tries++) {
    last = await readCard(page);
    if (accept(last)) return last;
    await new Promise((done) => setTimeout(done, 100));
  }
  assert.fail(`${what}: the overlay reads ${JSON.stringify(last)}`);
}

const rectOfPage = async (page: DriverPage, name: string, scroll = false): Promise<Rect> =>
  JSON.parse(await waitFor<string>(page, pageElementRect(name, scroll), name)) as Rect;

const centre = (r: Rect) => [r.x + r.width / 2, r.y + r.height / 2] as const;

/** Two rectangles are the same box, give or take a rounding pixel. */
const sameBox = (a: Rect, b: Rect) =>
  Math.abs(a.x - b.x) <= 1 &&
  Math.abs(a.y - b.y) <= 1 &&
  Math.abs(a.width - b.width) <= 1 &&
  Math.abs(a.height - b.height) <= 1;

/**
 * The text nodes' own boxes of the figure in the paragraph that prints it,
 * found in the page (not from the extension): what an exact underline covers.
 */
const figureRectsExpression = (scroll: boolean) => `(() => {
  const wanted = ${JSON.stringify(FIGURE)};
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(wanted);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + wanted.length);
    if (${scroll}) node.parentElement.scrollIntoView({ block: 'center' });
    return JSON.stringify(Array.from(range.getClientRects(), (r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })));
  }
  return null;
})()`;

const findingIndex = (expected: ExpectedPage, test: (f: Finding) => boolean): number => {
  const index = expected.findings.findIndex(test);
  assert.ok(index >= 0, 'the fixture lacks the finding the test needs');
  return index;
};

const WORDS: Record<
  Language,
  { zeros: (n: number) => string; likely: (a: number, b: number) => string }
> = {
  zh_CN: { zeros: (n) => `另 ${n} 项为 0`, likely: (a, b) => `${a} 很可能应为 ${b}` },
  en: {
    zeros: (n) => (n === 1 ? '1 more term is 0' : `${n} more terms are 0`),
    likely: (a, b) => `${a} is likely meant to be ${b}`,
  },
};

/** Chinese UI words that must not appear in an English card (labels and arithmetic of the report may). */
const CHINESE_UI = /很可能应为|另 \d+ 项为|正文写道|在正文中查看|在表格中查看/;

export function defineArithmeticSuite<B extends DriverBrowser>(
  browserName: B['name'],
  extensionDir: string,
  launch: (options: LaunchOptions) => Promise<B>,
): void {
  const fixtures = loadFixtures();
  const fixture = fixtureNamed(fixtures, PAGE);
  const shot = (what: string) => join(SCREENSHOT_DIR, `${browserName}-arithmetic-${what}.png`);

  describe(`${browserName}: arithmetic on the table, not over it`, { concurrency: false }, () => {
    const session = useBrowserSession(extensionDir, launch, fixtures);

    for (const language of ['zh_CN', 'en'] as const) {
      test(`${language}: a sum's card covers none of its terms, and one card at a time`, async () => {
        const { browser } = session();
        const expected = await expectedForFile(fixture.htmlPath, fixture.pageUrl);
        await clearHistory(browser);
        await setLanguage(browser, language);
        const words = WORDS[language];
        await withPage(browser, async (page) => {
          await openReport(page, fixture.pageUrl);

          // 「(三)申请答复数」70 against its parts 2 + 17 + 4 + 5 + …
          const sum = findingIndex(expected, (f) => f.rule === 'legacy.partition');
          const cellName = expected.findingCells[sum]?.[0];
          const termNames = expected.findingTerms[sum] ?? [];
          assert.ok(cellName && termNames.length > 3, 'the sum has no cell or too few terms');
          const cell = await rectOfPage(page, cellName, true);
          await page.mouseMove(...centre(cell));
          const shown = await cardWhen(page, 'a card on hover', (s) => s.cards.length > 0);
          assert.equal(shown.cards.length, 1, 'more than one card is open');
          const card = shown.cards[0];
          assert.ok(card);
          assert.ok(insideViewport(card.rect, shown.viewport), 'the card leaves the viewport');
          const sumCell = await rectOfPage(page, cellName);
          assert.ok(!rectsOverlap(card.rect, sumCell), 'the card covers the marked cell');
          for (const name of termNames) {
            const term = await rectOfPage(page, name);
            assert.ok(!rectsOverlap(card.rect, term), `the card covers the term ${name}`);
            const onScreen = insideViewport(term, shown.viewport);
            if (onScreen) {
              assert.ok(
                shown.tints.some((tint) => sameBox(tint, term)),
                `the term ${name} is not tinted`,
              );
            }
          }
          assert.ok(
            !shown.tints.some((tint) => sameBox(tint, sumCell)),
            'the marked cell itself carries the term tint',
          );
          // Terms listed as label = value, the zeros folded into one line.
          const finding = expected.findings[sum] as Finding;
          const nonZero = finding.terms.filter((t) => t.value !== 0);
          const zeros = finding.terms.length - nonZero.length;
          assert.equal(
            card.terms.length,
            nonZero.length,
            `terms listed: ${card.terms.join(' | ')}`,
          );
          for (const term of nonZero) {
            const row = normaliseText(term.row);
            assert.ok(
              card.terms.some(
                (line) => normaliseText(line).startsWith(row) && line.endsWith(` = ${term.value}`),
              ),
              `no line 「${term.row} = ${term.value}」 in ${card.terms.join(' | ')}`,
            );
          }
          assert.equal(card.zeros, zeros > 0 ? words.zeros(zeros) : null);
          assert.ok(
            normaliseText(card.text).includes(normaliseText(arithmeticIn(language, finding))),
            "the formula line is gone, or not in the card's language",
          );
          if (language === 'en') assert.doesNotMatch(card.text, CHINESE_UI);
          // The pointer passes through the card to the page.
          assert.notEqual(shown.underCard, 'overlay', 'the card captures the pointer');
          await page.screenshot(shot(`sum-${language}`));

          // On to the next marked cell: its card replaces the first.
          const exceeds = findingIndex(expected, (f) => f.rule === 'legacy.subset-exceeds');
          const nextName = expected.findingCells[exceeds]?.[0];
          assert.ok(nextName);
          const next = await rectOfPage(page, nextName);
          await page.mouseMove(...centre(next));
          const moved = await cardWhen(
            page,
            'the next cell’s card',
            (s) =>
              s.cards.length === 1 &&
              normaliseText(s.cards[0]?.text ?? '').includes(
                normaliseText(
                  expected.findings[exceeds]
                    ? arithmeticIn(language, expected.findings[exceeds])
                    : '?',
                ),
              ),
          );
          assert.equal(moved.cards.length, 1);

          // Leaving the marked cells closes it.
          await page.mouseMove(2, 2);
          await cardWhen(page, 'the card closing on leave', (s) => s.cards.length === 0);

          // The keyboard: focus opens, Escape closes.
          assert.equal(await page.evaluate<boolean>(focusElement(cellName)), true);
          await cardWhen(page, 'a card on focus', (s) => s.cards.length === 1);
          await page.press('Escape');
          await cardWhen(page, 'Escape closing the card', (s) => s.cards.length === 0);

          // The culprit (6.公民 48, in two broken relations): the card says what it likely is.
          const culprit = findingIndex(
            expected,
            (f) => f.likely === true && typeof f.expected === 'number',
          );
          const culpritFinding = expected.findings[culprit] as Finding;
          const culpritName = expected.findingCells[culprit]?.[0];
          assert.ok(culpritName);
          await page.mouseMove(...centre(await rectOfPage(page, culpritName, true)));
          const likely = await cardWhen(page, 'the culprit’s card', (s) => s.cards.length === 1);
          const line = words.likely(
            culpritFinding.actual as number,
            culpritFinding.expected as number,
          );
          assert.ok(
            likely.cards[0]?.likely === line,
            `the culprit's card says ${likely.cards[0]?.likely}, not ${line}`,
          );
          const culpritCell = await rectOfPage(page, culpritName);
          assert.ok(!rectsOverlap(likely.cards[0]?.rect as Rect, culpritCell));
          for (const name of expected.findingTerms[culprit] ?? []) {
            const term = await rectOfPage(page, name);
            assert.ok(
              !rectsOverlap(likely.cards[0]?.rect as Rect, term),
              `the culprit's card covers ${name}`,
            );
          }
          if (language === 'en') assert.doesNotMatch(likely.cards[0]?.text ?? '', CHINESE_UI);
          await page.screenshot(shot(`culprit-${language}`));
        });
      });

      test(`${language}: the culprit of a 2021 table says its likely value and covers none of its column`, async () => {
        const { browser } = session();
        const culpritPage = fixtureNamed(fixtures, CULPRIT_PAGE);
        const expected = await expectedForFile(culpritPage.htmlPath, culpritPage.pageUrl);
        await clearHistory(browser);
        await setLanguage(browser, language);
        await withPage(browser, async (page) => {
          await openReport(page, culpritPage.pageUrl);
          // The column sum (七)总计 of 自然人: the longest list of terms on the page.
          const index = findingIndex(expected, (f) => f.rule === 't3.results-total');
          const finding = expected.findings[index] as Finding;
          const cellName = expected.findingCells[index]?.[0];
          assert.ok(cellName && finding.likely);
          await page.mouseMove(...centre(await rectOfPage(page, cellName, true)));
          const shown = await cardWhen(page, 'the culprit’s card', (s) => s.cards.length === 1);
          const card = shown.cards[0] as CardState['cards'][number];
          assert.equal(
            card.likely,
            WORDS[language].likely(finding.actual as number, finding.expected as number),
          );
          assert.ok(!rectsOverlap(card.rect, await rectOfPage(page, cellName)));
          for (const name of expected.findingTerms[index] ?? []) {
            assert.ok(
              !rectsOverlap(card.rect, await rectOfPage(page, name)),
              `the card covers the term ${name}`,
            );
          }
          assert.ok(insideViewport(card.rect, shown.viewport), 'the card leaves the viewport');
          // The cell carries its row's and its column's sums: the column's zeros are one line.
          const zeros = finding.terms.filter((t) => t.value === 0).length;
          assert.ok(zeros > 0);
          assert.ok(
            card.text.includes(WORDS[language].zeros(zeros)),
            `no 「${WORDS[language].zeros(zeros)}」 in ${card.text}`,
          );
          if (language === 'en') assert.doesNotMatch(card.text, CHINESE_UI);
          await page.screenshot(shot(`culprit-2021-${language}`));
        });
      });

      test(`${language}: the text's figure is underlined exactly and linked with its cell`, async () => {
        const { browser } = session();
        assert.ok(fixture);
        const expected = await expectedForFile(fixture.htmlPath, fixture.pageUrl);
        await clearHistory(browser);
        await setLanguage(browser, language);
        await withPage(browser, async (page) => {
          await openReport(page, fixture.pageUrl);
          const index = findingIndex(
            expected,
            (f) => f.family === 'narrative' && (f.text ?? '').includes(FIGURE),
          );
          const cellName = expected.findingCells[index]?.[0];
          assert.ok(cellName);

          // The underline is exactly under the figure's own text in the page.
          const figureRects = JSON.parse(
            await waitFor<string>(page, figureRectsExpression(true), FIGURE),
          ) as Rect[];
          // Polled: the overlay follows the scroll on the next frame.
          const underlined = await cardWhen(page, `an underline exactly under ${FIGURE}`, (s) => {
            const lines = s.figures.filter((f) => f.index === String(index));
            return (
              lines.length === figureRects.length &&
              figureRects.every((rect) => lines.some((l) => sameBox(l.rect, rect)))
            );
          });
          assert.ok(underlined.figures.length > 0);

          // Hovering the figure tints its table cell, and the card leaves the figure readable.
          await page.mouseMove(...centre(figureRects[0] as Rect));
          const hovered = await cardWhen(page, 'the figure’s card', (s) => s.cards.length === 1);
          assert.equal(hovered.action, 'table', 'the figure’s card offers no "show in table"');
          for (const rect of figureRects) {
            assert.ok(
              !rectsOverlap(hovered.cards[0]?.rect as Rect, rect),
              'the card covers the figure',
            );
          }
          const cell = await rectOfPage(page, cellName);
          if (insideViewport(cell, hovered.viewport)) {
            assert.ok(
              hovered.tints.some((t) => sameBox(t, cell)),
              'the figure’s table cell is not tinted',
            );
          }
          if (language === 'en') assert.doesNotMatch(hovered.cards[0]?.text ?? '', CHINESE_UI);
          await page.screenshot(shot(`figure-${language}`));

          // The cell's card quotes the sentence with the figure, and sends the reader to it.
          await page.mouseMove(...centre(await rectOfPage(page, cellName, true)));
          const cellCard = await cardWhen(
            page,
            'the cell’s card with the sentence',
            (s) => s.cards.length === 1 && s.quoteFigure !== null,
          );
          assert.equal(cellCard.quoteFigure, FIGURE);
          assert.equal(cellCard.action, 'text');
          if (language === 'en') assert.doesNotMatch(cellCard.cards[0]?.text ?? '', CHINESE_UI);
          await page.screenshot(shot(`cell-quote-${language}`));
          const here = await rectOfPage(page, cellName);
          await page.mouseClick(...centre(here));
          // Shown in the text: the figure is scrolled into view and flashed.
          const jumped = await cardWhen(page, 'the figure flashed', (s) => s.flash !== null);
          const flash = jumped.flash as Rect;
          const now = JSON.parse(
            await waitFor<string>(page, figureRectsExpression(false), FIGURE),
          ) as Rect[];
          assert.ok(
            now.some((r) => rectsOverlap(flash, r) && insideViewport(r, jumped.viewport)),
            'the flash is not on the figure',
          );
        });
      });
    }
  });
}
