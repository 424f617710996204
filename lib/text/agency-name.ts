/**
 * One body, two spellings. A government's report is titled either
 * 「鹤鸣区2023年…」 or 「鹤鸣区人民政府2023年…」: both name one body, so
 * the trailing 人民政府 is not part of comparing agencies across years —
 * in the search for last year's link (lib/portal/title-match.ts), in the
 * history's lookup of last year's record (lib/background/handler.ts) and in
 * an audit's pairing (lib/audit/pairing.ts). Nothing else is folded:
 * 鹤鸣区卫生健康委员会 and 鹤鸣区卫健委 stay different agencies (a wrong
 * match would compare two bodies' figures as one's).
 */
import { cleanText } from './normalise';

const GOVERNMENT = '人民政府';

/** The agency as compared across years. */
export function agencyKey(agency: string): string {
  const compact = cleanText(agency).replace(/\s+/g, '');
  return compact.endsWith(GOVERNMENT) ? compact.slice(0, -GOVERNMENT.length) : compact;
}

/**
 * The names the history may hold the same body's record under, the name as
 * given first: with and without the trailing 人民政府. The history keys a
 * record by the agency as its page printed it, which is kept as printed
 * (the contract's key is `portal|agency|year`).
 */
export function agencyNames(agency: string): string[] {
  if (agency === '') return [];
  const other = agency.endsWith(GOVERNMENT)
    ? agency.slice(0, -GOVERNMENT.length)
    : `${agency}${GOVERNMENT}`;
  return other === '' ? [agency] : [agency, other];
}
