import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../lib/model/limits';
import { readSections } from '../../../lib/narrative/sections';

const outline = (text: string) => readSections(text).map((s) => [s.number, s.role, s.heading]);

const REPORT_2021 = [
  '本报告根据《中华人民共和国政府信息公开条例》编制。',
  '一、总体情况',
  '2023年，我局认真贯彻落实《条例》。',
  '（一）主动公开',
  '全年主动公开政府信息1万余条。',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '一是政策解读形式单一。二是答复文书不够规范。',
  '六、其他需要报告的事项',
  '本年度未收取信息处理费。',
  '江州市自然资源和规划局',
  '2024年1月18日',
  '打印 关闭',
  '主办：江州市人民政府办公室',
].join('\n');

describe('the sections of a report', () => {
  it('cuts the 2021 format at its six headings, with the text before them as the preamble', () => {
    expect(outline(REPORT_2021)).toEqual([
      [0, 'preamble', ''],
      [1, 'overview', '总体情况'],
      [2, 'active', '主动公开政府信息情况'],
      [3, 'requests', '收到和处理政府信息公开申请情况'],
      [4, 'appeals', '政府信息公开行政复议、行政诉讼情况'],
      [5, 'problems', '存在的主要问题及改进情况'],
      [6, 'other', '其他需要报告的事项'],
    ]);
    const sections = readSections(REPORT_2021);
    expect(sections[1]?.text).toBe(
      '2023年，我局认真贯彻落实《条例》。\n（一）主动公开\n全年主动公开政府信息1万余条。',
    );
    expect(sections[2]?.text).toBe('');
  });

  it('ends the last section at the signature and its date, before the portal’s footer', () => {
    const other = readSections(REPORT_2021).at(-1);
    expect(other?.text).toBe('本年度未收取信息处理费。');
    const unsigned = REPORT_2021.replace('江州市自然资源和规划局\n2024年1月18日\n', '');
    expect(readSections(unsigned).at(-1)?.text).toBe('本年度未收取信息处理费。');
  });

  it('reads a heading that runs on into its paragraph', () => {
    const sections = readSections(
      '一、总体情况2023年，本镇认真做好政务公开工作。\n二、存在的主要问题及改进情况：无',
    );
    expect(sections[0]).toMatchObject({ number: 1, heading: '总体情况' });
    expect(sections[0]?.text).toBe('2023年，本镇认真做好政务公开工作。');
    expect(sections[1]).toMatchObject({ number: 2, role: 'problems', text: '无' });
  });

  it('does not take a list inside a section that numbers its items 一、二、 again for the next sections', () => {
    const text = [
      '一、总体情况',
      '概述。',
      '二、存在的主要问题及改进情况',
      '一、存在的问题',
      '人员力量薄弱。',
      '二、改进措施',
      '加强培训。',
      '三、其他需要报告的事项',
      '无',
    ].join('\n');
    const sections = readSections(text);
    expect(sections.map((s) => [s.number, s.role])).toEqual([
      [1, 'overview'],
      [2, 'problems'],
      [3, 'other'],
    ]);
    expect(sections[1]?.text).toBe('一、存在的问题\n人员力量薄弱。\n二、改进措施\n加强培训。');
  });

  it('reads the legacy era’s own headings', () => {
    expect(
      outline(
        '一、概述\n文字。\n二、主动公开政府信息情况\n三、依申请公开政府信息情况\n四、政府信息公开收费及减免情况\n五、因政府信息公开申请行政复议、提起行政诉讼情况\n六、存在的主要问题和改进措施\n七、附表',
      ).map(([n, role]) => [n, role]),
    ).toEqual([
      [1, 'overview'],
      [2, 'active'],
      [3, 'requests'],
      [4, 'fees'],
      [5, 'appeals'],
      [6, 'problems'],
      [7, 'unknown'],
    ]);
  });

  it('keeps at most LIMITS.sectionChars of a section, cut after a whole sentence', () => {
    const sentence = '我局持续推进政务公开标准化规范化建设。';
    const long = sentence.repeat(500);
    const [overview] = readSections(`一、总体情况\n${long}\n二、主动公开政府信息情况`);
    expect(overview?.text.length).toBeLessThanOrEqual(LIMITS.sectionChars);
    expect(overview?.text.length).toBeGreaterThan(LIMITS.sectionChars - sentence.length);
    expect(overview?.text.endsWith('。')).toBe(true);
  });

  it('reads a 100,000-character paragraph without 。 in one pass, keeping nothing of it it cannot cut', () => {
    const runaway = '政务公开'.repeat(25_000);
    const started = performance.now();
    const sections = readSections(
      `一、总体情况\n${runaway}\n二、主动公开政府信息情况\n${'一、'.repeat(50_000)}`,
    );
    expect(performance.now() - started).toBeLessThan(200);
    expect(sections[0]?.text).toBe('');
    expect(sections).toHaveLength(2);
  });
});
