import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/** One line of output from a child process (pino JSON when it parses). */
export interface LogLine {
  source: string;
  text: string;
  json: Record<string, unknown> | undefined;
}

export type LogListener = (line: LogLine) => void;

/**
 * Collects every line the apps and the sandbox print: kept in memory (for the log-hygiene scan
 * and for checks on what was logged) and appended to one file per run.
 */
export class LogSink {
  private readonly lines: LogLine[] = [];
  private readonly listeners: LogListener[] = [];
  readonly file: string | undefined;

  constructor(
    dir: string | undefined,
    private readonly maxLines = 500_000,
  ) {
    if (dir) {
      mkdirSync(dir, { recursive: true });
      this.file = path.join(dir, 'stack.log');
    }
  }

  onLine(listener: LogListener): void {
    this.listeners.push(listener);
  }

  /** Feeds a chunk of output; partial lines wait for their end in `pending`. */
  feeder(source: string): (chunk: Buffer | string) => void {
    let pending = '';

    return (chunk) => {
      pending += chunk.toString();
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      for (const text of parts) if (text.trim()) this.add(source, text);
    };
  }

  add(source: string, text: string): void {
    let json: Record<string, unknown> | undefined;
    if (text.startsWith('{')) {
      try {
        json = JSON.parse(text) as Record<string, unknown>;
      } catch {
        json = undefined;
      }
    }
    const line = { source, text, json };
    if (this.lines.length < this.maxLines) this.lines.push(line);
    if (this.file) appendFileSync(this.file, `[${source}] ${text}\n`);
    for (const listener of this.listeners) listener(line);
  }

  all(): LogLine[] {
    return this.lines;
  }

  /** Lines containing any of `needles` (case-insensitive), with the needle found. */
  scan(needles: string[]): Array<{ line: LogLine; needle: string }> {
    const lowered = needles.filter((n) => n.length > 0).map((n) => [n, n.toLowerCase()] as const);
    const hits: Array<{ line: LogLine; needle: string }> = [];
    for (const line of this.lines) {
      const text = line.text.toLowerCase();
      for (const [needle, low] of lowered) if (text.includes(low)) hits.push({ line, needle });
    }

    return hits;
  }
}
