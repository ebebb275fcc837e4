import { spawn } from 'node:child_process';
import path from 'node:path';

function startSlowServer() {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'fixtures/slow-server.ts')],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const ready = new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (buf: Buffer) => {
      const match = /READY (\d+)/.exec(buf.toString());
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
  });

  return { child, ready };
}

describe('graceful shutdown', () => {
  it('when SIGTERM arrives during a request, then the request finishes and the process exits cleanly', async () => {
    const { child, ready } = startSlowServer();
    const port = await ready;
    const inFlight = fetch(`http://127.0.0.1:${port}/slow`).then((r) => r.json());
    await new Promise((r) => setTimeout(r, 200));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await expect(inFlight).resolves.toEqual({ finished: true });
    await expect(exited).resolves.toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/slow`)).rejects.toThrow();
  });
});
