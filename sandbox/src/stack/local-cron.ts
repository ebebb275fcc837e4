/** What a job app answered to one `POST /job`. */
export interface JobRun {
  job: string;
  status: number;
  report: Record<string, unknown>;
  durationMs: number;
}

export interface LocalCronOptions {
  /** Job name → `POST /job` URL. */
  jobs: () => Record<string, string>;
  intervalMs: number;
  onRun?: (run: JobRun) => void;
  onError?: (job: string, error: unknown) => void;
}

/**
 * The Connect scheduler, locally: POSTs `/job` on each job app every `intervalMs`. A job whose
 * previous run is still going is not triggered again (Connect does not overlap runs either).
 */
export class LocalCron {
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Map<string, Promise<JobRun>>();

  constructor(private readonly options: LocalCronOptions) {}

  start(): void {
    this.timer = setInterval(() => {
      for (const job of Object.keys(this.options.jobs())) {
        if (this.inFlight.has(job)) continue;
        this.trigger(job).catch((error: unknown) => this.options.onError?.(job, error));
      }
    }, this.options.intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Waits for runs in progress (used on shutdown and by the demo). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.inFlight.values()]);
  }

  /** Runs one job now (waiting for a run in progress first) and resolves with its report. */
  async trigger(job: string, query = ''): Promise<JobRun> {
    const running = this.inFlight.get(job);
    if (running) await running.catch(() => undefined);
    const url = this.options.jobs()[job];
    if (!url) throw new Error(`unknown job ${job}`);
    const run = (async (): Promise<JobRun> => {
      const started = Date.now();
      const res = await fetch(`${url}${query}`, {
        method: 'POST',
        signal: AbortSignal.timeout(300_000),
      });
      const report = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      const result = { job, status: res.status, report, durationMs: Date.now() - started };
      this.options.onRun?.(result);

      return result;
    })();
    this.inFlight.set(job, run);
    try {
      return await run;
    } finally {
      this.inFlight.delete(job);
    }
  }
}
