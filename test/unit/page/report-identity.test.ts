import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  agencyFromTitle,
  bodyKindOf,
  findPublishedAt,
  findYear,
  templateOfYear,
} from '../../../lib/page/report-identity';

describe('agencyFromTitle', () => {
  it.each([
    ['衢州市综合行政执法局2018年度政府信息公开工作报告', '衢州市综合行政执法局'],
    ['2017年海陵区政务公开工作年度报告', '海陵区'],
    ['衢州市常山县2013年政府信息公开年度\n报 告', '衢州市常山县'],
    ['岱山县2020年政府信息公开工作年度报告（图片版）', '岱山县'],
    ['关于青山区2023年政府信息公开工作年度报告', '青山区'],
    ['XX市自然资源和规划局2023年度信息公开年报', 'XX市自然资源和规划局'],
  ])('%s → %s', (title, agency) => {
    expect(agencyFromTitle(title)).toBe(agency);
  });
});

describe('bodyKindOf', () => {
  it.each([
    ['海陵区', 'government'],
    ['常山县人民政府', 'government'],
    ['衢州市综合行政执法局', 'department'],
    ['XX市人民政府办公室', 'department'],
    ['XX镇人民政府', 'township'],
    ['XX街道办事处', 'township'],
    ['中共XX市委机构编制委员会办公室', 'department'],
    ['', 'unknown'],
  ])('%s is a %s', (agency, kind) => {
    expect(bodyKindOf(agency)).toBe(kind);
  });
});

describe('findYear', () => {
  it('takes the year from the title', () => {
    expect(findYear('岱山县2020年政府信息公开工作年度报告', '')).toBe(2020);
  });
  it('falls back to the statistics period sentence', () => {
    const text = '报告中所列数据的统计期限为2017年1月1日到2017年12月31日止。';
    expect(findYear('政府信息公开工作年度报告', text)).toBe(2017);
  });
});

describe('findPublishedAt', () => {
  const doc = (head: string) =>
    new JSDOM(`<html><head>${head}</head><body></body></html>`).window.document;
  it('prefers the CMS meta date', () => {
    expect(
      findPublishedAt(
        doc('<meta name="PubDate" content="2024-01-18 09:30">'),
        '成文日期：2024-01-10',
      ),
    ).toBe('2024-01-18');
  });
  it('prefers the publication date over the date of writing in the info line', () => {
    expect(findPublishedAt(doc(''), '成文日期：2014-03-12 发布时间：2014-03-14 09:47')).toBe(
      '2014-03-14',
    );
  });
  it('reads Chinese-style and full-width dates', () => {
    expect(findPublishedAt(doc(''), '发布日期：２０２１年２月３日')).toBe('2021-02-03');
  });
  it('says null rather than guessing', () => {
    expect(findPublishedAt(doc(''), '统计汇总时间：2013年1月1日')).toBeNull();
  });
});

describe('templateOfYear', () => {
  it.each([
    [2013, 'legacy'],
    [2018, 'legacy'],
    [2019, '2019'],
    [2020, '2019'],
    [2021, '2021'],
    [2025, '2021'],
  ])('%i → %s', (year, template) => {
    expect(templateOfYear(year)).toBe(template);
  });
});
