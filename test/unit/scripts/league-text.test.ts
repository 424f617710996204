/**
 * The league table at a terminal: columns line up however wide the Chinese
 * names are, and a page's text cannot drive the terminal (an escape
 * sequence in an agency's name is shown, not obeyed).
 */
import { describe, expect, it } from 'vitest';
import { leagueRow } from '../../../lib/audit/league';
import { displayWidth } from '../../../lib/export/xlsx/text-width';
import { formatLeague } from '../../../scripts/cli/league-text';
import { reportOf } from '../../support/report-builder';

const rowOf = (agency: string, url: string) => {
  const report = { ...reportOf([], { agency }), url };
  return leagueRow({
    kind: 'report',
    url,
    source: 'html',
    report,
    findings: [],
    previous: { state: 'none' },
  });
};

describe('formatLeague', () => {
  it('aligns the columns by display width', () => {
    const lines = formatLeague(
      [
        rowOf('江州市自然资源和规划局', 'http://a.gov.cn/1.html'),
        rowOf('Ab', 'http://a.gov.cn/2.html'),
      ],
      (url) => url,
    );
    const yearAt = (line: string) => displayWidth(line.slice(0, line.indexOf('2023')));
    expect(lines).toHaveLength(3);
    expect(yearAt(lines[1] ?? '')).toBe(yearAt(lines[2] ?? ''));
  });

  it('shows a control character of the page as a replacement mark', () => {
    const [, line] = formatLeague(
      [rowOf('江州市\u001b[2J局', 'http://a.gov.cn/\u001b.html')],
      (url) => url,
    );
    expect(line?.includes('\u001b')).toBe(false);
    expect(line).toContain('江州市\uFFFD[2J局');
  });
});
