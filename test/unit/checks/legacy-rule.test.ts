/**
 * Legacy hierarchy rule, on small statistics tables read by the real
 * extraction (jsdom page → extractReport), and on the seed reports.
 */
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { checkContext } from '../../../lib/checks/context';
import { legacyRule } from '../../../lib/checks/legacy-rule';
import { extractReport } from '../../../lib/extract';
import type { Finding, Report } from '../../../lib/model/report';
import { analyseFile } from '../../../scripts/cli/analyse-file';

type Row = [label: string, unit: string, value: string];

const URL = 'http://www.example.gov.cn/art/2017/3/1/art_1_1.html';

function legacyPage(rows: Row[]): Report {
  const body = rows.map(([l, u, v]) => `<tr><td>${l}</td><td>${u}</td><td>${v}</td></tr>`).join('');
  const html = `<!doctype html><html><head><meta charset="utf-8">
    <title>青山县民政局2016年政府信息公开工作年度报告</title></head><body>
    <div class="TRS_Editor">
    <h1>青山县民政局2016年政府信息公开工作年度报告</h1>
    <p>本报告由青山县民政局编制。2016年，我局认真贯彻落实《条例》。</p>
    <table border="1"><tr><td>统计指标</td><td>单位</td><td>统计数</td></tr>${body}</table>
    </div></body></html>`;
  const doc = new JSDOM(html, { url: URL }).window.document;
  return extractReport(doc, URL).report;
}

const run = (report: Report): Finding[] => legacyRule.run(checkContext(report, null));

/** Rule, severity, marked cells (key or printed label), expected, actual. */
const summary = (f: Finding) => [
  f.rule,
  f.severity,
  f.cells.map((c) => c.key ?? c.row),
  f.expected,
  f.actual,
];

const RECEIVED: Row[] = [
  ['三、依申请公开情况', '', ''],
  ['（一）收到申请数', '件', '23'],
  ['1.当面申请数', '件', '6'],
  ['2.传真申请数', '件', '0'],
  ['3.网络申请数', '件', '11'],
  ['4.信函申请数', '件', '5'],
  ['5.其他方式申请数', '件', '1'],
];

const withValue = (rows: Row[], label: string, value: string): Row[] =>
  rows.map((r) => (r[0] === label ? [r[0], r[1], value] : r));

describe('partitions by the template’s meaning', () => {
  it('says nothing when the channels add up to the requests received', () => {
    expect(run(legacyPage(RECEIVED))).toEqual([]);
  });

  it('marks 收到申请数 when its channels do not add up, with the sum spelled out', () => {
    const [finding, ...rest] = run(legacyPage(withValue(RECEIVED, '（一）收到申请数', '25')));
    expect(rest).toEqual([]);
    expect(summary(finding as Finding)).toEqual([
      'legacy.partition',
      'error',
      ['legacy.apply.received'],
      23,
      25,
    ]);
    expect(finding?.arithmetic).toBe('6 + 0 + 11 + 5 + 1 = 23，但「（一）收到申请数」为 25；差 2');
    expect(finding?.terms.map((t) => t.key)).toEqual([
      'legacy.apply.received.inPerson',
      'legacy.apply.received.fax',
      'legacy.apply.received.online',
      'legacy.apply.received.letter',
      'legacy.apply.received.other',
    ]);
  });

  it('reads a blank channel as zero when the others are filled, and says so', () => {
    const rows = withValue(withValue(RECEIVED, '2.传真申请数', ''), '（一）收到申请数', '24');
    const [finding] = run(legacyPage(rows));
    expect(finding?.expected).toBe(23);
    expect(finding?.arithmetic).toContain('空白按0计');
  });

  it('stays silent when every part is blank, or the whole is blank or a dash', () => {
    const blankParts = RECEIVED.map((r, i): Row => (i > 1 ? [r[0], r[1], ''] : r));
    expect(run(legacyPage(blankParts))).toEqual([]);
    expect(run(legacyPage(withValue(RECEIVED, '（一）收到申请数', '')))).toEqual([]);
    expect(run(legacyPage(withValue(RECEIVED, '（一）收到申请数', '—')))).toEqual([]);
  });

  it('does not turn an unreadable part into a number', () => {
    const rows = withValue(withValue(RECEIVED, '3.网络申请数', '见附件'), '（一）收到申请数', '99');
    expect(run(legacyPage(rows))).toEqual([]);
  });

  it('sums only the numbered kinds of 申请答复数, not the 其中 reasons under 不同意公开', () => {
    const answered: Row[] = [
      ['（三）申请答复数', '件', '10'],
      ['1.属于已主动公开范围数', '件', '2'],
      ['2.同意公开答复数', '件', '5'],
      ['3.不同意公开答复数', '件', '3'],
      ['其中：涉及国家秘密', '件', '1'],
      ['涉及个人隐私', '件', '2'],
    ];
    expect(run(legacyPage(answered))).toEqual([]);
    const [finding] = run(legacyPage(withValue(answered, '（三）申请答复数', '13')));
    expect(summary(finding as Finding)).toEqual([
      'legacy.partition',
      'error',
      ['legacy.apply.answered'],
      10,
      13,
    ]);
  });

  it('holds staff to 专职 + 兼职 even when they are printed as 其中 rows', () => {
    const staff: Row[] = [
      ['（二）政府信息公开工作人员数', '人', '125'],
      ['其中：全职人员', '人', '0'],
      ['兼职人员', '人', '125'],
    ];
    expect(run(legacyPage(staff))).toEqual([]);
    const findings = run(legacyPage(withValue(staff, '（二）政府信息公开工作人员数', '120')));
    expect(findings.map(summary)).toEqual([
      ['legacy.partition', 'error', ['legacy.staff.total'], 125, 120],
    ]);
  });

  it('checks 行政复议数量 = 维持 + 纠错 + 其他', () => {
    const review: Row[] = [
      ['四、行政复议数量', '件', '26'],
      ['（一）维持具体行政行为数', '件', '12'],
      ['（二）被依法纠错数', '件', '3'],
      ['（三）其他情形数', '件', '10'],
    ];
    expect(run(legacyPage(review)).map(summary)).toEqual([
      ['legacy.partition', 'error', ['legacy.review.total'], 25, 26],
    ]);
  });
});

describe('其中 rows', () => {
  const DENIED: Row[] = [
    ['（三）申请答复数', '件', '5'],
    ['1.同意公开答复数', '件', '3'],
    ['2.不同意公开答复数', '件', '2'],
    ['其中：涉及国家秘密', '件', '0'],
    ['涉及商业秘密', '件', '1'],
    ['涉及个人隐私', '件', '1'],
  ];

  it('says nothing when the 其中 rows stay within their parent', () => {
    expect(run(legacyPage(DENIED))).toEqual([]);
  });

  it('marks a 其中 row above its parent as an error, the parent as its term', () => {
    const findings = run(legacyPage(withValue(DENIED, '涉及个人隐私', '3')));
    expect(findings.map(summary)).toEqual([
      ['legacy.subset-exceeds', 'error', ['涉及个人隐私'], '≤ 2', 3],
    ]);
    expect(findings[0]?.terms.map((t) => t.row)).toEqual(['2.不同意公开答复数']);
    expect(findings[0]?.arithmetic).toBe('3 > 2；超出 1');
  });

  it('marks the parent as an error when its grounds of refusal, each within it, add up to more', () => {
    const findings = run(legacyPage(withValue(DENIED, '其中：涉及国家秘密', '2')));
    expect(findings.map(summary)).toEqual([
      ['legacy.reasons-sum', 'error', ['2.不同意公开答复数'], '≥ 4', 2],
    ]);
    expect(findings[0]?.arithmetic).toBe('2 + 1 + 1 = 4，但「2.不同意公开答复数」为 2；超出 2');
    expect(findings[0]?.terms.map((t) => t.row)).toEqual([
      '其中：涉及国家秘密',
      '涉及商业秘密',
      '涉及个人隐私',
    ]);
  });

  it('reads the 2013 wording of the grounds (危及安全（…）, 非《条例》所指) as disjoint too', () => {
    const rows: Row[] = [
      ['4.不同意公开答复数', '件', '3'],
      ['其中：涉及国家秘密', '件', '1'],
      ['危及安全（危及国家安全、公共安全、经济安全和社会稳定）', '件', '2'],
      ['非《条例》所指政府信息', '件', '2'],
      ['法律法规规定的其他情形', '件', ''],
    ];
    expect(run(legacyPage(rows)).map(summary)).toEqual([
      ['legacy.reasons-sum', 'error', ['4.不同意公开答复数'], '≥ 5', 3],
    ]);
  });

  it('only warns when 其中 rows that are not declared reasons add up to more than their parent', () => {
    const rows: Row[] = [
      ['4.不同意公开答复数', '件', '2'],
      ['其中：涉及国家秘密', '件', '1'],
      ['涉及征地拆迁', '件', '2'],
    ];
    expect(run(legacyPage(rows)).map(summary)).toEqual([
      ['legacy.subset-sum', 'warning', ['4.不同意公开答复数'], '≥ 3', 2],
    ]);
  });

  it('reports a ground above the refusals once, on that row, not again as a sum', () => {
    const findings = run(legacyPage(withValue(DENIED, '涉及个人隐私', '3')));
    expect(findings.map((f) => f.rule)).toEqual(['legacy.subset-exceeds']);
  });

  it('does not compare a 其中 row counted in another unit (件 under 条)', () => {
    const active: Row[] = [
      ['（一）主动公开政府信息数', '条', '30'],
      ['其中：主动公开规范性文件数', '条', '4'],
      ['制发规范性文件总数', '件', '45'],
    ];
    expect(run(legacyPage(active))).toEqual([]);
  });
});

describe('breakdowns whose meaning is not declared', () => {
  const TYPES: Row[] = [
    ['（四）申请类型数', '件', '23'],
    ['1.房屋征收补偿', '件', '9'],
    ['2.保障性住房', '件', '6'],
    ['3.其他', '件', '8'],
  ];

  it('warns when numbered children do not add up to their parent', () => {
    expect(run(legacyPage(TYPES))).toEqual([]);
    expect(run(legacyPage(withValue(TYPES, '3.其他', '5'))).map(summary)).toEqual([
      ['legacy.breakdown', 'warning', ['（四）申请类型数'], 20, 23],
    ]);
  });

  it('does not sum children counted in different units, nor a budget beside the money spent', () => {
    const training: Row[] = [
      ['（三）政府信息公开会议和培训', '次', '4'],
      ['1.召开工作会议数', '次', '2'],
      ['2.培训人员数', '人次', '63'],
    ];
    const budget: Row[] = [
      ['（四）政府信息公开专项经费', '万元', '8'],
      ['1.年度财政专项列支预算', '万元', '8'],
      ['2.实际投入工作经费', '万元', '7.5'],
    ];
    expect(run(legacyPage([...training, ...budget]))).toEqual([]);
  });

  it('does not sum channels that may overlap, but warns when one channel exceeds the total', () => {
    const channels: Row[] = [
      ['一、主动公开数量', '条', '1000'],
      ['（一）通过政府网站公开数', '条', '900'],
      ['（二）通过政务微博公开数', '条', '600'],
      ['（三）通过政务微信公开数', '条', '300'],
    ];
    expect(run(legacyPage(channels))).toEqual([]);
    expect(
      run(legacyPage(withValue(channels, '（一）通过政府网站公开数', '1200'))).map(summary),
    ).toEqual([['legacy.part-exceeds', 'warning', ['（一）通过政府网站公开数'], '≤ 1000', 1200]]);
  });

  it('treats a section row without a figure as a heading, not a whole of zero', () => {
    const section: Row[] = [
      ['（二）通过不同渠道和方式公开政府信息的情况', '', ''],
      ['1.政府网站公开政府信息数', '条', '871'],
      ['2.政务微信公开政府信息数', '条', '344'],
    ];
    expect(run(legacyPage(section))).toEqual([]);
  });
});

describe('seed reports', () => {
  const seed = async (name: string) => {
    const file = join(import.meta.dirname, '..', '..', 'fixtures', `${name}.html`);
    const { report } = await analyseFile(file, { url: URL });
    if (!report) throw new Error(`${name} is not read as a report`);
    return run(report);
  };

  it('seed 002: 申请答复数 against its kinds, 其中 reasons above 不同意公开, 申请来源 against 收到申请数', async () => {
    const findings = await seed('seed-002-hailing-2017');
    expect(findings.map(summary)).toEqual([
      ['legacy.partition', 'error', ['legacy.apply.answered'], 55, 70],
      ['legacy.section-total', 'warning', ['6.公民'], 64, 48],
      ['legacy.subset-exceeds', 'error', ['不是《条例》所指政府信息'], '≤ 5', 8],
      ['legacy.subset-exceeds', 'error', ['法律法规规定的其他情形'], '≤ 5', 6],
    ]);
    expect(findings[0]?.arithmetic).toBe(
      '2 + 17 + 4 + 5 + 3 + 15 + 4 + 5 = 55，但「(三)申请答复数」为 70；差 15',
    );
  });

  it('seed 004: a 其中 row above 通过本单位网站公开数; channels of 主动公开 are not summed', async () => {
    const findings = await seed('seed-004-changshan-2013');
    expect(findings.map(summary)).toEqual([
      ['legacy.subset-exceeds', 'error', ['其它各类信息公开数'], '≤ 6624', 12612],
    ]);
  });
});
