/** The readable form of a command-line entry, for a person at a terminal. */
import type { ContractEntry } from '../../lib/contract';

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
      entry.kind === 'listing' ? '  年报列表页 listing of reports' : '  不是年报 not a report',
    );
    return lines.join('\n');
  }
  const r = entry.report;
  lines.push(`  ${r.title}`);
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
  lines.push(`  findings: ${entry.findings.length}`);
  return lines.join('\n');
}
