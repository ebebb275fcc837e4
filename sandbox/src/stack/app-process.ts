import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';

import type { LogSink } from './log-sink';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The built entry of an app, as Connect runs it (`npm start` = `node [flags] build/index.js`). */
export function appEntry(app: string, script = 'index.js'): string {
  const entry = path.join(REPO_ROOT, app, 'build', script);
  if (!existsSync(entry)) {
    throw new Error(`${entry} is missing: run \`npm run build\` at the repository root first`);
  }

  return entry;
}

/**
 * The node flags of an app's `start` script (e.g. stock-sync's V8 heap limits), so the local
 * stack runs each app exactly as `npm start` does in Connect.
 */
export function startFlags(app: string): string[] {
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, app, 'package.json'), 'utf8')) as {
    scripts?: { start?: string };
  };

  return (pkg.scripts?.start ?? '').split(/\s+/).filter((word) => word.startsWith('--'));
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** One app running as a child process on a local port. */
export class AppProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> = Promise.resolve(null);

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly logs: LogSink,
    private readonly label = name,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return (
      this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null
    );
  }

  /** Starts the app and resolves once its port accepts connections. */
  async start(timeoutMs = 20_000): Promise<void> {
    const child = spawn(process.execPath, [...startFlags(this.name), appEntry(this.name)], {
      env: { PATH: process.env.PATH ?? '', ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.stdout?.on('data', this.logs.feeder(this.label));
    child.stderr?.on('data', this.logs.feeder(this.label));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running)
        throw new Error(`${this.label} exited during start-up (see its log lines)`);
      if (await portOpen(this.port)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${this.label} did not listen on port ${this.port} within ${timeoutMs} ms`);
  }

  /** Graceful stop (SIGTERM, as Cloud Run does), SIGKILL after `graceMs`. */
  async stop(graceMs = 8_000): Promise<void> {
    if (!this.running) return;
    const child = this.child;
    child?.kill('SIGTERM');
    const timer = setTimeout(() => child?.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** Hard kill, as a crash or an evicted instance: no shutdown path runs. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child?.kill('SIGKILL');
    await this.exited;
  }
}

/** Runs a one-off script of an app (e.g. its post-deploy) and resolves with its exit code. */
export function runAppScript(
  app: string,
  script: string,
  env: Record<string, string>,
  logs: LogSink,
): Promise<number | null> {
  const child = spawn(process.execPath, [appEntry(app, script)], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', logs.feeder(`${app}:${path.basename(script, '.js')}`));
  child.stderr?.on('data', logs.feeder(`${app}:${path.basename(script, '.js')}`));

  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
