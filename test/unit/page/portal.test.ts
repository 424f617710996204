import { describe, expect, it } from 'vitest';
import { portalOfHost, portalOfUrl } from '../../../lib/page/portal';

describe('portal of an address', () => {
  it('is the name registered under gov.cn, whichever subdomain serves the page', () => {
    expect(portalOfUrl('https://www.hailing.gov.cn/art/2024/1/1/a.html')).toBe('hailing.gov.cn');
    expect(portalOfUrl('http://xxgk.hailing.gov.cn/')).toBe('hailing.gov.cn');
    expect(portalOfUrl('http://a.b.c.hailing.gov.cn/x?y#z')).toBe('hailing.gov.cn');
    expect(portalOfUrl('http://hailing.gov.cn/')).toBe('hailing.gov.cn');
    // The central portal is www.gov.cn: gov.cn's own subdomain, registered as "www".
    expect(portalOfUrl('https://www.gov.cn/zhengce/')).toBe('www.gov.cn');
    expect(portalOfUrl('http://gov.cn/')).toBe('gov.cn');
  });

  it('ignores the port, the case and the trailing dot of the host', () => {
    expect(portalOfUrl('http://www.hailing.gov.cn:8080/a.html')).toBe('hailing.gov.cn');
    expect(portalOfUrl('HTTP://WWW.HaiLing.GOV.CN/A.html')).toBe('hailing.gov.cn');
    expect(portalOfUrl('http://www.hailing.gov.cn./a.html')).toBe('hailing.gov.cn');
  });

  it('names an internationalised host in punycode, as the browser does', () => {
    const portal = portalOfUrl('http://www.海陵.gov.cn/');
    expect(portal).toBe('xn--90wm88f.gov.cn');
    expect(portalOfUrl('http://xxgk.xn--90wm88f.gov.cn/')).toBe(portal);
  });

  it('keeps a host outside gov.cn, or an IP address, as its own portal', () => {
    expect(portalOfUrl('https://www.example.com/a')).toBe('www.example.com');
    expect(portalOfUrl('https://example.com/a')).toBe('example.com');
    expect(portalOfUrl('http://127.0.0.1:3000/')).toBe('127.0.0.1');
    // The parser writes IPv4 in one canonical form.
    expect(portalOfUrl('http://0x7f.1/')).toBe('127.0.0.1');
    expect(portalOfUrl('http://[::1]:8080/')).toBe('[::1]');
    // A name that only looks like gov.cn is not under it.
    expect(portalOfUrl('http://www.notgov.cn/')).toBe('www.notgov.cn');
    expect(portalOfUrl('http://gov.cn.example.com/')).toBe('gov.cn.example.com');
  });

  it('is none for what is not a web address or has no registered name', () => {
    expect(portalOfUrl(undefined)).toBeNull();
    expect(portalOfUrl('')).toBeNull();
    expect(portalOfUrl('not a url')).toBeNull();
    expect(portalOfUrl('file:///home/me/report.html')).toBeNull();
    expect(portalOfUrl('chrome-extension://abc/options.html')).toBeNull();
    expect(portalOfUrl('ftp://www.hailing.gov.cn/')).toBeNull();
    expect(portalOfUrl('http://.gov.cn/')).toBeNull();
    expect(portalOfUrl('http://a..gov.cn/')).toBeNull();
    expect(portalOfUrl('http://gov.cn../')).toBeNull();
  });
});

describe('portal of a host name', () => {
  it('normalises the host as an address would', () => {
    expect(portalOfHost('WWW.Hailing.gov.cn.')).toBe('hailing.gov.cn');
    expect(portalOfHost('www.hailing.gov.cn:8080')).toBe('hailing.gov.cn');
    expect(portalOfHost('海陵.gov.cn')).toBe('xn--90wm88f.gov.cn');
    expect(portalOfHost('10.0.0.1')).toBe('10.0.0.1');
  });

  it('is none for a string that is not a host alone', () => {
    expect(portalOfHost('')).toBeNull();
    expect(portalOfHost('evil.com/www.hailing.gov.cn')).toBeNull();
    expect(portalOfHost('user@www.hailing.gov.cn')).toBeNull();
    expect(portalOfHost('www.hailing.gov.cn?x')).toBeNull();
    expect(portalOfHost('a b.gov.cn')).toBeNull();
  });
});
