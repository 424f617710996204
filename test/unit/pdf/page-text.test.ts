import { describe, expect, it } from 'vitest';
import type { TextLine } from '../../../lib/pdf/lines';
import { contentLines, isPageNumber, paragraphs } from '../../../lib/pdf/page-text';

const line = (text: string, x0: number, x1: number, top: number, size = 12): TextLine => ({
  glyphs: [],
  text,
  x0,
  x1,
  top,
  bottom: top + size,
  size,
});

describe('isPageNumber', () => {
  it('knows the page numbers Chinese documents print', () => {
    for (const text of ['-3-', '— 12 —', '第3页', '第 3 页 共 9 页', '3/9', '7']) {
      expect(isPageNumber(text), text).toBe(true);
    }
    expect(isPageNumber('一、总体情况')).toBe(false);
    expect(isPageNumber('2023年')).toBe(false);
  });
});

describe('contentLines', () => {
  it('drops page numbers and a running footer, keeps the text', () => {
    const pages = [1, 2].map((page) => ({
      page,
      height: 842,
      lines: [
        line('正文第一行', 56, 300, 100),
        line('江州市自然资源和规划局', 200, 400, 800),
        line(`-${page}-`, 290, 310, 815),
      ],
    }));
    expect(contentLines(pages).map((k) => `${k.page}:${k.line.text}`)).toEqual([
      '1:正文第一行',
      '2:正文第一行',
    ]);
  });
});

describe('paragraphs', () => {
  it('runs a wrapped sentence on and opens a paragraph at an indent or after a short line', () => {
    const lines = [
      line('　　本年度共收到政府信息公开申请', 80, 540, 100),
      line('92件。', 56, 100, 120),
      line('二、主动公开政府信息情况', 56, 300, 140),
      line('公开文件12件，较上年增加', 80, 540, 160),
      line('3件。', 56, 90, 180),
    ];
    expect(paragraphs(lines)).toEqual([
      '　　本年度共收到政府信息公开申请92件。',
      '二、主动公开政府信息情况',
      '公开文件12件，较上年增加3件。',
    ]);
  });

  it('opens a paragraph at a heading after a sentence that filled its line', () => {
    const lines = [
      line('本年度未收到有关政府信息公开工作的举报。', 56, 540, 100),
      line('二、主动公开政府信息情况', 56, 300, 120),
    ];
    expect(paragraphs(lines)).toEqual([
      '本年度未收到有关政府信息公开工作的举报。',
      '二、主动公开政府信息情况',
    ]);
  });

  it('runs a line on that stopped a few characters short only because what follows cannot be split', () => {
    // 「知》」 stays with its closing mark and a telephone number stays whole, so the line before
    // breaks early; a sentence that ended there still closes its paragraph.
    const lines = [
      line('　　本报告根据《年度报告格式》的通', 80, 513, 100),
      line('知》编制。如有疑问，请联系（电话：0558-', 56, 484, 120),
      line('6021375）。', 56, 130, 140),
      line('本年度未收到举报。', 56, 480, 160),
      line('公开文件12件。', 56, 200, 180),
    ];
    expect(paragraphs(lines)).toEqual([
      '　　本报告根据《年度报告格式》的通知》编制。如有疑问，请联系（电话：0558-6021375）。',
      '本年度未收到举报。',
      '公开文件12件。',
    ]);
  });
});
