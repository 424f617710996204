/** The batch's progress line: on a terminal only, for more than one file, erased at the end. */
import { describe, expect, it } from 'vitest';
import { progressLine } from '../../../scripts/cli/progress';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

describe('progressLine', () => {
  it('writes nothing when stderr is not a terminal', () => {
    const err = stream(false);
    const progress = progressLine(err, 60);
    progress.update(1, 60);
    progress.clear();
    expect(err.written).toEqual([]);
  });

  it('writes nothing for a single file', () => {
    const err = stream(true);
    const progress = progressLine(err, 1);
    progress.update(1, 1);
    progress.clear();
    expect(err.written).toEqual([]);
  });

  it('rewrites one line on a terminal and erases it at the end', () => {
    const err = stream(true);
    const progress = progressLine(err, 2);
    progress.update(1, 2);
    progress.update(2, 2);
    progress.clear();
    expect(err.written).toEqual([
      '\rreading pages: 1/2\x1b[K',
      '\rreading pages: 2/2\x1b[K',
      '\r\x1b[K',
    ]);
    expect(err.written.join('')).not.toContain('\n');
  });
});
