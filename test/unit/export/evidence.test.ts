import { describe, expect, it } from 'vitest';
import { dataUrlBytes, visibleCrop } from '../../../lib/export/evidence';
import { evidenceFileName, exportFileName } from '../../../lib/export/filename';
import { reportOf } from '../../support/report-builder';

describe('evidence image', () => {
  it('crops to the part of the table inside the window, in whole pixels', () => {
    const viewport = { width: 1280, height: 900 };
    expect(visibleCrop({ left: 140.4, top: 200.6, width: 600, height: 300.2 }, viewport)).toEqual({
      left: 140,
      top: 200,
      width: 601,
      height: 301,
    });
    // A table taller than the window, scrolled to its middle: cut at both edges.
    expect(visibleCrop({ left: 170, top: -400, width: 940, height: 2600 }, viewport)).toEqual({
      left: 170,
      top: 0,
      width: 940,
      height: 900,
    });
    expect(visibleCrop({ left: 0, top: 950, width: 100, height: 100 }, viewport)).toBeNull();
  });

  it('decodes the capture only when it is a PNG data URL', () => {
    expect(Array.from(dataUrlBytes('data:image/png;base64,iVBORw0KGgo='))).toEqual([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ]);
    expect(() => dataUrlBytes('data:text/html;base64,PGI+')).toThrow(/PNG/);
  });

  it('is named like the exports, with the finding’s number', () => {
    const report = reportOf([], { agency: '青山区', year: 2023 });
    expect(exportFileName(report, 'xlsx')).toBe('青山区-2023-年报核查.xlsx');
    expect(evidenceFileName(report, 3)).toBe('青山区-2023-年报核查-证据3.png');
    expect(evidenceFileName(report, 0)).toBe('青山区-2023-年报核查-证据1.png');
  });
});
