import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  detectPage,
  isListingPage,
  scanColumnPage,
  titleCandidates,
} from '../../../lib/page/detect';

/** A portal page: head, navigation, an article, a sidebar of links. */
function portalPage(options: {
  title: string;
  meta?: string;
  heading?: string;
  body?: string;
  sidebar?: string[];
}): Document {
  const links = (options.sidebar ?? []).map((text) => `<li><a href="#">${text}</a></li>`).join('');
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${options.title}</title>${options.meta ?? ''}</head>
<body><div class="nav"><a href="/">首页</a><a href="/xxgk/">信息公开</a><a href="/zwdt/">政务动态</a></div>
<div class="article"><h1>${options.heading ?? ''}</h1><div class="content">${options.body ?? ''}</div></div>
<ul class="side">${links}</ul><div class="footer">主办：某某县人民政府办公室</div></body></html>`;
  return new JSDOM(html).window.document;
}

const OTHER_YEARS = [2019, 2020, 2021, 2022, 2023].map(
  (year) => `某某县人民政府${year}年政府信息公开工作年度报告`,
);

describe('detectPage', () => {
  it('takes a notice about compiling the reports for neither a report nor a listing, whatever it links', () => {
    const doc = portalPage({
      title: '关于做好2023年政府信息公开工作年度报告编制发布工作的通知_某某县人民政府',
      body: '<p>各乡镇人民政府，县政府各部门：现将有关事项通知如下。</p>',
      sidebar: OTHER_YEARS,
    });
    expect(detectPage(doc)).toMatchObject({ kind: 'none', title: null });
  });

  it('takes a column of report links for a listing', () => {
    const doc = portalPage({ title: '政府信息公开年报_某某县人民政府', sidebar: OTHER_YEARS });
    expect(detectPage(doc).kind).toBe('listing');
  });

  it('takes a long column of report links, between other links, for a listing', () => {
    const years = Array.from(
      { length: 20 },
      (_, i) => `某某县某局${2004 + i}年政府信息公开工作年度报告`,
    );
    const doc = portalPage({
      title: '年度报告_某某县人民政府',
      sidebar: ['政府信息公开指南', '政府信息公开制度', ...years],
    });
    expect(detectPage(doc).kind).toBe('listing');
  });

  it('reads the column name from the CMS meta, and needs the links to be report titles', () => {
    const meta = '<meta name="ColumnName" content="政府信息公开年报">';
    const column = portalPage({ title: '某某县人民政府', meta, sidebar: OTHER_YEARS });
    expect(detectPage(column).kind).toBe('listing');
    // The phrase without a year: a link about the reports, not to one.
    const noYears = ['甲', '乙', '丙', '丁', '戊'].map((name) => `${name}镇政府信息公开工作报告`);
    const undated = portalPage({ title: '某某县人民政府', meta, sidebar: noYears });
    expect(detectPage(undated).kind).toBe('none');
  });

  it("finds a report title in a heading styled by class, whatever the class name's case", () => {
    const html = `<html><head><title>某某县人民政府</title></head><body>
<div class="nav"><a href="/">首页</a></div>
<div class="Main"><div class="XXGK_Title">某某县人民政府2023年政府信息公开工作年度报告</div>
<p>本年新收政府信息公开申请15件。</p></div></body></html>`;
    const doc = new JSDOM(html).window.document;
    expect(detectPage(doc)).toMatchObject({
      kind: 'report',
      title: '某某县人民政府2023年政府信息公开工作年度报告',
    });
  });

  it('can leave the link scan of a column page for later, and then gives the same answer', () => {
    const column = portalPage({ title: '政府信息公开年报_某某县人民政府', sidebar: OTHER_YEARS });
    expect(detectPage(column, { deferListingScan: true })).toEqual({
      kind: 'none',
      reasons: ['listing words'],
      title: null,
      listingToConfirm: true,
    });
    expect(isListingPage(column)).toBe(true);
    const short = portalPage({
      title: '政府信息公开年报_某某县人民政府',
      sidebar: OTHER_YEARS.slice(0, 3),
    });
    expect(detectPage(short, { deferListingScan: true }).listingToConfirm).toBe(true);
    expect(isListingPage(short)).toBe(false);
    // Three reports in a column so named: no listing, but a column the popup offers to audit.
    expect(scanColumnPage(column)).toBe('listing');
    expect(scanColumnPage(short)).toBe('column');
    expect(scanColumnPage(portalPage({ title: '政府信息公开年报_某某县人民政府' }))).toBe('none');
    // Only the column's words defer: a report is a report at once, a page without them is settled.
    const report = portalPage({
      title: '某某县人民政府2023年政府信息公开工作年度报告_某某县',
      body: '<p>本年新收政府信息公开申请15件。</p>',
      sidebar: OTHER_YEARS.slice(0, 2),
    });
    expect(detectPage(report, { deferListingScan: true }).kind).toBe('report');
    const news = portalPage({
      title: '某某县开展春季植树活动_某某县人民政府',
      sidebar: OTHER_YEARS,
    });
    expect(detectPage(news, { deferListingScan: true })).toEqual({
      kind: 'none',
      reasons: [],
      title: null,
    });
  });

  it('takes a circular on how the reports were checked for no report, whatever it links', () => {
    const doc = portalPage({
      // The site's name after a space: the circular's word, not its ending, tells.
      title: '关于2023年度全市政府信息公开工作年度报告检查情况的通报 某某市人民政府',
      body: '<p>各县（市、区）人民政府：现将检查情况通报如下。本年新收政府信息公开申请情况良好。</p>',
      sidebar: OTHER_YEARS,
    });
    expect(detectPage(doc)).toMatchObject({
      kind: 'none',
      title: null,
      reasons: ['a page about reports'],
    });
  });

  it('does not take a column with three report links for a listing', () => {
    const doc = portalPage({
      title: '政府信息公开年报_某某县人民政府',
      sidebar: OTHER_YEARS.slice(0, 3),
    });
    expect(detectPage(doc).kind).toBe('none');
  });

  it('finds a report whose title is only in its heading, and says which title it judged by', () => {
    const heading = '某某县人民政府2023年政府信息公开工作年度报告';
    const doc = portalPage({
      title: '某某县人民政府门户网站',
      heading,
      body: '<p>本年新收政府信息公开申请15件。</p>',
    });
    expect(detectPage(doc)).toMatchObject({ kind: 'report', title: heading });
  });

  it('keeps the title of a report page whose body does not bear it out yet', () => {
    const doc = portalPage({ title: '某某县人民政府2023年政府信息公开工作年度报告_某某县' });
    expect(detectPage(doc)).toMatchObject({
      kind: 'none',
      title: '某某县人民政府2023年政府信息公开工作年度报告',
    });
  });
});

describe('titleCandidates', () => {
  it('reads the CMS meta in order of trust (name before property), then the title segments', () => {
    const doc = portalPage({
      title: ' 标题甲 _ 站点乙 —— 栏目丙 | 丁 ',
      meta:
        '<meta property="og:title" content="开放图谱标题">' +
        '<meta name="ArticleTitle" content="文章标题">' +
        '<meta name="ArticleTitle" content="第二个文章标题">' +
        '<meta property="title" content="属性标题"><meta name="title" content="名称标题">',
    });
    expect(titleCandidates(doc)).toEqual([
      '文章标题',
      '名称标题',
      '开放图谱标题',
      '标题甲',
      '站点乙',
      '栏目丙',
      '丁',
    ]);
  });
});
