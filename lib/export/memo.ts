/**
 * The memo: a short Markdown note, Chinese then English, to paste into a
 * journalist's or researcher's notes. It says which report was checked, where
 * and when it was read, a SHA-256 of its text (so the text can later be shown
 * to be the same), and each finding with its arithmetic.
 */
import type { Finding, Report, Severity } from '../model';

export type MemoLanguage = 'zh' | 'en' | 'both';

export interface MemoOptions {
  /** When the page was read, ISO 8601. */
  retrievedAt: string;
  /** sha256Hex of the report's text. */
  textSha256: string;
  /** Default 'both': Chinese first, then English. */
  language?: MemoLanguage;
}

const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const SEVERITY_EN: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

/**
 * Page text is not Markdown: a title with * or [ ] must not turn into
 * emphasis or a link, nor < into HTML, in whatever the memo is pasted into.
 */
function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>#|]/g, (ch) => `\\${ch}`);
}

/** An autolink cannot hold spaces or angle brackets; URLs from the address bar rarely do. */
function autolink(url: string): string {
  return url ? `<${url.replace(/[<>\s]/g, (ch) => encodeURIComponent(ch))}>` : '—';
}

interface Labels {
  heading: string;
  report: string;
  agency: string;
  year: string;
  source: string;
  retrieved: string;
  hash: string;
  findings: (count: number) => string;
  none: string;
  arithmetic: string;
  sentence: string;
  cite: (report: Report, year: string, options: MemoOptions) => string;
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
  retrieved: '获取时间',
  hash: '正文 SHA-256',
  findings: (n) => `核查发现（${n} 项）`,
  none: '未发现问题。',
  arithmetic: '算式',
  sentence: '原文',
  cite: (report, year, o) =>
    `${escapeMarkdown(report.identity.agency || '未知机构')}《${escapeMarkdown(report.identity.title)}》（${year}年度），${autolink(report.url)}，获取于 ${o.retrievedAt}，正文 SHA-256 ${o.textSha256}。`,
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
  retrieved: 'Retrieved',
  hash: 'SHA-256 of the text',
  findings: (n) => `Findings (${n})`,
  none: 'No problems found.',
  arithmetic: 'Arithmetic',
  sentence: 'Sentence',
  cite: (report, year, o) =>
    `${escapeMarkdown(report.identity.agency || 'unknown agency')}, “${escapeMarkdown(report.identity.title)}” (${year}), ${autolink(report.url)}, retrieved ${o.retrievedAt}, text SHA-256 ${o.textSha256}.`,
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
  const lines = [
    `## ${l.heading}`,
    '',
    `- ${l.report}: ${escapeMarkdown(report.identity.title) || l.unknown}`,
    `- ${l.agency}: ${escapeMarkdown(report.identity.agency) || l.unknown}`,
    `- ${l.year}: ${year}`,
    `- ${l.source}: ${autolink(report.url)}`,
    `- ${l.retrieved}: ${options.retrievedAt}`,
    `- ${l.hash}: \`${options.textSha256}\``,
    '',
    `### ${l.findings(findings.length)}`,
    '',
  ];
  if (findings.length === 0) lines.push(l.none);
  findings.forEach((finding, i) => {
    lines.push(
      `${i + 1}. **${l.severity[finding.severity]}** (${finding.rule}) ${escapeMarkdown(l.message(finding))}`,
    );
    if (finding.arithmetic)
      lines.push(`   - ${l.arithmetic}: ${escapeMarkdown(finding.arithmetic)}`);
    if (finding.text) lines.push(`   - ${l.sentence}: “${escapeMarkdown(finding.text)}”`);
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
  const title = `# ${escapeMarkdown(report.identity.title) || ZH.heading}`;
  const parts = [title];
  if (language !== 'en') parts.push(section(report, findings, options, ZH));
  if (language !== 'zh') parts.push(section(report, findings, options, EN));
  return `${parts.join('\n\n')}\n`;
}
