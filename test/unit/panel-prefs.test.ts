import { describe, expect, it } from 'vitest';
import type { PanelHide } from '../../lib/messaging/protocol';
import {
  agencyHide,
  hidesOf,
  isPanelHidden,
  placeOf,
  reportHide,
  withHide,
  withoutHide,
  withPlace,
} from '../../lib/panel-prefs';
import { DEFAULT_SETTINGS } from '../../lib/settings';

const REPORT_2023 = { url: 'http://www.hailing.gov.cn/art/2024/1/10/a.html#t3', agency: '海陵区' };
const REPORT_2022 = { url: 'http://xxgk.hailing.gov.cn/art/2023/1/12/b.html', agency: '海陵区' };
const OTHER_DEPT = {
  url: 'http://www.hailing.gov.cn/art/2024/1/11/c.html',
  agency: '海陵区教育局',
};
/** Another portal printing the same agency's name. */
const ELSEWHERE = { url: 'http://www.elsewhere.gov.cn/art/2024/1/10/a.html', agency: '海陵区' };

const hidden = (hide: PanelHide | null) => {
  if (!hide) throw new Error('no hide');
  return withHide(DEFAULT_SETTINGS, hide);
};

describe('hiding the panel', () => {
  it('per report: that report only, whatever fragment its address carries', () => {
    const settings = hidden(reportHide(REPORT_2023, '海陵区2023年政府信息公开工作年度报告'));
    expect(isPanelHidden(settings, REPORT_2023)).toBe(true);
    expect(
      isPanelHidden(settings, { ...REPORT_2023, url: REPORT_2023.url.replace('#t3', '') }),
    ).toBe(true);
    expect(isPanelHidden(settings, REPORT_2022)).toBe(false);
    expect(isPanelHidden(settings, OTHER_DEPT)).toBe(false);
    expect(isPanelHidden(settings, ELSEWHERE)).toBe(false);
  });

  it("per agency: that agency's reports on the portal, not another department nor another portal", () => {
    const settings = hidden(agencyHide(REPORT_2023));
    expect(isPanelHidden(settings, REPORT_2023)).toBe(true);
    expect(isPanelHidden(settings, REPORT_2022)).toBe(true);
    expect(isPanelHidden(settings, OTHER_DEPT)).toBe(false);
    expect(isPanelHidden(settings, ELSEWHERE)).toBe(false);
  });

  it('has no agency hide for a report that names no agency, and no hide off the web', () => {
    expect(agencyHide({ url: REPORT_2023.url, agency: '  ' })).toBeNull();
    expect(reportHide({ url: 'file:///tmp/a.html', agency: '海陵区' }, '')).toBeNull();
  });

  it('is undone hide by hide, and each hide is kept once', () => {
    const report = reportHide(REPORT_2023, '年报');
    const agency = agencyHide(REPORT_2023);
    if (!report || !agency) throw new Error('no hide');
    let settings = withHide(withHide(withHide(DEFAULT_SETTINGS, report), agency), report);
    expect(settings.panelHidden).toHaveLength(2);
    expect(hidesOf(settings, REPORT_2023)).toHaveLength(2);
    settings = withoutHide(settings, report);
    expect(isPanelHidden(settings, REPORT_2023)).toBe(true);
    settings = withoutHide(settings, agency);
    expect(isPanelHidden(settings, REPORT_2023)).toBe(false);
    expect(settings.panelHidden).toEqual([]);
  });
});

describe("the panel's place", () => {
  it('is kept per origin, the latest move replacing the earlier one', () => {
    let settings = withPlace(DEFAULT_SETTINGS, {
      origin: 'http://www.hailing.gov.cn',
      left: 10,
      top: 20,
      collapsed: false,
    });
    settings = withPlace(settings, { origin: 'http://www.elsewhere.gov.cn', collapsed: true });
    settings = withPlace(settings, {
      origin: 'http://www.hailing.gov.cn',
      left: 300,
      top: 40,
      collapsed: true,
    });
    expect(settings.panelPlaces).toHaveLength(2);
    expect(placeOf(settings, 'http://www.hailing.gov.cn')).toEqual({
      origin: 'http://www.hailing.gov.cn',
      left: 300,
      top: 40,
      collapsed: true,
    });
    expect(placeOf(settings, 'http://xxgk.hailing.gov.cn')).toBeUndefined();
  });
});
