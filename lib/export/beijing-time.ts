/**
 * Times as a newsroom in China writes them: Beijing time (UTC+8, no daylight
 * saving since 1991), to the minute. Exports and citations are read by people
 * who compare them with the portal's own dates, which are Beijing dates; an
 * ISO string in UTC would put a late-evening reading on the wrong day.
 */

const OFFSET_MS = 8 * 60 * 60 * 1000;

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * `2026-12-05 20:31` for any instant `Date` can parse (an ISO string with or
 * without offset, or milliseconds); null for one it cannot.
 */
export function beijingTime(when: string | number | Date): string | null {
  const ms = new Date(when).getTime();
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms + OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** `2026-12-05 20:31 北京时间` / `2026-12-05 20:31 Beijing time`; the input itself when it is not a time. */
export function beijingTimeLabel(when: string, language: 'zh' | 'en'): string {
  const time = beijingTime(when);
  if (time === null) return when;
  return language === 'zh' ? `${time} 北京时间` : `${time} Beijing time`;
}

/**
 * `2026-12-05T20:31:10+08:00`: the instant to the second, in Beijing time with
 * its offset, for data files (unambiguous, and the date is Beijing's); the
 * input itself when it is not a time.
 */
export function beijingIso(when: string): string {
  const ms = new Date(when).getTime();
  if (!Number.isFinite(ms)) return when;
  const d = new Date(ms + OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+08:00`;
}
