import { describe, expect, it } from 'vitest';
import { checkContext } from '../../../lib/checks/context';
import { narrativeRule } from '../../../lib/checks/narrative-rule';
import type { Claim, ExtractedTable, Finding } from '../../../lib/model/report';
import { extractClaims } from '../../../lib/narrative/claims';
import { reportOf, tableOf } from '../../support/report-builder';

/** Findings for a narrative (read by the real claim extractor) against the given tables. */
function check(tables: ExtractedTable[], text: string, year = 2023): Finding[] {
  const report = reportOf(tables, { year, template: year >= 2019 ? '2021' : 'legacy' });
  report.claims = extractClaims(text, { year });
  return narrativeRule.run(checkContext(report, null));
}

/** Subjects the extractor reads from a text: an agreement test is only worth it if the claim was read. */
const subjects = (text: string, year = 2023): string[] =>
  extractClaims(text, { year }).map((c) => c.subject);

/** The extractor reads the claim and the rule finds nothing: agreement, not a claim that went unread. */
function expectSilent(tables: ExtractedTable[], text: string, subject: string, year = 2023): void {
  expect(subjects(text, year)).toContain(subject);
  expect(check(tables, text, year)).toEqual([]);
}

/** Findings for hand-made claims (shapes the extractor produces, e.g. a stated denominator). */
function checkClaims(tables: ExtractedTable[], claims: Claim[]): Finding[] {
  const report = reportOf(tables);
  report.claims = claims;
  return narrativeRule.run(checkContext(report, null));
}

const summary = (f: Finding) => ({
  rule: f.rule,
  severity: f.severity,
  cells: f.cells.map((c) => c.key),
  expected: f.expected,
  actual: f.actual,
});

const APPLICANTS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'otherOrg'];
/** A table 三 row: applicant columns and 总计 (blank strings stay blank). */
const t3Row = (row: string, parts: string[], total: string): Record<string, string> => ({
  ...Object.fromEntries(APPLICANTS.map((c, i) => [`t3.${row}.${c}`, parts[i] ?? '0'])),
  [`t3.${row}.total`]: total,
});
const DENY_ROWS = [
  'deny.secret',
  'deny.lawForbidden',
  'deny.threeSafety',
  'deny.thirdParty',
  'deny.internal',
  'deny.process',
  'deny.enforcement',
  'deny.query',
];

function t3(overrides: Record<string, string> = {}): ExtractedTable {
  return tableOf('t3', {
    ...t3Row('new', ['80', '9', '0', '0', '2', '1'], '92'),
    ...t3Row('carryIn', ['5'], '5'),
    ...t3Row('open', ['31'], '31'),
    ...t3Row('partial', ['12'], '12'),
    ...Object.assign(
      {},
      ...DENY_ROWS.map((r) =>
        t3Row(r, [r === 'deny.thirdParty' ? '2' : r === 'deny.process' ? '1' : '0'], ''),
      ),
    ),
    't3.deny.thirdParty.total': '2',
    't3.deny.process.total': '1',
    ...Object.fromEntries(
      DENY_ROWS.filter((r) => !/thirdParty|process/.test(r)).map((r) => [`t3.${r}.total`, '0']),
    ),
    ...t3Row('other.noCorrection', ['2'], '2'),
    ...t3Row('other.noFee', ['0'], '0'),
    ...t3Row('other.misc', ['1'], '1'),
    ...t3Row('totalHandled', ['91'], '91'),
    ...t3Row('carryOut', ['6'], '6'),
    ...overrides,
  });
}

const T4: Record<string, string> = {
  't4.review.upheld': '3',
  't4.review.corrected': '1',
  't4.review.other': '0',
  't4.review.pending': '1',
  't4.review.total': '5',
  't4.direct.upheld': '2',
  't4.direct.corrected': '0',
  't4.direct.other': '0',
  't4.direct.pending': '1',
  't4.direct.total': '3',
  't4.afterReview.upheld': '1',
  't4.afterReview.corrected': '0',
  't4.afterReview.other': '0',
  't4.afterReview.pending': '0',
  't4.afterReview.total': '1',
};
const t4 = (overrides: Record<string, string> = {}) => tableOf('t4', { ...T4, ...overrides }, 1);

describe('a figure the narrative states against table 三', () => {
  it('says nothing when the text agrees with the table', () => {
    const text =
      '2023年，我局共新收政府信息公开申请92件，上年结转5件。本年度共办结政府信息公开申请91件，其中予以公开31件，部分公开12件，不予公开3件，其他处理3件。另有6件申请结转下年度继续办理。';
    expect(subjects(text)).toEqual(
      expect.arrayContaining([
        'received',
        'carryIn',
        'answered',
        'open',
        'deny',
        'other',
        'carryOut',
      ]),
    );
    expect(check([t3()], text)).toEqual([]);
  });

  it('marks the table cell a stated count contradicts and quotes the sentence', () => {
    const sentence = '2023年，我局共新收政府信息公开申请90件，上年结转5件。';
    const [finding, ...rest] = check([t3()], sentence);
    expect(rest).toEqual([]);
    expect(summary(finding as Finding)).toEqual({
      rule: 'narrative.figure',
      severity: 'warning',
      cells: ['t3.new.total'],
      expected: 90,
      actual: 92,
    });
    expect(finding?.terms).toEqual([]);
    expect(finding?.text).toBe(sentence);
    expect(finding?.message).toContain('90件');
    expect(finding?.message).toContain('92');
    expect(finding?.arithmetic).toBe('new total = 92；文中为 90；差 2');
  });

  it('sets a category against the sum of its rows, marking the first row that counts', () => {
    const [finding] = check([t3()], '本年度共办结政府信息公开申请91件，其中不予公开5件。');
    expect(summary(finding as Finding)).toMatchObject({
      cells: ['t3.deny.thirdParty.total'],
      expected: 5,
      actual: 3,
    });
    expect(finding?.terms.map((t) => t.key)).toHaveLength(7);
    expect(finding?.arithmetic).toBe(
      '不予公开 = 0 + 0 + 0 + 2 + 0 + 1 + 0 + 0 = 3；文中为 5；差 2',
    );
  });

  it('reads the 2021 其他处理 as its three rows and the 2019 one as its single row', () => {
    expectSilent([t3()], '本年度办结政府信息公开申请91件，其他处理3件。', 'other');
    const t2019 = tableOf('t3', { ...t3Row('other', ['4'], '4'), ...t3Row('new', ['92'], '92') });
    expect(check([t2019], '本年度办结政府信息公开申请91件，其他处理3件。').map(summary)).toEqual([
      {
        rule: 'narrative.figure',
        severity: 'warning',
        cells: ['t3.other.total'],
        expected: 3,
        actual: 4,
      },
    ]);
  });

  it('sums the applicant columns where the 总计 column is blank, and says so', () => {
    const table = t3({ 't3.new.total': '', 't3.carryIn.total': '' });
    expectSilent([table], '全年新收政府信息公开申请92件。', 'received');
    const [finding] = check([table], '全年新收政府信息公开申请95件。');
    expect(summary(finding as Finding)).toMatchObject({
      cells: ['t3.new.natural'],
      expected: 95,
      actual: 92,
    });
    expect(finding?.arithmetic).toContain('总计列空白');
    expect(finding?.message).toContain('总计列空白');
  });

  it('gives no finding when the cell is blank, unreadable or absent', () => {
    const blankRow = t3({ ...t3Row('new', ['', '', '', '', '', ''], '') });
    expectSilent([blankRow], '全年新收政府信息公开申请90件。', 'received');
    expectSilent([t3({ 't3.new.total': '见附件' })], '全年新收政府信息公开申请90件。', 'received');
    expectSilent([t4()], '全年新收政府信息公开申请90件。', 'received');
  });

  it('gives one finding for a figure stated twice, and none when the subject is also stated in agreement', () => {
    const twice = '全年新收政府信息公开申请90件。依申请公开方面，全年新收申请90件。';
    expect(check([t3()], twice)).toHaveLength(1);
    const agreeing = '全年新收政府信息公开申请92件。其中市本级新收申请90件。';
    expectSilent([t3()], agreeing, 'received');
  });

  it('accepts a received figure that counts the carried-over requests in', () => {
    expectSilent([t3()], '本年度共收到政府信息公开申请97件（含上年结转5件）。', 'received');
  });

  it('ignores last year’s figures and figures of other matters', () => {
    const text =
      '全年新收政府信息公开申请92件，较上年的120件有所下降。全年受理群众来信300件，答复298件。';
    expectSilent([t3()], text, 'received');
  });
});

describe('approximate figures (余/多/近/约/超过)', () => {
  const active = (value: string) => tableOf('legacy', { 'legacy.active.total': value });
  const run = (value: string, text: string) => check([active(value)], text, 2016);

  it('accept a table figure within the precision or 10% of the stated figure', () => {
    expectSilent([active('19999')], '全年主动公开政府信息1万余条。', 'active', 2016);
    expectSilent([active('1356')], '全年主动公开政府信息1300余条。', 'active', 2016);
    expectSilent([active('560')], '全年主动公开政府信息近600条。', 'active', 2016);
  });

  it('contradict a table figure that is far off', () => {
    expect(run('25000', '全年主动公开政府信息1万余条。').map(summary)).toEqual([
      {
        rule: 'narrative.figure',
        severity: 'warning',
        cells: ['legacy.active.total'],
        expected: 10000,
        actual: 25000,
      },
    ]);
    const [finding] = run('150', '全年主动公开政府信息300余条。');
    expect(finding?.message).toContain('300余条');
    expect(finding?.arithmetic).toContain('约数');
  });
});

describe('table 四 in the narrative', () => {
  it('sets 行政诉讼 against both kinds of lawsuit', () => {
    const text = '本年度因政府信息公开申请引发行政复议5件，行政诉讼4件。';
    expectSilent([t4()], text, 'litigation');
    const [finding] = check([t4()], '本年度因政府信息公开申请引发行政诉讼6件。');
    expect(summary(finding as Finding)).toMatchObject({
      cells: ['t4.direct.total'],
      expected: 6,
      actual: 4,
    });
    expect(finding?.terms.map((t) => t.key)).toEqual(['t4.afterReview.total']);
    expect(finding?.arithmetic).toBe(
      '行政诉讼 = direct total 3 + afterReview total 1 = 4；文中为 6；差 2',
    );
  });

  it('checks stated outcomes', () => {
    const text = '本年度因政府信息公开申请引发行政复议5件（结果维持4件、结果纠正1件）。';
    expect(check([t4()], text).map(summary)).toEqual([
      {
        rule: 'narrative.figure',
        severity: 'warning',
        cells: ['t4.review.upheld'],
        expected: 4,
        actual: 3,
      },
    ]);
  });

  it('finds 均获维持 contradicted by corrected or pending cases, marking each', () => {
    const findings = check([t4()], '本年度发生政府信息公开行政复议5件，均获维持。');
    expect(findings.map(summary)).toEqual([
      {
        rule: 'narrative.all-upheld',
        severity: 'warning',
        cells: ['t4.review.corrected', 't4.review.pending'],
        expected: 0,
        actual: 2,
      },
    ]);
    expect(findings[0]?.message).toContain('均获维持');
  });

  it('does not read 其他结果 (withdrawn, mediated) as contradicting 均获维持', () => {
    const table = t4({
      't4.review.corrected': '0',
      't4.review.pending': '0',
      't4.review.other': '2',
    });
    expectSilent([table], '本年度发生政府信息公开行政复议5件，均获维持。', 'review');
  });

  it('finds 未发生 contradicted by cases in the table, and accepts a table of zeros', () => {
    const text = '本年度未发生政府信息公开行政复议、行政诉讼案件。';
    const findings = check([t4()], text);
    expect(findings.map(summary)).toEqual([
      {
        rule: 'narrative.none',
        severity: 'warning',
        cells: ['t4.review.total'],
        expected: 0,
        actual: 5,
      },
      {
        rule: 'narrative.none',
        severity: 'warning',
        cells: ['t4.direct.total', 't4.afterReview.total'],
        expected: 0,
        actual: 4,
      },
    ]);
    expect(findings[1]?.message).toContain('未发生政府信息公开行政复议、行政诉讼案件');
    const zeros = Object.fromEntries(Object.keys(T4).map((k) => [k, '0']));
    expectSilent([tableOf('t4', zeros)], text, 'litigation');
  });
});

describe('percentages', () => {
  it('accept a share rounded or truncated to its printed precision', () => {
    const stated = (p: string) =>
      `本年度办结政府信息公开申请91件，予以公开31件，予以公开的申请占办结总数的${p}。`;
    expectSilent([t3()], stated('34.1%'), 'percent.open');
    expectSilent([t3()], stated('34.0%'), 'percent.open');
    expectSilent([t3()], stated('34%'), 'percent.open');
  });

  it('contradict a share its count and denominator do not give', () => {
    const findings = check(
      [t3()],
      '本年度办结政府信息公开申请91件，予以公开31件，予以公开的申请占办结总数的40%。',
    );
    expect(findings.map(summary)).toEqual([
      {
        rule: 'narrative.percent',
        severity: 'warning',
        cells: ['t3.open.total'],
        expected: 40,
        actual: 34.07,
      },
    ]);
    expect(findings[0]?.terms.map((t) => t.key)).toEqual(['t3.totalHandled.total']);
    expect(findings[0]?.arithmetic).toBe(
      '予以公开 ÷ 办理结果总计 = 31 ÷ 91 = 34.07%；文中为 40%；差 5.93 个百分点',
    );
  });

  it('use the denominator the sentence names', () => {
    const claim: Claim = {
      subject: 'percent.open',
      value: 33.7,
      approximate: false,
      raw: '33.7%',
      sentence: '予以公开的申请占收到申请总数的33.7%。',
      denominator: 'received',
    };
    expect(checkClaims([t3()], [claim])).toEqual([]);
    expect(checkClaims([t3()], [{ ...claim, denominator: 'answered' }]).map(summary)).toEqual([
      {
        rule: 'narrative.percent',
        severity: 'warning',
        cells: ['t3.open.total'],
        expected: 33.7,
        actual: 34.07,
      },
    ]);
  });

  it('leave 办结率 alone: reports compute it over different bases', () => {
    expectSilent([t3()], '全年新收政府信息公开申请92件，办结率100%。', 'percent.answered');
  });
});

describe('legacy tables', () => {
  const LEGACY: Record<string, string> = {
    'legacy.active.total': '1356',
    'legacy.apply.received': '70',
    'legacy.apply.received.inPerson': '15',
    'legacy.apply.received.fax': '0',
    'legacy.apply.received.online': '32',
    'legacy.apply.received.letter': '23',
    'legacy.apply.closed': '70',
    'legacy.apply.answered': '68',
    'legacy.review.total': '26',
    'legacy.review.upheld': '12',
    'legacy.review.corrected': '3',
    'legacy.review.other': '11',
    'legacy.litigation.total': '0',
  };
  const legacy = () => tableOf('legacy', LEGACY);

  it('checks the request channels and the review figures', () => {
    const text =
      '2017年全区共收到政府信息公开申请70件。当面申请3件，传真申请0件，网络申请44件，信函申请23件。2017年，全区因政府信息公开发生行政复议3件，被依法纠错1件。';
    expect(
      check([legacy()], text, 2017).map((f) => [f.cells[0]?.key, f.expected, f.actual]),
    ).toEqual([
      ['legacy.apply.received.inPerson', 3, 15],
      ['legacy.apply.received.online', 44, 32],
      ['legacy.review.total', 3, 26],
      ['legacy.review.corrected', 1, 3],
    ]);
  });

  it('sets channels counted together against the sum of their rows', () => {
    const text = '2017年共收到政府信息公开申请70件，其中当面和信函申请共40件。';
    expect(check([legacy()], text, 2017).map(summary)).toEqual([
      {
        rule: 'narrative.figure',
        severity: 'warning',
        cells: ['legacy.apply.received.inPerson'],
        expected: 40,
        actual: 38,
      },
    ]);
    expectSilent(
      [legacy()],
      '2017年共收到政府信息公开申请70件，其中当面和信函申请共38件。',
      'channel.inPerson+channel.letter',
      2017,
    );
  });

  it('does not read 网络问政 as requests made online', () => {
    const text = '2017年共收到政府信息公开申请70件，网络申请32件，网络问政182件。';
    expect(subjects(text, 2017)).toEqual(['received', 'channel.online']);
    expectSilent([legacy()], text, 'channel.online', 2017);
  });

  it('accepts an answered figure that matches either 申请办结数 or 申请答复数', () => {
    expectSilent(
      [legacy()],
      '2017年共收到政府信息公开申请70件，已全部办结70件。',
      'answered',
      2017,
    );
    expectSilent([legacy()], '2017年共收到政府信息公开申请70件，答复68件。', 'answered', 2017);
    expect(
      check([legacy()], '2017年共收到政府信息公开申请70件，答复60件。', 2017).map(summary),
    ).toEqual([
      {
        rule: 'narrative.figure',
        severity: 'warning',
        cells: ['legacy.apply.answered'],
        expected: 60,
        actual: 68,
      },
    ]);
  });

  it('checks a channel share against the requests received', () => {
    const share = (p: string) =>
      `2017年共收到政府信息公开申请70件，其中网络申请32件，占申请总数的${p}。`;
    expectSilent([legacy()], share('45.7%'), 'percent.channel.online', 2017);
    expect(check([legacy()], share('54.3%'), 2017).map(summary)).toEqual([
      {
        rule: 'narrative.percent',
        severity: 'warning',
        cells: ['legacy.apply.received.online'],
        expected: 54.3,
        actual: 45.71,
      },
    ]);
  });

  it('does not check 主动公开 for the 2019/2021 formats, which print no total', () => {
    expectSilent([t3()], '全年主动公开政府信息8000余条。', 'active');
  });
});

describe('categories the text counts together', () => {
  const lead = '本年度新收政府信息公开申请92件，';

  it('sets 予以公开及部分公开 against the sum of both rows, naming each cell', () => {
    const [finding, ...rest] = check([t3()], `${lead}予以公开及部分公开40件。`);
    expect(rest).toEqual([]);
    expect(summary(finding as Finding)).toMatchObject({
      rule: 'narrative.figure',
      cells: ['t3.open.total'],
      expected: 40,
      actual: 43,
    });
    expect(finding?.terms.map((t) => t.key)).toEqual(['t3.partial.total']);
    expect(finding?.arithmetic).toBe(
      '予以公开、部分公开 = open total 31 + partial total 12 = 43；文中为 40；差 3',
    );
    expect(finding?.arithmeticEn).toBe(
      'requests disclosed and requests partly disclosed = open total 31 + partial total 12 = 43; the text says 40; difference 3',
    );
    expectSilent([t3()], `${lead}予以公开及部分公开43件。`, 'open+partial');
  });

  it('names each category’s sum where the categories span more than four rows', () => {
    const [finding] = check([t3()], `${lead}不予公开和其他处理的共5件。`);
    expect(finding?.arithmetic).toBe(
      '不予公开、其他处理 = 不予公开 3 + 其他处理 3 = 6；文中为 5；差 1',
    );
    expect(finding?.arithmeticEn).toBe(
      'requests refused and requests otherwise handled = requests refused 3 + requests otherwise handled 3 = 6; the text says 5; difference 1',
    );
    expect([...(finding?.cells ?? []), ...(finding?.terms ?? [])]).toHaveLength(11);
  });

  it('accepts a share of the sum over the requests handled or over those received', () => {
    // 43 ÷ 91 = 47.25%, 43 ÷ 92 = 46.74%.
    expectSilent([t3()], `${lead}予以公开及部分公开43件，占47.3%。`, 'percent.open+partial');
    expectSilent([t3()], `${lead}予以公开及部分公开43件，占46.7%。`, 'percent.open+partial');
  });

  it('finds a share that matches neither base, and shows both', () => {
    const findings = check([t3()], `${lead}予以公开及部分公开43件，占44.0%。`);
    expect(findings.map(summary)).toEqual([
      {
        rule: 'narrative.percent',
        severity: 'warning',
        cells: ['t3.open.total'],
        expected: 44,
        actual: 47.25,
      },
    ]);
    expect(findings[0]?.arithmetic).toBe(
      '(予以公开 31 + 部分公开 12) ÷ 办理结果总计 = 43 ÷ 91 = 47.25%；以另一基数计：(予以公开 31 + 部分公开 12) ÷ 本年新收申请 = 43 ÷ 92 = 46.74%；文中为 44%；差 3.25 个百分点',
    );
  });

  it('sets reviews and lawsuits counted together against both totals', () => {
    const text = '本年度因政府信息公开申请引发行政复议和行政诉讼共10件。';
    expect(check([t4()], text).map(summary)).toEqual([
      {
        rule: 'narrative.figure',
        severity: 'warning',
        cells: ['t4.review.total'],
        expected: 10,
        actual: 9,
      },
    ]);
    expectSilent(
      [t4()],
      '本年度因政府信息公开申请引发行政复议和行政诉讼共9件。',
      'review+litigation',
    );
  });
});

describe('均获维持 said of reviews and lawsuits together', () => {
  it('lists every cell of either group that contradicts it, in one finding', () => {
    const text = '本年度因政府信息公开申请引发行政复议5件，诉讼4件，均获维持。';
    const findings = check([t4()], text);
    expect(findings.map(summary)).toEqual([
      {
        rule: 'narrative.all-upheld',
        severity: 'warning',
        cells: ['t4.review.corrected', 't4.review.pending', 't4.direct.pending'],
        expected: 0,
        actual: 3,
      },
    ]);
    expect(findings[0]?.message).toContain('「direct pending」1');
    expect(findings[0]?.arithmetic).toBe(
      '行政复议结果纠正、尚未审结；行政诉讼结果纠正、尚未审结 = review corrected 1 + review pending 1 + direct pending 1 = 3（其余 3 项为 0）；文中为 0',
    );
  });

  it('agrees with a table where every case of both groups was upheld', () => {
    const upheld = Object.fromEntries(
      Object.entries(T4).map(([k, v]) => [k, /upheld|total/.test(k) ? v : '0']),
    );
    Object.assign(upheld, {
      't4.review.upheld': '5',
      't4.direct.upheld': '3',
      't4.afterReview.upheld': '1',
    });
    expectSilent(
      [tableOf('t4', upheld, 1)],
      '本年度因政府信息公开申请引发行政复议5件，诉讼4件，均获维持。',
      'litigation',
    );
  });
});

describe('figures read with their own subject', () => {
  it('sets 结转下年度办理 against the requests carried forward, not those handled', () => {
    const text = '本年度共办理政府信息公开申请91件，结转下年度办理2件。';
    expect(check([t3()], text).map(summary)).toEqual([
      {
        rule: 'narrative.figure',
        severity: 'warning',
        cells: ['t3.carryOut.total'],
        expected: 2,
        actual: 6,
      },
    ]);
    expectSilent([t3()], '本年度共办理政府信息公开申请91件，结转下年度办理6件。', 'carryOut');
  });

  it('sets 零败诉 against the lawsuits corrected only', () => {
    const text = '本年度政府信息公开行政诉讼案件零败诉。';
    expectSilent([t4()], text, 'litigation.corrected');
    expect(
      check([t4({ 't4.direct.corrected': '1', 't4.direct.upheld': '1' })], text).map(summary),
    ).toEqual([
      {
        rule: 'narrative.figure',
        severity: 'warning',
        cells: ['t4.direct.corrected'],
        expected: 0,
        actual: 1,
      },
    ]);
  });
});
