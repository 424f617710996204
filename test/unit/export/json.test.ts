import { describe, expect, it } from 'vitest';
import { EXPORT_SCHEMA_VERSION, ReportExportSchema, reportJson } from '../../../lib/export/json';
import { analyseFile } from '../../../scripts/cli/analyse-file';

const retrievedAt = '2024-02-01T08:30:00.000Z';

async function fixture() {
  const { report, entry } = await analyseFile('test/fixtures/chk-identity-culprit.html');
  if (!report) throw new Error('fixture not read as a report');
  return { report, entry };
}

describe('reportJson', () => {
  it('is the command line contract entry of the same page, with a schema version and retrieval time', async () => {
    const { report, entry } = await fixture();
    const parsed = JSON.parse(reportJson(report, entry.findings, { retrievedAt }));
    expect(ReportExportSchema.safeParse(parsed).success).toBe(true);
    const { schemaVersion, retrievedAt: at, file, ...rest } = parsed;
    expect(schemaVersion).toBe(EXPORT_SCHEMA_VERSION);
    expect(at).toBe(retrievedAt);
    expect(file).toBe(report.url);
    const { file: _cliFile, ...cli } = JSON.parse(JSON.stringify(entry));
    expect(rest).toEqual(cli);
    expect(parsed.report.agency).toBe('江州市自然资源和规划局');
    expect(parsed.findings.map((f: { rule: string }) => f.rule)).toContain('t3.row-total');
  });

  it('refuses to write a report that does not fit the schema, saying where', async () => {
    const { report, entry } = await fixture();
    const broken = { ...report, identity: { ...report.identity, year: 2023.5 } };
    expect(() => reportJson(broken, entry.findings, { retrievedAt })).toThrow(/report\.year/);
    expect(() => reportJson(report, entry.findings, { retrievedAt: 'yesterday' })).toThrow(
      /retrievedAt/,
    );
  });
});
