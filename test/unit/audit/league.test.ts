/**
 * The league table as a journalist reads it: who was late and by how many
 * days, who contradicts themselves most, whose tables are pictures, which
 * page served as last year — and a page that could not be read shows no
 * counts at all rather than zeros. Sorting keeps ties in order, reads names
 * in Chinese collation and puts unknowns last both ways.
 */
import { describe, expect, it } from 'vitest';
import {
  type AuditedPage,
  LeagueRowSchema,
  leagueRow,
  type PreviousPairing,
  sortLeague,
  timelinessText,
} from '../../../lib/audit/league';
import { runChecks } from '../../../lib/checks/run';
import type { Report } from '../../../lib/model/report';
import { reportOf, tableOf } from '../../support/report-builder';

const T3_BROKEN = {
  't3.new.total': '10',
  't3.carryIn.total': '2',
  't3.totalHandled.total': '9',
  't3.carryOut.total': '1',
};

function page(report: Report, previous: PreviousPairing = { state: 'none' }): AuditedPage {
  return {
    kind: 'report',
    url: report.url,
    source: 'html',
    report,
    findings: runChecks(report, null),
    previous,
  };
}

const late = reportOf([tableOf('t3', T3_BROKEN)], {
  agency: '江州市自然资源和规划局',
  bodyKind: 'department',
  publishedAt: '2024-02-06',
  year: 2023,
});
const onTime = reportOf([], {
  agency: '安平市卫生健康委员会',
  bodyKind: 'department',
  publishedAt: '2024-01-26',
});
const undated = reportOf([], {
  agency: '北山县',
  bodyKind: 'government',
  publishedAt: null,
  year: 2020,
  template: '2019',
});
const unreadable: AuditedPage = {
  kind: 'unreadable',
  url: 'http://www.x.gov.cn/a.pdf',
  source: 'pdf',
  problem: '扫描件 PDF，无法读取',
  problemEn: 'scanned PDF: cannot be read',
};

describe('a league row', () => {
  it('says how late a department published, by the deadline the timeliness check uses', () => {
    const row = leagueRow(page(late));
    expect(row.deadline).toBe('2024-01-31');
    expect(row.delayDays).toBe(6);
    expect(timelinessText(row)).toEqual({ zh: '逾期 6 天', en: '6 days late' });
    expect(row.worst?.severity).toBe('error');
    expect(row.errors).toBeGreaterThan(0);
    expect(row.missingTables).toEqual(['t2', 't4']);
    expect(LeagueRowSchema.parse(row)).toEqual(row);
  });

  it('says on time, and unknown when the page prints no date', () => {
    expect(timelinessText(leagueRow(page(onTime))).zh).toBe('按时');
    const row = leagueRow(page(undated));
    expect(row.delayDays).toBeNull();
    expect(timelinessText(row)).toEqual({ zh: '未知', en: 'unknown' });
  });

  it('names the previous year used, or says it was ambiguous', () => {
    expect(
      leagueRow(page(late, { state: 'found', url: 'http://www.jiangzhou.gov.cn/2022.html' }))
        .previous,
    ).toEqual({ state: 'found', url: 'http://www.jiangzhou.gov.cn/2022.html' });
    expect(leagueRow(page(late, { state: 'ambiguous', candidates: 2 })).previous.state).toBe(
      'ambiguous',
    );
  });

  it('gives an unreadable page its reason and no counts (null, never 0)', () => {
    const row = leagueRow(unreadable);
    expect(row).toMatchObject({
      status: 'unreadable',
      source: 'pdf',
      errors: null,
      warnings: null,
      infos: null,
      imageTables: null,
      missingTables: null,
    });
    expect(row.problemEn).toContain('scanned');
    expect(LeagueRowSchema.parse(row)).toEqual(row);
  });

  it('refuses a row whose text is beyond the bounds', () => {
    const row = leagueRow(page(onTime));
    expect(LeagueRowSchema.safeParse({ ...row, agency: '局'.repeat(3000) }).success).toBe(false);
  });
});

describe('sorting the league', () => {
  const rows = [late, onTime, undated].map((r) => leagueRow(page(r))).concat(leagueRow(unreadable));

  it('by agency in Chinese (pinyin) order, unknown agencies last both ways', () => {
    const asc = sortLeague(rows, { column: 'agency', direction: 'asc' }).map((r) => r.agency);
    expect(asc).toEqual(['安平市卫生健康委员会', '北山县', '江州市自然资源和规划局', '']);
    const desc = sortLeague(rows, { column: 'agency', direction: 'desc' }).map((r) => r.agency);
    expect(desc).toEqual(['江州市自然资源和规划局', '北山县', '安平市卫生健康委员会', '']);
  });

  it('by timeliness, latest first, undated and unread pages last', () => {
    const sorted = sortLeague(rows, { column: 'timeliness', direction: 'desc' });
    expect(sorted.map((r) => r.agency)).toEqual([
      '江州市自然资源和规划局',
      '安平市卫生健康委员会',
      '北山县',
      '',
    ]);
  });

  it('is stable: rows equal on the column keep their order', () => {
    const twins = [onTime, undated].map((r) => leagueRow(page(r)));
    expect(sortLeague(twins, { column: 'errors', direction: 'desc' })).toEqual(twins);
    expect(sortLeague([...twins].reverse(), { column: 'errors', direction: 'asc' })).toEqual(
      [...twins].reverse(),
    );
  });

  it('opens with the most errors first', () => {
    expect(sortLeague(rows)[0]?.agency).toBe('江州市自然资源和规划局');
    expect(sortLeague(rows).at(-1)?.status).toBe('unreadable');
  });
});
