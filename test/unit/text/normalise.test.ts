import { describe, expect, it } from 'vitest';
import {
  cleanText,
  normalizeLabel,
  splitNumbering,
  toHalfWidth,
} from '../../../lib/text/normalise';

describe('toHalfWidth', () => {
  it('turns full-width digits and punctuation into ASCII', () => {
    expect(toHalfWidth('１２３，（一）：％')).toBe('123,(一):%');
  });
});

describe('cleanText', () => {
  it('collapses nbsp, ideographic spaces and zero-width characters', () => {
    expect(cleanText('\u00a0 本年\u200b新收\u3000\u3000申请 \n')).toBe('本年新收 申请');
  });

  it('drops bidi controls, so a figure reads as its characters stand', () => {
    // Overrides (U+202E) and isolates (U+2066–U+2069) reorder what is shown, not what is there.
    expect(cleanText('申请\u202e123\u202c件')).toBe('申请123件');
    expect(cleanText('\u2066公开\u2069 \u2067 12\u2068 \u2069')).toBe('公开 12');
  });
});

describe('normalizeLabel', () => {
  it('makes Word-pasted and typed variants of one label equal', () => {
    const printed = '（二）部分公开（区分处理的，只计这一情形，不计其他情形）';
    const pasted = '(二)部分公开\n(区分处理的, 只计这一情形,不计其他情形)';
    expect(normalizeLabel(pasted)).toBe(normalizeLabel(printed));
  });
  it('unifies quotes and dots', () => {
    expect(normalizeLabel('3.危及“三安全一稳定”')).toBe(normalizeLabel('3﹒危及"三安全一稳定"'));
  });
});

describe('splitNumbering', () => {
  it.each([
    ['一、主动公开情况', 1, '主动公开情况'],
    ['（一）主动公开政府信息数', 2, '主动公开政府信息数'],
    ['(二) 申请办结数', 2, '申请办结数'],
    ['1.当面申请数', 3, '当面申请数'],
    ['1﹒政府公报公开政府信息数', 3, '政府公报公开政府信息数'],
    ['2、延期办结数', 3, '延期办结数'],
    ['（3）其他', 3, '其他'],
    ['其中：主要负责同志参加新闻发布会次数', 4, '主要负责同志参加新闻发布会次数'],
    ['其中,政策文件类信息公开数', 4, '政策文件类信息公开数'],
    ['涉及商业秘密', 0, '涉及商业秘密'],
  ])('%s is level %i', (label, level, rest) => {
    expect(splitNumbering(label)).toMatchObject({ level, rest });
  });
  it('does not read a decimal figure as numbering', () => {
    expect(splitNumbering('12.5万元').level).toBe(0);
  });
});
