/**
 * The memo rendered by a real GFM renderer (cmark-gfm, the Debian package
 * scripts/setup.sh installs): page text must stay text in CommonMark and in
 * GFM with autolinks, tables, strikethrough and raw HTML allowed, and still
 * read as the page printed it.
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportMemo } from '../../../lib/export/memo';
import type { Finding, Report } from '../../../lib/model/report';
import { analyseFile } from '../../../scripts/cli/analyse-file';

const REPORT_URL = 'https://www.example.gov.cn/art/2024/1/18/art_1229_1.html';

/** GFM as GitHub renders it, raw HTML let through (`--unsafe`), or plain CommonMark. */
const RENDERERS = {
  gfm: ['--unsafe', '-e', 'autolink', '-e', 'table', '-e', 'strikethrough', '-e', 'tagfilter'],
  commonmark: ['--unsafe'],
} as const;

function render(markdown: string, args: readonly string[]): string {
  const out = spawnSync('cmark-gfm', args, { input: markdown, encoding: 'utf8' });
  if (out.error)
    throw new Error(
      `cmark-gfm could not run (bash scripts/setup.sh installs it): ${out.error.message}`,
    );
  if (out.status !== 0) throw new Error(`cmark-gfm failed: ${out.stderr}`);
  return out.stdout;
}

/** The elements the memo's own structure makes: headings, lists, bold severities, the hash as code, the citation. */
const STRUCTURE_TAGS = new Set([
  'h1',
  'h2',
  'h3',
  'p',
  'ul',
  'ol',
  'li',
  'strong',
  'code',
  'blockquote',
]);

/** Every tag name in the HTML; `<a …>` with its attributes, to check that it is the report's own link. */
function tagsOf(html: string): { names: string[]; anchors: string[] } {
  const names = [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) =>
    (m[1] ?? '').toLowerCase(),
  );
  const anchors = [...html.matchAll(/<a\b[^>]*>/gi)].map((m) => m[0]);
  return { names, anchors };
}

/** What a reader sees: the HTML without tags, its entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Page text as the memo quotes it: whitespace collapsed, trimmed by the block around it. */
const quoted = (text: string) => text.replace(/\s+/g, ' ').trim();

const HOSTILE = [
  'http://evil.example.com<img src=x onerror=alert(1)>',
  'https://a.gov.cn/x?y=1&z=2<img src=x onerror=alert(document.cookie)>',
  'www.evil.example<img src=x onerror=alert(1)>',
  'WWW.EVIL.EXAMPLE',
  'mail me: spy@evil.example.com<script>alert(1)</script>',
  'xmpp:spy@evil.example',
  'mailto:spy@evil.example',
  '[点我](javascript:alert(1))',
  '[x]: javascript:alert(1)',
  '![](https://evil.example/pixel.png)',
  '![alt](x.png "t")',
  '<script>alert(1)</script>',
  '<a href="javascript:alert(1)">x</a>',
  '<https://evil.example>',
  '<spy@evil.example>',
  '<!-- c -->',
  '<![CDATA[x]]>',
  '&lt;img src=x onerror=alert(1)&gt;',
  '&amp; &#60;b&#62; &copy;',
  '\\<img src=x onerror=alert(1)\\>',
  'a\\',
  '\\\\',
  '`code` ``double`` ` lone',
  '``` fence',
  '| a | b |\n|---|---|\n| <img src=x> | c |',
  '~~struck~~ **bold** _it_ *em*',
  '# heading ## closing ##',
  '{: onclick="alert(1)"} $x$',
  'evil.example.com/path',
  '报告.pdf 详见http://a.gov.cn/附件<img src=x onerror=alert(1)>。',
  '一 + 二 = 476 + 25 = 501',
];

const fragmentArb = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.constantFrom(
    '<',
    '>',
    '&',
    '\\',
    '`',
    '[',
    ']',
    '(',
    ')',
    '!',
    '@',
    '://',
    'www.',
    '.com',
    ' ',
    '|',
    '*',
    '_',
    '~',
    '#',
    '年报',
    'img',
  ),
  fc.string({ maxLength: 12 }),
);
const hostileTextArb = fc
  .array(fragmentArb, { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''));

let base: Report;
let baseFinding: Finding;
beforeAll(async () => {
  const { report, entry } = await analyseFile('test/fixtures/chk-identity-culprit.html');
  const finding = entry.findings[0];
  if (!report || !finding) throw new Error('fixture not read as a report with findings');
  base = { ...report, url: REPORT_URL };
  baseFinding = finding;
});

function memoOf(texts: {
  title: string;
  agency: string;
  message: string;
  arithmetic: string;
  sentence: string;
}): string {
  const report: Report = {
    ...base,
    identity: { ...base.identity, title: texts.title, agency: texts.agency },
  };
  const finding: Finding = {
    ...baseFinding,
    message: texts.message,
    messageEn: texts.message,
    arithmetic: texts.arithmetic,
    text: texts.sentence,
  };
  return reportMemo(report, [finding], {
    retrievedAt: '2024-02-01T08:30:00.000Z',
    textSha256: 'ab'.repeat(32),
  });
}

function expectInert(markdown: string, texts: string[]): void {
  for (const [name, args] of Object.entries(RENDERERS)) {
    const html = render(markdown, args);
    const { names, anchors } = tagsOf(html);
    const foreign = names.filter((tag) => !STRUCTURE_TAGS.has(tag) && tag !== 'a');
    expect(foreign, `${name}: tags not made by the memo in\n${html}`).toEqual([]);
    // The report's address, linked on purpose in the source line and the citation of each language.
    expect(anchors, `${name}: links in\n${html}`).toEqual(
      anchors.map(() => `<a href="${REPORT_URL}">`),
    );
    expect(anchors.length, name).toBe(4);
    const seen = visibleText(html);
    for (const text of texts)
      expect(seen, `${name}: ${JSON.stringify(text)} reads in\n${html}`).toContain(quoted(text));
  }
}

describe('the memo in real Markdown renderers', () => {
  it('keeps each known hostile text inert and readable, wherever page text goes', () => {
    for (const text of HOSTILE) {
      const texts = { title: text, agency: text, message: text, arithmetic: text, sentence: text };
      expectInert(memoOf(texts), [text]);
    }
  });

  it('keeps any mix of hostile fragments inert and readable', () => {
    fc.assert(
      fc.property(
        hostileTextArb,
        hostileTextArb,
        hostileTextArb,
        hostileTextArb,
        hostileTextArb,
        (title, agency, message, arithmetic, sentence) => {
          const texts = { title, agency, message, arithmetic, sentence };
          expectInert(memoOf(texts), Object.values(texts));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('writes an address that is not a web or file page as text, not as a link', () => {
    const memo = reportMemo({ ...base, url: 'javascript:alert(1)//<img src=x>' }, [], {
      retrievedAt: '2024-02-01T08:30:00.000Z',
      textSha256: 'ab'.repeat(32),
    });
    for (const args of Object.values(RENDERERS)) {
      const html = render(memo, args);
      expect(tagsOf(html).anchors).toEqual([]);
      expect(html).not.toContain('<img');
      expect(visibleText(html)).toContain('javascript:alert(1)//<img src=x>');
    }
  });
});
