/**
 * The command line's JSON contract (architecture.md, "The observable
 * contract"): one entry per input file. The export issue writes the same shape.
 */
import type { Claim, Detection, Finding, Report, TemplateId } from './report';

export interface ContractTable {
  index: number;
  kind: string;
  rows: number;
  cols: number;
  sourceTables: number;
  unreadable: string[];
  missingKeys: string[];
}

export interface ContractReport {
  agency: string;
  year: number | null;
  template: TemplateId;
  publishedAt: string | null;
  title: string;
  bodyKind: string;
  url: string;
  tables: ContractTable[];
  imageTables: number;
  values: Record<string, number | null>;
  claims: Claim[];
}

export interface ContractEntry {
  file: string;
  isReport: boolean;
  kind: Detection['kind'];
  report?: ContractReport;
  findings: Finding[];
  error?: string;
}

export function toContractReport(report: Report): ContractReport {
  const { identity } = report;
  return {
    agency: identity.agency,
    year: identity.year,
    template: identity.template,
    publishedAt: identity.publishedAt,
    title: identity.title,
    bodyKind: identity.bodyKind,
    url: report.url,
    tables: report.tables.map((t) => ({
      index: t.index,
      kind: t.kind,
      rows: t.rowCount,
      cols: t.colCount,
      sourceTables: t.sourceTables,
      unreadable: t.cells.filter((c) => c.unreadable && c.key).map((c) => c.key as string),
      missingKeys: t.missingKeys ?? [],
    })),
    imageTables: report.imageTables,
    values: report.values,
    claims: report.claims,
  };
}
