/** One checked step of the demo or the drills. */
export interface StepResult {
  name: string;
  ok: boolean;
  detail: string;
  ms: number;
}

/** A step's check failed: the message says what did not hold. */
export class CheckFailed extends Error {}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message);
}

/** Polls `probe` until it returns a value (not undefined) or the time is up. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
  everyMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
  throw new CheckFailed(`timed out after ${timeoutMs} ms waiting for ${what}${reason}`);
}

/** Runs steps in order, prints a line for each, and a summary table at the end. */
export class Story {
  readonly results: StepResult[] = [];

  constructor(private readonly title: string) {}

  async step(name: string, fn: () => Promise<string>): Promise<boolean> {
    const started = Date.now();
    console.log(`\n▶ ${name}`);
    try {
      const detail = await fn();
      this.results.push({ name, ok: true, detail, ms: Date.now() - started });
      console.log(`  ✔ ${detail}`);

      return true;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.results.push({ name, ok: false, detail, ms: Date.now() - started });
      console.log(`  ✘ ${detail}`);

      return false;
    }
  }

  get ok(): boolean {
    return this.results.length > 0 && this.results.every((r) => r.ok);
  }

  summary(): string {
    const width = Math.max(...this.results.map((r) => r.name.length), 4);
    const rows = this.results.map(
      (r) =>
        `| ${r.ok ? 'PASS' : 'FAIL'} | ${r.name.padEnd(width)} | ${String(r.ms).padStart(6)} | ${r.detail.replace(/\|/g, '/').slice(0, 140)}`,
    );

    return [
      `\n${this.title}: ${this.results.filter((r) => r.ok).length}/${this.results.length} steps held`,
      `| ---- | ${'step'.padEnd(width)} |     ms | what was checked`,
      ...rows,
    ].join('\n');
  }
}
