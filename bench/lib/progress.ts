// Progress on stderr for long runs: which case, how many left, time so far.
export class Progress {
  private done = 0;
  private readonly started = Date.now();

  constructor(private readonly group: string, private total = 0) {}

  /** Sets how many steps the run has (steps are whatever the group counts: rows, runs). */
  plan(total: number): void {
    this.total = total;
  }

  /** Counts one step and says what it is. */
  step(what: string): void {
    this.done++;
    this.log(`${this.done}/${this.total} ${what}`);
  }

  /** A message that is not a step. */
  log(what: string): void {
    const s = Math.round((Date.now() - this.started) / 1000);
    process.stderr.write(`[${this.group} ${s}s] ${what}\n`);
  }
}
