/**
 * The memo: a short Markdown note, Chinese then English, to paste into a
 * journalist's or researcher's notes. It says which report was checked, where
 * and when it was read, a SHA-256 of its text (so the text can later be shown
 * to be the same), and each finding with its arithmetic. Times are Beijing
 * time, as the portals date their pages; findings are named by what they
 * check, never by the rules' internal ids; when a finding compares with last
 * year's report, that report is cited as the source it is. A report read
 * from a PDF names the PDF as its source and each finding's page(s) in it.
 */
import type { PreviousSummary } from '../model/history';
import type { Finding, Report, RuleFamily, Severity } from '../model/report';
import { beijingTimeLabel } from './beijing-time';
import { findingPages, isPdfReport } from './printed-page';

export type MemoLanguage = 'zh' | 'en' | 'both';

export interface MemoOptions {
  /** When the page was read, ISO 8601. */
  retrievedAt: string;
  /** sha256Hex of the report's text. */
  textSha256: string;
  /** Default 'both': Chinese first, then English. */
  language?: MemoLanguage;
  /** Last year's report, cited when a finding compares with it. */
  previous?: PreviousSummary | null;
}

const FAMILY_ZH: Record<RuleFamily, string> = {
  identity: '表格勾稽关系',
  legacy: '统计表分项',
  narrative: '正文与表格',
  crossTable: '表与表之间',
  yearOverYear: '与上年报告',
  timeliness: '公布时限',
  form: '表格形式',
};
const FAMILY_EN: Record<RuleFamily, string> = {
  identity: 'table identities',
  legacy: 'statistics table breakdowns',
  narrative: 'text against tables',
  crossTable: 'across tables',
  yearOverYear: 'against last year’s report',
  timeliness: 'publication deadline',
  form: 'form of the tables',
};

const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const SEVERITY_EN: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

/**
 * Markdown renderers link more than Markdown's own syntax: GitHub-flavoured
 * ones turn `www.…`, `scheme://…` and `name@host.tld` in plain text into
 * links (cmark-gfm's autolink extension), others any `host.tld` (markdown-it's
 * linkify). Such a link swallows what follows it up to a space or `<`,
 * escaping backslashes included, so a backslash cannot keep the `<img …>`
 * after a URL from being read as raw HTML. A word of page text that could
 * start such a link is therefore written as a code span, where no dialect
 * recognises links, emphasis, entities or HTML.
 */
const LINK_LIKE = /:\/\/|www\.|@|[\p{L}\p{N}-]\.[a-z]{2,}/iu;

/**
 * Characters that open inline Markdown somewhere (emphasis, strikethrough,
 * code, links and images by their `[`, a heading's closing `#`, table pipes,
 * math, attribute lists), escaped with a backslash outside code spans. Text
 * never starts a line here, so block markers (`-`, `+`, `1.`) need nothing.
 */
const MARKDOWN_PUNCTUATION = /[\\`*_[\]{}#|~$]/g;

/**
 * A code span holding `text` verbatim: fenced by more backticks than the
 * longest run inside it, padded when it starts or ends with a backtick
 * (CommonMark strips one space of padding on each side).
 */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Page text as inert Markdown: it reads as printed (the journalist sees the
 * same characters, a URL included) in any renderer, CommonMark or GFM with
 * autolinks and raw HTML, and never becomes a link, an image, emphasis or a
 * tag. `<`, `>` and `&` become entities (an entity is text: it cannot start
 * a tag, an autolink or another entity); the other inline punctuation gets a
 * backslash; words that a renderer could link become code spans (above).
 * Whitespace is collapsed, so nothing can start a block of its own.
 */
export function inertMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .split(/( )/)
    .map((word) => {
      if (word === ' ' || word === '') return word;
      if (LINK_LIKE.test(word)) return codeSpan(word);
      return word
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(MARKDOWN_PUNCTUATION, (ch) => `\\${ch}`);
    })
    .join('');
}

/** Schemes of a page address the memo may link: a web page or a saved file, never `javascript:` or `data:`. */
const LINKED_SCHEMES = new Set(['http:', 'https:', 'file:']);

/**
 * The report's address, the one link the memo makes on purpose: the source a
 * reader of the notes follows. Only as a CommonMark autolink `<…>` (no
 * backslash or entity is read inside one, and it ends at the first `>`), and
 * only for a web or file address as the URL parser serialises it, with
 * anything that could end the autolink percent-encoded. Any other address is
 * inert text.
 */
function sourceLink(url: string): string {
  if (!url) return '—';
  let href: string;
  try {
    const parsed = new URL(url);
    if (!LINKED_SCHEMES.has(parsed.protocol)) return inertMarkdown(url);
    href = parsed.href;
  } catch {
    return inertMarkdown(url);
  }
  return `<${href.replace(/[<>\s`"'\\]/g, (ch) => encodeURIComponent(ch))}>`;
}

interface Labels {
  heading: string;
  report: string;
  agency: string;
  year: string;
  source: string;
  /** The source line's name for a PDF. */
  pdfSource: string;
  /** Where a finding's figures are printed in the PDF. */
  printedOn: (pages: number[]) => string;
  retrieved: string;
  hash: string;
  findings: (count: number) => string;
  none: string;
  arithmetic: string;
  sentence: string;
  cite: (report: Report, year: string, options: MemoOptions) => string;
  /** The previous report compared with, as a source line. */
  previous: (report: Report, previous: PreviousSummary) => string;
  family: Record<RuleFamily, string>;
  unknown: string;
  severity: Record<Severity, string>;
  message: (finding: Finding) => string;
}

const ZH: Labels = {
  heading: '政府信息公开工作年度报告核查备忘',
  report: '报告',
  agency: '机构',
  year: '年度',
  source: '来源',
  pdfSource: '来源（PDF）',
  printedOn: (pages) => `位置: PDF 第 ${pages.join('、')} 页`,
  retrieved: '获取时间',
  hash: '正文 SHA-256',
  findings: (n) => `核查发现（${n} 项）`,
  none: '未发现问题。',
  arithmetic: '算式',
  sentence: '原文',
  cite: (report, year, o) =>
    `${inertMarkdown(report.identity.agency || '未知机构')}《${inertMarkdown(report.identity.title)}》（${year}年度），${sourceLink(report.url)}，获取于 ${beijingTimeLabel(o.retrievedAt, 'zh')}，正文 SHA-256 ${o.textSha256}。`,
  previous: (report, p) =>
    `上一年度报告（同比核查所据）: ${inertMarkdown(report.identity.agency || '未知机构')}《${inertMarkdown(p.title || `${p.year}年度报告`)}》（${p.year}年度），${sourceLink(p.url)}${p.seenAt ? `，读取于 ${beijingTimeLabel(p.seenAt, 'zh')}` : ''}`,
  family: FAMILY_ZH,
  unknown: '未知',
  severity: SEVERITY_ZH,
  message: (f) => f.message,
};

const EN: Labels = {
  heading: 'Check memo: government information disclosure annual report',
  report: 'Report',
  agency: 'Agency',
  year: 'Year',
  source: 'Source',
  pdfSource: 'Source (PDF)',
  printedOn: (pages) => `Where: PDF ${pages.length === 1 ? 'page' : 'pages'} ${pages.join(', ')}`,
  retrieved: 'Retrieved',
  hash: 'SHA-256 of the text',
  findings: (n) => `Findings (${n})`,
  none: 'No problems found.',
  arithmetic: 'Arithmetic',
  sentence: 'Sentence',
  cite: (report, year, o) =>
    `${inertMarkdown(report.identity.agency || 'unknown agency')}, “${inertMarkdown(report.identity.title)}” (${year}), ${sourceLink(report.url)}, retrieved ${beijingTimeLabel(o.retrievedAt, 'en')}, text SHA-256 ${o.textSha256}.`,
  previous: (report, p) =>
    `Previous report (compared with): ${inertMarkdown(report.identity.agency || 'unknown agency')}, “${inertMarkdown(p.title || `report for ${p.year}`)}” (${p.year}), ${sourceLink(p.url)}${p.seenAt ? `, read ${beijingTimeLabel(p.seenAt, 'en')}` : ''}`,
  family: FAMILY_EN,
  unknown: 'unknown',
  severity: SEVERITY_EN,
  message: (f) => f.messageEn,
};

function section(
  report: Report,
  findings: readonly Finding[],
  options: MemoOptions,
  l: Labels,
): string {
  const year = report.identity.year === null ? l.unknown : String(report.identity.year);
  // Cited only where a finding rests on it: a memo names its sources, not the history's contents.
  const cited = findings.some((finding) => finding.family === 'yearOverYear')
    ? (options.previous ?? null)
    : null;
  const pdf = isPdfReport(report);
  const lines = [
    `## ${l.heading}`,
    '',
    `- ${l.report}: ${inertMarkdown(report.identity.title) || l.unknown}`,
    `- ${l.agency}: ${inertMarkdown(report.identity.agency) || l.unknown}`,
    `- ${l.year}: ${year}`,
    `- ${pdf ? l.pdfSource : l.source}: ${sourceLink(report.url)}`,
    `- ${l.retrieved}: ${beijingTimeLabel(options.retrievedAt, l === ZH ? 'zh' : 'en')}`,
    `- ${l.hash}: \`${options.textSha256}\``,
    ...(cited ? [`- ${l.previous(report, cited)}`] : []),
    '',
    `### ${l.findings(findings.length)}`,
    '',
  ];
  if (findings.length === 0) lines.push(l.none);
  findings.forEach((finding, i) => {
    lines.push(
      `${i + 1}. **${l.severity[finding.severity]}** (${l.family[finding.family]}) ${inertMarkdown(l.message(finding))}`,
    );
    // The English half in English: its arithmetic too, where the finding has it in English.
    const arithmetic = l === ZH ? finding.arithmetic : (finding.arithmeticEn ?? finding.arithmetic);
    if (arithmetic) lines.push(`   - ${l.arithmetic}: ${inertMarkdown(arithmetic)}`);
    const pages = pdf ? findingPages(report, finding) : [];
    if (pages.length > 0) lines.push(`   - ${l.printedOn(pages)}`);
    if (finding.text) lines.push(`   - ${l.sentence}: “${inertMarkdown(finding.text)}”`);
  });
  lines.push('', `> ${l.cite(report, year, options)}`);
  return lines.join('\n');
}

export function reportMemo(
  report: Report,
  findings: readonly Finding[],
  options: MemoOptions,
): string {
  const language = options.language ?? 'both';
  const title = `# ${inertMarkdown(report.identity.title) || ZH.heading}`;
  const parts = [title];
  if (language !== 'en') parts.push(section(report, findings, options, ZH));
  if (language !== 'zh') parts.push(section(report, findings, options, EN));
  return `${parts.join('\n\n')}\n`;
}
