/**
 * Whether a report page offers its attached PDF (lib/content/pdf-offer.ts):
 * only when the page's tables could not all be read, judged on the saved
 * fixture pages as the extension reads them.
 */
import { describe, expect, it } from 'vitest';
import { offeredPdfs, tablesUnread } from '../../../lib/content/pdf-offer';
import { extractReport } from '../../../lib/extract';
import type { Report } from '../../../lib/model/report';
import { fixtureUrl, openFixture } from '../annotate/support';

const reportOf = (name: string): Report =>
  extractReport(openFixture(name).window.document, fixtureUrl(name)).report;

const PDF = 'http://www.jiangzhou.gov.cn/attach/2024/ndbg.pdf';

describe('which report offers its attached PDF', () => {
  it('one whose tables are images, or a legacy report with no table at all', () => {
    expect(reportOf('fmt-image-only').imageTables).toBe(3);
    expect(tablesUnread(reportOf('fmt-image-only'))).toBe(true);
    expect(tablesUnread(reportOf('seed-001-suifenhe-2017'))).toBe(true);
  });

  it('one missing a table its format prints, or of no known format', () => {
    const full = reportOf('fmt-2021-hanweb');
    expect(full.tables.map((table) => table.kind)).toEqual(['t2', 't3', 't4']);
    const noT4 = { ...full, tables: full.tables.filter((table) => table.kind !== 't4') };
    expect(tablesUnread(noT4)).toBe(true);
    const unknown = { ...full, identity: { ...full.identity, template: 'unknown' } };
    expect(tablesUnread(unknown)).toBe(true);
  });

  it('not one whose HTML tables were all read, in either fixed format or legacy', () => {
    for (const name of ['fmt-2021-hanweb', 'fmt-2019-epoint', 'legacy-2016-county-dept']) {
      expect(tablesUnread(reportOf(name)), name).toBe(false);
    }
  });

  it('reads the links only when it would offer them', () => {
    let reads = 0;
    const links = () => {
      reads++;
      return [PDF];
    };
    expect(offeredPdfs(reportOf('fmt-2021-hanweb'), links)).toEqual([]);
    expect(reads).toBe(0);
    expect(offeredPdfs(reportOf('fmt-image-only'), links)).toEqual([PDF]);
    expect(offeredPdfs(null, links)).toEqual([PDF]);
    expect(reads).toBe(2);
  });
});
