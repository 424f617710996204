/**
 * The batch's progress on stderr, one line rewritten in place ("read 12/60
 * pages"), and only where a person watches it: stderr a terminal, more than
 * one file. In a pipe or a log it would be noise (and stderr also carries
 * the list of written files with --export --json).
 */

/** What the progress line needs of process.stderr. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  update(done: number, total: number): void;
  /** Erases the line, before the results are printed. */
  clear(): void;
}

const SILENT: Progress = { update: () => {}, clear: () => {} };

export function progressLine(stream: ProgressStream, files: number): Progress {
  if (!stream.isTTY || files <= 1) return SILENT;
  let shown = false;
  return {
    update(done, total) {
      // \r back to the line's start, \x1b[K erases what a longer line left.
      stream.write(`\rreading pages: ${done}/${total}\x1b[K`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
