import { describe, expect, it } from 'vitest';
import { SETTINGS_KEY } from '../../lib/messaging/protocol';
import {
  DEFAULT_SETTINGS,
  parseSettings,
  readSettings,
  type SettingsArea,
  saveExportFormat,
  updateSettings,
} from '../../lib/settings';

/** storage.local as a plain map, copying values in and out as the browser does. */
function memoryArea(initial: Record<string, unknown> = {}): SettingsArea & {
  items: Record<string, unknown>;
} {
  const items: Record<string, unknown> = structuredClone(initial);
  return {
    items,
    async get(key) {
      return key in items ? { [key]: structuredClone(items[key]) } : {};
    },
    async set(next) {
      Object.assign(items, structuredClone(next));
    },
  };
}

describe('settings', () => {
  it('a fresh install runs every check and follows the browser language', async () => {
    const settings = await readSettings(memoryArea());
    expect(settings).toEqual({
      disabledFamilies: [],
      language: 'auto',
      panelHidden: [],
      panelPlaces: [],
      exportFormat: 'xlsx',
      // Last year's report is looked for on the page's portal unless turned off.
      findPreviousYear: true,
      // A column's page is left untouched unless the reader asks for the audit bar.
      listingBar: false,
    });
    expect(settings).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps a change, and a later change to another field keeps the first', async () => {
    const area = memoryArea();
    await updateSettings(area, (s) => ({ ...s, disabledFamilies: ['narrative', 'form'] }));
    await updateSettings(area, (s) => ({ ...s, language: 'en' }));
    await saveExportFormat(area, 'md');
    expect(await readSettings(area)).toEqual({
      disabledFamilies: ['narrative', 'form'],
      language: 'en',
      panelHidden: [],
      panelPlaces: [],
      exportFormat: 'md',
      findPreviousYear: true,
      listingBar: false,
    });
  });

  it('a bad stored field falls back to its default without losing the others', async () => {
    const area = memoryArea({
      [SETTINGS_KEY]: {
        disabledFamilies: ['timeliness', 'noSuchFamily'],
        language: 'en',
        panelHidden: [{ scope: 'agency', portal: 'hz.gov.cn', agency: '' }],
        exportFormat: 'docx',
      },
    });
    expect(await readSettings(area)).toEqual({
      disabledFamilies: [],
      language: 'en',
      panelHidden: [],
      panelPlaces: [],
      exportFormat: 'xlsx',
      findPreviousYear: true,
      listingBar: false,
    });
  });

  it('anything that is not a settings object reads as the defaults', () => {
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ language: 'fr' })).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses to store settings that are not valid', async () => {
    const area = memoryArea();
    await expect(updateSettings(area, (s) => ({ ...s, language: 'fr' as 'en' }))).rejects.toThrow();
    expect(area.items[SETTINGS_KEY]).toBeUndefined();
  });
});

describe('settings of the in-page panel', () => {
  const hide = {
    scope: 'report',
    portal: 'hz.gov.cn',
    url: 'https://www.hz.gov.cn/a.html',
    title: '年报',
  };

  it('drops the old per-site hide on read and on the next write, keeping the other choices', async () => {
    const area = memoryArea({
      [SETTINGS_KEY]: { language: 'en', panelHiddenOn: ['www.hz.gov.cn'], exportFormat: 'csv' },
    });
    const read = await readSettings(area);
    expect(read).toEqual({ ...DEFAULT_SETTINGS, language: 'en', exportFormat: 'csv' });
    expect(read).not.toHaveProperty('panelHiddenOn');
    await saveExportFormat(area, 'md');
    expect(area.items[SETTINGS_KEY]).not.toHaveProperty('panelHiddenOn');
  });

  it('one bad hide or place loses only itself', async () => {
    const place = { origin: 'https://www.hz.gov.cn', left: 40, top: 60, collapsed: false };
    const area = memoryArea({
      [SETTINGS_KEY]: {
        language: 'en',
        panelHidden: [
          hide,
          { scope: 'agency', portal: 'hz.gov.cn', agency: '' },
          { scope: 'site' },
        ],
        panelPlaces: [place, { origin: 'https://x.gov.cn', left: 'far', collapsed: true }],
      },
    });
    const read = await readSettings(area);
    expect(read.language).toBe('en');
    expect(read.panelHidden).toEqual([hide]);
    expect(read.panelPlaces).toEqual([place]);
  });

  it('never stores a hide of an address that is not a web page, nor a place out of range', async () => {
    const area = memoryArea();
    await expect(
      updateSettings(area, (s) => ({
        ...s,
        panelHidden: [{ ...hide, url: 'javascript:alert(1)' } as typeof hide & { scope: 'report' }],
      })),
    ).rejects.toThrow();
    await expect(
      updateSettings(area, (s) => ({
        ...s,
        panelPlaces: [{ origin: 'https://a.gov.cn', left: Number.NaN, top: 0, collapsed: false }],
      })),
    ).rejects.toThrow();
    expect(area.items[SETTINGS_KEY]).toBeUndefined();
  });
});
