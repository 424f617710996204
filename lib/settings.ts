/**
 * Settings in extension storage, read by every context (background, content
 * script, popup, options). The storage area is passed in so that this module
 * stays free of `browser.*` and is tested with a plain object.
 *
 * zod/mini only: the content script reads settings too (where the panel is
 * hidden, where it was left).
 *
 * Versions before 0.2 kept `panelHiddenOn`, a list of hosts on which the
 * panel was hidden for every report of every department of the portal, with
 * no way back. It is dropped on read (the schema keeps only known fields):
 * the panel now starts clear of the report or folded to a tab, and can be
 * hidden per report or per agency, undoably. See the README.
 */
import {
  PanelHideSchema,
  PanelPlaceSchema,
  SETTINGS_KEY,
  type Settings,
  SettingsSchema,
} from './messaging/protocol';

/** The part of `browser.storage.local` these functions use. */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

const FIELDS = Object.keys(SettingsSchema.shape) as (keyof Settings)[];

/**
 * Reads stored settings; whatever cannot be read falls back to its default
 * field by field, so one bad value (an older or newer version's, a hand edit)
 * never resets the user's other choices.
 */
export function parseSettings(raw: unknown): Settings {
  const whole = SettingsSchema.safeParse(raw);
  if (whole.success) return whole.data;
  const source = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const field of FIELDS) {
    const parsed = SettingsSchema.shape[field].safeParse(source[field]);
    if (parsed.success) settings[field] = parsed.data;
  }
  // One bad entry of a list the reader built click by click loses only itself.
  const fallback = SettingsSchema.safeParse({
    ...settings,
    panelHidden: validEntries(source.panelHidden, PanelHideSchema),
    panelPlaces: validEntries(source.panelPlaces, PanelPlaceSchema),
  });
  return fallback.success ? fallback.data : (settings as Settings);
}

function validEntries<T>(
  raw: unknown,
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
): T[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry) => {
    const parsed = schema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function readSettings(area: SettingsArea): Promise<Settings> {
  const stored = await area.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

/**
 * Applies a change to the stored settings and returns the result. The change
 * is applied to a fresh read, so two contexts changing different fields one
 * after the other both keep their change.
 */
export async function updateSettings(
  area: SettingsArea,
  change: (current: Settings) => Settings,
): Promise<Settings> {
  const next = SettingsSchema.parse(change(await readSettings(area)));
  await area.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Remembers the export format chosen in the popup or the panel (both offer the same menu). */
export function saveExportFormat(area: SettingsArea, format: Settings['exportFormat']) {
  return updateSettings(area, (current) => ({ ...current, exportFormat: format }));
}
