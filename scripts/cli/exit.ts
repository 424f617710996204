/** Ends the command line with the exit code `run` resolves to, or 1 and the error's stack. */
export function exitWith(run: Promise<number>): void {
  // exitCode, not exit(): exiting at once would cut off output still flowing into a pipe.
  run.then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
