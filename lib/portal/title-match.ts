/**
 * Which report a link names, and which link is last year's report. A link
 * names a report when its text is a report's title (lib/page/detect.ts);
 * its agency and year are read from that title the way the page itself is
 * identified (lib/page/report-identity.ts), so the agency compares as the
 * history keys it. Never guesses: two different addresses that both name
 * last year's report of the agency give no choice, only the candidates.
 */
import { isReportTitle } from '../page/detect';
import { agencyFromTitle, findYear } from '../page/report-identity';
import { agencyKey } from '../text/agency-name';
import { cleanText } from '../text/normalise';
import type { PortalLink } from './types';

export interface NamedReport {
  agency: string;
  year: number;
}

/** 「附件：」, 「上一篇：」 and a file's extension are not part of the title they frame. */
const FRAME_WORDS =
  /^\s*(?:附件\s*\d*|上一篇|下一篇|上一条|下一条)\s*[:：.、]?\s*|\.(?:pdf|docx?|wps)\s*$/gi;

/** The agency and year a link's text names, when it is a report's title. */
export function reportNamedBy(text: string): NamedReport | null {
  const title = cleanText(text).replace(FRAME_WORDS, '');
  if (!isReportTitle(title)) return null;
  const agency = agencyFromTitle(title);
  const year = findYear(title, '');
  return agency !== '' && year !== null ? { agency, year } : null;
}

export interface PreviousYearChoice {
  /** The one link that names last year's report of the agency; null when none or several do. */
  chosen: PortalLink | null;
  /** Every link that qualified, each address once: the user chooses when there are several. */
  candidates: PortalLink[];
}

/** Last year's report of the same agency among the links of its portal. */
export function choosePreviousYear(
  current: { agency: string; year: number },
  links: readonly PortalLink[],
): PreviousYearChoice {
  const key = agencyKey(current.agency);
  const candidates: PortalLink[] = [];
  const seen = new Set<string>();
  for (const link of links) {
    if (seen.has(link.url)) continue;
    const named = reportNamedBy(link.text);
    if (named === null || named.year !== current.year - 1 || agencyKey(named.agency) !== key) {
      continue;
    }
    seen.add(link.url);
    candidates.push(link);
  }
  return { chosen: candidates.length === 1 ? (candidates[0] ?? null) : null, candidates };
}
