import type { LogLine } from './log-sink';

const LEVELS: Record<string, number> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
};
const HIDDEN = new Set([
  'level',
  'time',
  'pid',
  'hostname',
  'name',
  'msg',
  'message',
  'app',
  'flow',
  'correlationId',
  'v',
]);

function scalar(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);

  return undefined;
}

/** Compact `key=value` pairs of a log object's scalar fields (nested `counts`/`report.counts` too). */
function fields(json: Record<string, unknown>): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(json)) {
    if (HIDDEN.has(key)) continue;
    const s = scalar(value);
    if (s !== undefined) pairs.push(`${key}=${s}`);
  }
  const report = (json.report ?? json) as { status?: unknown; counts?: Record<string, unknown> };
  if (report.counts && typeof report.counts === 'object') {
    const counts = Object.entries(report.counts)
      .filter(([, v]) => typeof v === 'number' && v !== 0)
      .map(([k, v]) => `${k}=${String(v)}`);
    if (counts.length) pairs.push(`counts{${counts.join(' ')}}`);
  }

  return pairs.join(' ');
}

/**
 * One console line per log line worth showing while the stack runs: syncs, deliveries, job runs,
 * warnings and errors. Returns undefined for lines below `minLevel`.
 */
export function consoleLine(line: LogLine, minLevel = 30): string | undefined {
  const time = new Date().toISOString().slice(11, 19);
  if (!line.json) return `${time} [${line.source}] ${line.text}`;
  const raw = line.json.level;
  const level = typeof raw === 'number' ? raw : (LEVELS[String(raw)] ?? 30);
  if (level < minLevel) return undefined;
  // Job apps log their run report; the cron's line for the same run says it once.
  if (level < 40 && line.json.report && line.source !== 'cron') return undefined;
  const text = line.json.message ?? line.json.msg;
  const msg = typeof text === 'string' ? text : '';
  const tag = level >= 40 ? ` ${String(raw).toUpperCase()}` : '';

  return `${time} [${line.source}]${tag} ${msg} ${fields(line.json)}`.trimEnd();
}
