/**
 * The command line's charset sniffing (scripts/cli/dom/encoding.ts): the
 * HTML standard's order (BOM, then the <meta> prescan of the first 1024
 * bytes, then windows-1252), checked case by case and against jsdom, which
 * implements the same algorithm.
 */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { charsetFromContent, decodePage, sniffEncoding } from '../../../lib/text/html-encoding';
import { parsePage } from '../../../scripts/cli/analyse-file';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('sniffEncoding', () => {
  const cases: [string, Uint8Array, string][] = [
    ['no declaration', ascii('<html><body>x'), 'windows-1252'],
    ['<meta charset>', ascii('<meta charset="gbk">'), 'gbk'],
    ['gb2312 names GBK', ascii('<META CHARSET=GB2312>'), 'gbk'],
    ['gb18030', ascii("<meta charset='gb18030'>"), 'gb18030'],
    [
      'http-equiv Content-Type',
      ascii('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'),
      'gbk',
    ],
    [
      'content without http-equiv is no declaration',
      ascii('<meta content="text/html; charset=gb2312">'),
      'windows-1252',
    ],
    ['a comment hides a meta', ascii('<!-- <meta charset="gbk"> --><p>'), 'windows-1252'],
    ['UTF-16 in a meta means UTF-8', ascii('<meta charset="utf-16le">'), 'utf-8'],
    ['an unknown label is no declaration', ascii('<meta charset="klingon">'), 'windows-1252'],
    ['the first meta wins', ascii('<meta charset=utf-8><meta charset=gbk>'), 'utf-8'],
    [
      'past the first 1024 bytes nothing counts',
      ascii(`<p>${'x'.repeat(1100)}</p><meta charset="gbk">`),
      'windows-1252',
    ],
    [
      'a UTF-8 BOM beats the meta',
      new Uint8Array([0xef, 0xbb, 0xbf, ...ascii('<meta charset=gbk>')]),
      'utf-8',
    ],
    ['a UTF-16LE BOM', new Uint8Array([0xff, 0xfe, 0x3c, 0x00]), 'utf-16le'],
    [
      'attributes of other tags are skipped',
      ascii('<div title="<meta charset=gbk>"></div><meta charset=big5>'),
      'big5',
    ],
  ];

  for (const [name, bytes, expected] of cases) {
    it(`${name}: ${expected}, as jsdom reads it`, () => {
      expect(sniffEncoding(bytes)).toBe(expected);
      const jsdom = new JSDOM(Buffer.from(bytes), { contentType: 'text/html' });
      expect(jsdom.window.document.characterSet.toLowerCase()).toBe(expected);
    });
  }
});

describe('charsetFromContent', () => {
  it('reads the charset parameter, quoted or not', () => {
    expect(charsetFromContent('text/html; charset=GBK')).toBe('gbk');
    expect(charsetFromContent("text/html; charset='utf-8'")).toBe('utf-8');
    expect(charsetFromContent('text/html;charset = big5;')).toBe('big5');
    expect(charsetFromContent('text/html')).toBeNull();
    expect(charsetFromContent('text/html; charset="gbk')).toBeNull();
  });
});

describe('a GBK page', () => {
  const bytes = readFileSync('test/fixtures/fmt-2021-gbk.html');

  it('is sniffed from its meta and decoded', () => {
    const { text, encoding } = decodePage(bytes);
    expect(encoding).toBe('gbk');
    expect(text).toContain('政府信息公开工作年度报告');
    expect(text).not.toContain('\ufffd');
  });

  it('reads as jsdom reads it', () => {
    const lean = parsePage(bytes, 'http://www.example.gov.cn/a.html');
    const full = new JSDOM(bytes, { contentType: 'text/html' }).window.document;
    expect(lean.title).toBe(full.title);
    expect(lean.body?.textContent).toBe(full.body?.textContent);
  });
});
