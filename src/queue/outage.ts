// The database is unreachable: stop taking jobs, say so once, probe with growing waits, and resume when it answers.
// Jobs caught mid-way go back to the queue delayed, without using up their attempts: nothing fails for an outage.

export interface OutageHooks {
  /** Stop fetching jobs (the jobs in hand finish or are delayed). */
  pause(): Promise<void> | void;
  resume(): Promise<void> | void;
  /** A cheap call that throws while the database is still unreachable. */
  probe(): Promise<unknown>;
  log(line: string): void;
  /** First and longest wait between probes (defaults: 1 s doubling up to 30 s). */
  firstWaitMs?: number;
  longestWaitMs?: number;
}

export const FIRST_WAIT_MS = 1000;
export const LONGEST_WAIT_MS = 30_000;

export class Outage {
  private active = false;
  private readonly firstWaitMs: number;
  private readonly longestWaitMs: number;
  private waitMs: number;
  private stopped = false;
  private watching: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly hooks: OutageHooks) {
    this.firstWaitMs = hooks.firstWaitMs ?? FIRST_WAIT_MS;
    this.longestWaitMs = hooks.longestWaitMs ?? LONGEST_WAIT_MS;
    this.waitMs = this.firstWaitMs;
  }

  get ongoing(): boolean {
    return this.active;
  }

  /** How long a job caught by the outage waits before it is tried again. */
  get retryDelayMs(): number {
    return this.waitMs;
  }

  /** Called with the error of every job that found the database unreachable; the first one starts the watch. */
  begin(err: Error): void {
    if (this.active || this.stopped) return;
    this.active = true;
    this.hooks.log(`${err.message}; jobs wait in the queue, trying again in ${this.waitMs / 1000} s`);
    this.watching = Promise.resolve(this.hooks.pause())
      .then(() => this.watch())
      .catch((e: unknown) => this.hooks.log(`could not pause or resume the worker: ${e instanceof Error ? e.message : String(e)}`));
  }

  private async watch(): Promise<void> {
    while (this.active && !this.stopped) {
      await this.nap(this.waitMs);
      if (this.stopped) return;
      try {
        await this.hooks.probe();
      } catch (err) {
        this.waitMs = Math.min(this.waitMs * 2, this.longestWaitMs);
        this.hooks.log(`still no answer (${err instanceof Error ? err.message : String(err)}); trying again in ${this.waitMs / 1000} s`);
        continue;
      }
      this.active = false;
      this.waitMs = this.firstWaitMs;
      this.hooks.log('the database answers again; taking jobs');
      await this.hooks.resume();
    }
  }

  private nap(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** End the watch (the worker is closing). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.watching;
  }
}
