/**
 * Finding last year's report by title: on the mock portal, every report's
 * previous year is chosen from the links of its portal's listings exactly as
 * the generator planted it (the missing year gives none, the reposted one
 * gives both addresses and no choice), and by the agency as the history keys it.
 */
import { describe, expect, it } from 'vitest';
import { readPageLinks } from '../../../lib/portal/links';
import { choosePreviousYear, reportNamedBy } from '../../../lib/portal/title-match';
import type { PortalLink } from '../../../lib/portal/types';
import { agencyKey } from '../../../lib/text/agency-name';
import { manifest, PARSERS, parsed } from './pages';

const reports = manifest.pages.filter((p) => p.report !== undefined);

describe('reportNamedBy', () => {
  it.each([
    ['鹤鸣区2023年政府信息公开工作年度报告', '鹤鸣区', 2023],
    ['鹤鸣区人民政府2022年政府信息公开工作年度报告', '鹤鸣区人民政府', 2022],
    ['上一篇：鹤鸣区司法局2021年政府信息公开工作年度报告（图片版）', '鹤鸣区司法局', 2021],
    ['附件：鹤鸣区生态环境分局2022年政府信息公开工作年度报告.pdf', '鹤鸣区生态环境分局', 2022],
    ['云栖县卫生健康局2022年度政务公开工作年度报告', '云栖县卫生健康局', 2022],
  ])('%s names %s, %i', (text, agency, year) => {
    expect(reportNamedBy(text)).toEqual({ agency, year });
  });

  it.each([
    '图解：鹤鸣区2023年政府信息公开工作年度报告',
    '关于做好2023年政府信息公开工作年度报告编制工作的通知',
    '鹤鸣区2023年政府工作报告',
    '政府信息公开年报',
    '2023年度',
  ])('%s names no report', (text) => {
    expect(reportNamedBy(text)).toBeNull();
  });

  it('a government is one agency with or without 人民政府; departments are not folded', () => {
    expect(agencyKey('鹤鸣区人民政府')).toBe(agencyKey('鹤鸣区'));
    expect(agencyKey('鹤鸣区卫生健康委员会')).not.toBe(agencyKey('鹤鸣区卫健委'));
  });
});

describe.each(PARSERS.map(([name]) => name))(
  'choosePreviousYear on the mock portal through %s',
  (parser) => {
    /** Every report link the portal's listings offer (the hostile one aside), as readPageLinks reads them. */
    function portalLinks(portal: 'A' | 'B'): PortalLink[] {
      return manifest.pages
        .filter((p) => p.portal === portal && p.kind === 'listing' && !p.hostile)
        .flatMap((p) => readPageLinks(parsed(parser, p), p.url).reports);
    }
    const links = { A: portalLinks('A'), B: portalLinks('B') };

    it.each(reports.map((p) => [p.url, p] as const))('%s', (url, page) => {
      const report = page.report;
      if (!report) throw new Error(url);
      const own = readPageLinks(parsed(parser, page), url);
      const offered = [
        ...links[page.portal],
        ...[own.previousArticle, own.nextArticle].filter((l): l is PortalLink => l !== null),
      ];
      const { chosen, candidates } = choosePreviousYear(report, offered);
      expect(chosen?.url ?? null).toBe(report.previous);
      if (report.previousCandidates) {
        expect(candidates.map((c) => c.url).sort()).toEqual([...report.previousCandidates].sort());
      } else {
        expect(candidates.map((c) => c.url)).toEqual(report.previous ? [report.previous] : []);
      }
    });

    it('the planted cases are all there: a choice, a missing year, an ambiguity', () => {
      const all = reports.map((p) => p.report);
      expect(all.some((r) => r?.previous !== null)).toBe(true);
      expect(all.some((r) => r?.previous === null && !r.previousCandidates && r.year > 2021)).toBe(
        true,
      );
      expect(all.some((r) => (r?.previousCandidates?.length ?? 0) > 1)).toBe(true);
    });
  },
);

describe('choosePreviousYear', () => {
  const link = (url: string, text: string): PortalLink => ({ url, text, date: null });
  const current = { agency: '云栖县卫生健康局', year: 2023 };

  it('two addresses naming last year give no choice, both as candidates', () => {
    const a = link(
      'http://www.yunqi.gov.cn/art/1.html',
      '云栖县卫生健康局2022年政府信息公开工作年度报告',
    );
    const b = link(
      'http://www.yunqi.gov.cn/art/2.html',
      '云栖县卫生健康局2022年政府信息公开工作年度报告',
    );
    expect(choosePreviousYear(current, [a, b, a])).toEqual({ chosen: null, candidates: [a, b] });
  });

  it('only the same agency and the year before, with the report words', () => {
    const right = link(
      'http://www.yunqi.gov.cn/art/3.html',
      '云栖县卫生健康局2022年政府信息公开工作年度报告',
    );
    const offered = [
      link('http://www.yunqi.gov.cn/art/4.html', '云栖县卫生健康局2021年政府信息公开工作年度报告'),
      link('http://www.yunqi.gov.cn/art/5.html', '云栖县民政局2022年政府信息公开工作年度报告'),
      link('http://www.yunqi.gov.cn/art/6.html', '云栖县卫生健康局2022年部门决算'),
      link(
        'http://www.yunqi.gov.cn/art/7.html',
        '图解：云栖县卫生健康局2022年政府信息公开工作年度报告',
      ),
      right,
    ];
    expect(choosePreviousYear(current, offered)).toEqual({ chosen: right, candidates: [right] });
  });

  it('a government titled with and without 人民政府 is found', () => {
    const last = link(
      'http://www.yunqi.gov.cn/art/8.html',
      '云栖县人民政府2022年政府信息公开工作年度报告',
    );
    expect(choosePreviousYear({ agency: '云栖县', year: 2023 }, [last]).chosen).toEqual(last);
  });
});
