/**
 * What the reader chose about the in-page panel, as kept in the settings:
 * where it is hidden (one report, or one agency of one portal) and where it
 * was left on each origin. Pure functions over `Settings`, shared by the
 * page, the popup and the options page, so that all three agree on what a
 * hide covers.
 *
 * A hide names its portal (the registrable domain of the address the browser
 * gave, lib/page/portal.ts), never only a name the page printed: an agency
 * hidden on one portal is not hidden on another portal's page that prints
 * the same name.
 */
import { LIMITS_PANEL, type PanelHide, type PanelPlace, type Settings } from './messaging/protocol';
import { portalOfUrl } from './page/portal';

/** The page a hide is matched against: its address and the agency its report names. */
export interface PanelPage {
  url: string;
  agency: string;
}

/** A report's address as a hide keeps it: the fragment only scrolls the same report. */
export function reportAddress(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    parsed.hash = '';
    return parsed.href;
  } catch {
    return null;
  }
}

/** The hide of this one report; null for an address that is not a web page. */
export function reportHide(page: PanelPage, title: string): PanelHide | null {
  const url = reportAddress(page.url);
  const portal = portalOfUrl(page.url);
  if (!url || !portal) return null;
  return { scope: 'report', portal, url, title: title.slice(0, 500) };
}

/** The hide of the report's agency on this portal; null when the report names none. */
export function agencyHide(page: PanelPage): PanelHide | null {
  const portal = portalOfUrl(page.url);
  const agency = page.agency.trim().slice(0, 200);
  if (!portal || !agency) return null;
  return { scope: 'agency', portal, agency };
}

const sameHide = (a: PanelHide, b: PanelHide): boolean =>
  a.scope === 'report'
    ? b.scope === 'report' && a.url === b.url
    : b.scope === 'agency' && a.portal === b.portal && a.agency === b.agency;

/** The hides that cover this page (a report hidden on its own and for its agency: both). */
export function hidesOf(settings: Settings, page: PanelPage): PanelHide[] {
  const report = reportHide(page, '');
  const agency = agencyHide(page);
  return settings.panelHidden.filter(
    (hide) => (report && sameHide(hide, report)) || (agency && sameHide(hide, agency)),
  );
}

export const isPanelHidden = (settings: Settings, page: PanelPage): boolean =>
  hidesOf(settings, page).length > 0;

/** Adds a hide once; past the limit the oldest is dropped (the list grows only by the reader's clicks). */
export function withHide(settings: Settings, hide: PanelHide): Settings {
  const rest = settings.panelHidden.filter((kept) => !sameHide(kept, hide));
  return { ...settings, panelHidden: [...rest, hide].slice(-LIMITS_PANEL.hides) };
}

export function withoutHide(settings: Settings, hide: PanelHide): Settings {
  return { ...settings, panelHidden: settings.panelHidden.filter((kept) => !sameHide(kept, hide)) };
}

/** The place the reader left the panel in on this origin, if any. */
export const placeOf = (settings: Settings, origin: string): PanelPlace | undefined =>
  settings.panelPlaces.find((place) => place.origin === origin);

/** Keeps one place per origin, the latest last; the least recently moved goes past the limit. */
export function withPlace(settings: Settings, place: PanelPlace): Settings {
  const rest = settings.panelPlaces.filter((kept) => kept.origin !== place.origin);
  return { ...settings, panelPlaces: [...rest, place].slice(-LIMITS_PANEL.places) };
}
