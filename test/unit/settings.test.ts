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
      panelHiddenOn: [],
      exportFormat: 'xlsx',
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
      panelHiddenOn: [],
      exportFormat: 'md',
    });
  });

  it('a bad stored field falls back to its default without losing the others', async () => {
    const area = memoryArea({
      [SETTINGS_KEY]: {
        disabledFamilies: ['timeliness', 'noSuchFamily'],
        language: 'en',
        panelHiddenOn: ['www.hz.gov.cn'],
        exportFormat: 'docx',
      },
    });
    expect(await readSettings(area)).toEqual({
      disabledFamilies: [],
      language: 'en',
      panelHiddenOn: ['www.hz.gov.cn'],
      exportFormat: 'xlsx',
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
