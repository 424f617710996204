/** The readable form of a command-line entry, for a person at a terminal. */
import type { ContractEntry } from '../../lib/model/contract';
import type { CellRef, Finding } from '../../lib/model/report';

const SEVERITY_HEADINGS: Record<Finding['severity'], string> = {
  error: '错误 errors (the report contradicts itself)',
  warning: '警告 warnings (probably wrong, worth a look)',
  info: '提示 notes (context)',
};

/** Key → page of a PDF's cells (empty for a page): a marked cell names its page, to find it in the PDF. */
type CellPages = Readonly<Record<string, number>>;

function cellName(ref: CellRef, pages: CellPages = {}): string {
  const label = [ref.row, ref.col].filter(Boolean).join(' / ');
  const page = ref.key !== undefined ? pages[ref.key] : undefined;
  const where = page !== undefined ? ` (第${page}页 p. ${page})` : '';
  return `${label || ref.key || '?'} = ${ref.value === null ? '空白' : ref.value}${where}`;
}

/** Findings grouped by severity, each with its arithmetic and the cells it marks. */
export function formatFindings(findings: Finding[], pages: CellPages = {}): string[] {
  if (findings.length === 0) return ['  no findings: the tables and the text agree'];
  const lines: string[] = [];
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(`  ${SEVERITY_HEADINGS[severity]}: ${group.length}`);
    for (const f of group) {
      lines.push(`    [${f.rule}] ${f.message}`);
      lines.push(`      ${f.messageEn}`);
      if (f.arithmetic) lines.push(`      ${f.arithmetic}`);
      if (f.cells.length > 0)
        lines.push(`      marks: ${f.cells.map((c) => cellName(c, pages)).join('; ')}`);
      if (f.text) lines.push(`      「${f.text}」`);
    }
  }
  return lines;
}

const KIND_NAMES: Record<string, string> = {
  t2: '表二 主动公开',
  t3: '表三 依申请',
  t4: '表四 复议诉讼',
  legacy: '统计表 (legacy)',
  other: '其他表格 other',
};

export function formatSummary(entry: ContractEntry): string {
  const lines = [entry.file];
  if (entry.error) {
    lines.push(`  unreadable file: ${entry.error}`);
    return lines.join('\n');
  }
  if (!entry.report) {
    lines.push(
      entry.kind === 'scanned'
        ? '  扫描件 PDF，无文字层，无法读取 scanned PDF without a text layer: cannot be read'
        : entry.kind === 'undecodable'
          ? `  PDF 文字所用字体无法解码，无法读取 text in fonts that could not be decoded: cannot be read${entry.reason ? ` (${entry.reason})` : ''}`
          : entry.kind === 'listing'
            ? '  年报列表页 listing of reports'
            : '  不是年报 not a report',
    );
    return lines.join('\n');
  }
  const r = entry.report;
  lines.push(`  ${r.title}`);
  if (entry.source === 'pdf') lines.push(`  PDF, ${entry.pdfPages ?? '?'} 页 pages`);
  lines.push(
    `  机构 agency: ${r.agency || '?'} (${r.bodyKind}) · 年度 year: ${r.year ?? '?'} · 格式 format: ${r.template} · 发布 published: ${r.publishedAt ?? '?'}`,
  );
  if (r.tables.length === 0) {
    lines.push(
      r.imageTables > 0
        ? `  tables: none readable; ${r.imageTables} published as images`
        : '  tables: none',
    );
  }
  for (const t of r.tables) {
    const keyed = Object.keys(r.values).filter((k) => k.startsWith(`${t.kind}.`)).length;
    let line = `  ${KIND_NAMES[t.kind] ?? t.kind}: ${t.rows}×${t.cols}`;
    if (t.sourceTables > 1) line += `, joined from ${t.sourceTables} <table>s`;
    if (t.kind !== 'other') line += `, ${keyed} values`;
    if (t.unreadable.length > 0) line += `, unreadable: ${t.unreadable.join(' ')}`;
    if (t.missingKeys.length > 0) line += `, ${t.missingKeys.length} cells of the format missing`;
    lines.push(line);
  }
  if (r.claims.length > 0) {
    const claims = r.claims
      .map((c) => `${c.subject} ${c.approximate ? '≈' : ''}${c.value}`)
      .join('; ');
    lines.push(`  正文数字 narrative: ${claims}`);
  }
  lines.push(...formatFindings(entry.findings, entry.report.pages));
  return lines.join('\n');
}
