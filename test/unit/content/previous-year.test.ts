/**
 * The page's side of finding last year's report (lib/content/previous-year.ts):
 * it sends the page's own links with the report, follows the background's
 * progress, shows what was compared and re-annotates with the re-checked
 * findings, turns a cancel into a `cancelPreviousYear` (and ignores the
 * late answer), asks the reader when several reports qualify, and chooses
 * only among the candidates the search offered.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createPreviousYearFlow, type PreviousYearState } from '../../../lib/content/previous-year';
import type { Asker } from '../../../lib/messaging/channel';
import type { Checked, PreviousSearch } from '../../../lib/messaging/protocol';
import type { Report } from '../../../lib/model/report';

const URL_2023 = 'http://www.heming.gov.cn/xxgk/zfxxgkndbg/202401/t20240114_4102161.html';
const A = 'http://www.heming.gov.cn/xxgk/zfxxgkndbg/202301/t20230110_4100154.html';
const B = 'http://www.heming.gov.cn/xxgk/zfxxgkndbg/2022nd/202301/t20230110_4100157.html';
const TITLE = '鹤鸣区2022年政府信息公开工作年度报告';

const doc = new JSDOM(
  `<html><body><div class="crumb">当前位置：<a href="../">政府信息公开年报</a></div>
   <p>上一篇：<a href="./t20240112_4101161.html">鹤鸣区卫生健康委员会2023年政府信息公开工作年度报告</a></p></body></html>`,
  { url: URL_2023 },
).window.document;
const report = { url: URL_2023, identity: { agency: '鹤鸣区', year: 2023 } } as unknown as Report;

function flow(answers: ((fields: Record<string, unknown>) => Promise<unknown>)[]) {
  const asked: { name: string; fields: Record<string, unknown> }[] = [];
  const checked: Checked[] = [];
  const states: PreviousYearState[] = [];
  const ask = ((name: string, fields: Record<string, unknown> = {}) => {
    asked.push({ name, fields });
    if (name === 'cancelPreviousYear') return Promise.resolve({ noted: true });
    const next = answers.shift();
    return next ? next(fields) : Promise.reject(new Error('no answer'));
  }) as unknown as Asker<'contentScript', 'background'>;
  const f = createPreviousYearFlow({
    doc,
    url: URL_2023,
    ask,
    onChecked: (c) => checked.push(c),
    log: () => undefined,
  });
  f.subscribe((state) => states.push(state));
  return { f, asked, checked, states };
}

const found = (url: string, others: string[]): PreviousSearch => ({
  outcome: 'found',
  checked: {
    findings: [],
    previous: { year: 2022, url, seenAt: '2024-05-06T07:08:09.000Z', values: {} },
  },
  compared: { url, title: TITLE },
  candidates: [url, ...others].map((u) => ({ url: u, text: TITLE, date: '2023-01-10' })),
  requests: 5,
});

describe('createPreviousYearFlow', () => {
  it('sends the page’s links, shows progress, then what was compared, and re-annotates', async () => {
    let resolve: (answer: PreviousSearch) => void = () => undefined;
    const { f, asked, checked } = flow([() => new Promise((r) => (resolve = r))]);
    f.start(report);
    f.start(report);
    expect(asked).toHaveLength(1);
    const links = asked[0]?.fields.links as { column: { url: string } | null };
    expect(links.column?.url).toBe('http://www.heming.gov.cn/xxgk/zfxxgkndbg/');
    f.progress({ done: 2, planned: 5, requests: 2 });
    expect(f.get()).toEqual({ phase: 'searching', progress: { done: 2, planned: 5, requests: 2 } });
    resolve(found(A, [B]));
    await Promise.resolve();
    await Promise.resolve();
    expect(checked).toHaveLength(1);
    expect(f.get()).toMatchObject({ phase: 'found', compared: { url: A, title: TITLE } });
    expect(f.get().phase === 'found' && f.get()).toMatchObject({ others: [{ url: B }] });
  });

  it('cancels: the background is told, the late answer is not shown', async () => {
    let resolve: (answer: PreviousSearch) => void = () => undefined;
    const { f, asked, checked } = flow([() => new Promise((r) => (resolve = r))]);
    f.start(report);
    f.cancel();
    expect(asked.map((a) => a.name)).toEqual(['findPreviousYear', 'cancelPreviousYear']);
    expect(f.get()).toEqual({ phase: 'cancelled' });
    resolve(found(A, []));
    await new Promise((r) => setTimeout(r, 0));
    expect(checked).toEqual([]);
    expect(f.get()).toEqual({ phase: 'cancelled' });
  });

  it('asks the reader among several, and chooses only a candidate it was offered', async () => {
    const { f, asked, checked } = flow([
      async () => ({
        outcome: 'notFound',
        reason: 'ambiguous',
        candidates: [A, B].map((url) => ({ url, text: TITLE, date: null })),
        requests: 6,
      }),
      async (fields) => found((fields.choose as { url: string }).url, [A]),
    ]);
    f.start(report);
    await new Promise((r) => setTimeout(r, 0));
    expect(f.get()).toMatchObject({ phase: 'notFound', reason: 'ambiguous' });
    f.choose('http://evil.example.com/2022.html');
    expect(asked).toHaveLength(1);
    f.choose(B);
    expect(asked[1]?.fields.choose).toMatchObject({ url: B });
    await new Promise((r) => setTimeout(r, 0));
    expect(checked).toHaveLength(1);
    expect(f.get()).toMatchObject({ phase: 'found', compared: { url: B }, others: [{ url: A }] });
  });

  it('says a search that got no answer failed, and one not run is not shown', async () => {
    const failed = flow([]);
    failed.f.start(report);
    await new Promise((r) => setTimeout(r, 0));
    expect(failed.f.get()).toEqual({ phase: 'failed' });
    const skipped = flow([async () => ({ outcome: 'skipped', why: 'off' })]);
    skipped.f.start(report);
    await new Promise((r) => setTimeout(r, 0));
    expect(skipped.f.get()).toEqual({ phase: 'idle' });
  });
});
