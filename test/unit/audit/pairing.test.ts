/**
 * An audit's pairing of last year's report (lib/audit/pairing.ts): same
 * portal, same body, the year before — a government titled with or without
 * its trailing 人民政府 is one body; a look-alike department, another
 * portal's report, or two pages both claiming last year are not paired.
 */
import { describe, expect, it } from 'vitest';
import { pairPrevious } from '../../../lib/audit/pairing';
import type { Report } from '../../../lib/model/report';
import { agencyKey, agencyNames } from '../../../lib/text/agency-name';
import { reportOf } from '../../support/report-builder';

const at = (url: string, agency: string, year: number): Report => ({
  ...reportOf([], { agency, year }),
  url,
});

const pairedUrls = (reports: Report[]) =>
  pairPrevious(reports, (r) => r).map((p) =>
    p.state === 'found' ? p.previous.url : p.state === 'ambiguous' ? 'ambiguous' : null,
  );

describe('an audit’s pairing of last year’s report', () => {
  it('pairs a government titled 「鹤鸣区」 with its report titled 「鹤鸣区人民政府」, both ways', () => {
    const reports = [
      at('http://www.heming.gov.cn/2023.html', '鹤鸣区', 2023),
      at('http://www.heming.gov.cn/2022.html', '鹤鸣区人民政府', 2022),
      at('http://www.heming.gov.cn/2021.html', '鹤鸣区', 2021),
    ];
    expect(pairedUrls(reports)).toEqual([
      'http://www.heming.gov.cn/2022.html',
      'http://www.heming.gov.cn/2021.html',
      null,
    ]);
  });

  it('pairs no look-alike agency, no other portal, and neither of two pages claiming last year', () => {
    expect(
      pairedUrls([
        at('http://www.heming.gov.cn/a.html', '鹤鸣区卫生健康委员会', 2023),
        at('http://www.heming.gov.cn/b.html', '鹤鸣区卫健委', 2022),
        at('http://www.yunqi.gov.cn/c.html', '鹤鸣区卫生健康委员会', 2022),
      ]),
    ).toEqual([null, null, null]);
    expect(
      pairedUrls([
        at('http://www.heming.gov.cn/2023.html', '鹤鸣区', 2023),
        at('http://www.heming.gov.cn/2022.html', '鹤鸣区', 2022),
        at('http://www.heming.gov.cn/2022-corrected.html', '鹤鸣区人民政府', 2022),
      ])[0],
    ).toBe('ambiguous');
  });
});

describe('an agency’s names', () => {
  it('folds only a trailing 人民政府', () => {
    expect(agencyKey('鹤鸣区人民政府')).toBe('鹤鸣区');
    expect(agencyKey(' 鹤鸣区 人民政府 ')).toBe('鹤鸣区');
    expect(agencyKey('鹤鸣区人民政府办公室')).toBe('鹤鸣区人民政府办公室');
    expect(agencyNames('鹤鸣区')).toEqual(['鹤鸣区', '鹤鸣区人民政府']);
    expect(agencyNames('鹤鸣区人民政府')).toEqual(['鹤鸣区人民政府', '鹤鸣区']);
    expect(agencyNames('人民政府')).toEqual(['人民政府']);
    expect(agencyNames('')).toEqual([]);
  });
});
