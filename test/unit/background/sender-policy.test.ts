import { describe, expect, it } from 'vitest';
import {
  isGovCnPage,
  isOwnContentScript,
  isOwnExtensionPage,
  type SenderInfo,
} from '../../../lib/background/sender-policy';

const SELF = { id: 'abcdefghijklmnop', baseUrl: 'chrome-extension://abcdefghijklmnop/' };
const FIREFOX_SELF = {
  id: 'ogi-lens@ogi-lens.org',
  baseUrl: 'moz-extension://0b5c1f6e-2d4a-4e0c-9f55-7d1b5e2f4a10/',
};
const REPORT_URL = 'https://www.hangzhou.gov.cn/art/2024/1/18/art_1229063_5.html';
const tab = { id: 7, url: REPORT_URL };

describe('who may send what', () => {
  it('.gov.cn pages over http(s), and only those', () => {
    expect(isGovCnPage(REPORT_URL)).toBe(true);
    expect(isGovCnPage('http://gov.cn/')).toBe(true);
    expect(isGovCnPage('http://XXGK.QZ.GOV.CN./a.html')).toBe(true);
    expect(isGovCnPage('https://gov.cn.example.com/')).toBe(false);
    expect(isGovCnPage('https://notgov.cn/')).toBe(false);
    expect(isGovCnPage('https://www.example.com/?u=.gov.cn')).toBe(false);
    expect(isGovCnPage('file:///tmp/www.hz.gov.cn/report.html')).toBe(false);
    expect(isGovCnPage('ftp://ftp.hz.gov.cn/report.html')).toBe(false);
    expect(isGovCnPage('not a url')).toBe(false);
    expect(isGovCnPage(undefined)).toBe(false);
  });

  it('the content script is this extension in a tab on a .gov.cn page', () => {
    expect(isOwnContentScript({ id: SELF.id, url: REPORT_URL, tab }, SELF)).toBe(true);
    const refused: SenderInfo[] = [
      { id: 'another-extension', url: REPORT_URL, tab },
      { id: SELF.id, url: REPORT_URL },
      { id: SELF.id, url: 'https://www.example.com/report.html', tab },
      { id: SELF.id, url: `${SELF.baseUrl}popup.html`, tab },
      { url: REPORT_URL, tab },
    ];
    for (const sender of refused) expect(isOwnContentScript(sender, SELF), sender.url).toBe(false);
  });

  it('extension pages are those of this extension, in a tab or not', () => {
    expect(isOwnExtensionPage({ id: SELF.id, url: `${SELF.baseUrl}options.html` }, SELF)).toBe(
      true,
    );
    expect(
      isOwnExtensionPage({ id: SELF.id, url: `${SELF.baseUrl}popup.html?url=x`, tab }, SELF),
    ).toBe(true);
    expect(
      isOwnExtensionPage(
        { id: FIREFOX_SELF.id, url: `${FIREFOX_SELF.baseUrl}options.html` },
        FIREFOX_SELF,
      ),
    ).toBe(true);
    const refused: SenderInfo[] = [
      { id: SELF.id, url: REPORT_URL, tab },
      { id: SELF.id, url: 'chrome-extension://someoneelse/options.html' },
      { id: 'someoneelse', url: `${SELF.baseUrl}options.html` },
      { id: SELF.id, url: 'moz-extension://abcdefghijklmnop/options.html' },
      { id: SELF.id },
    ];
    for (const sender of refused) expect(isOwnExtensionPage(sender, SELF), sender.url).toBe(false);
  });
});
