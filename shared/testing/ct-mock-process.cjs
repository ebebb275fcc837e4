// Starts and stops the commercetools test server in a child process.
const { spawn } = require('node:child_process');
const net = require('node:net');
const path = require('node:path');

/** Asks the OS for a free port on loopback. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs the server script with `cwd` as the module-resolution base for the mock package, so it is
 * found in the calling package's node_modules (workspace or a standalone app install alike).
 * `port` 0 lets the server pick a free port; the URL carries the port it listens on.
 */
async function startCtMock({ cwd = process.cwd(), port, host = '127.0.0.1', env = {} } = {}) {
  const chosen = port ?? (await freePort());
  const child = spawn(
    process.execPath,
    ['--no-warnings', path.join(__dirname, 'ct-mock-server.mjs')],
    {
      env: { ...process.env, ...env, CT_MOCK_PORT: String(chosen), CT_MOCK_HOST: host },
      cwd,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const actual = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('commercetools test server did not start in 20 s')),
      20000,
    );
    child.stdout.on('data', (buf) => {
      const match = /CT_MOCK_READY (\d+)/.exec(buf.toString());
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`commercetools test server exited with ${code}`));
    });
  });
  child.stdout.resume();
  return { child, port: actual, url: `http://${host}:${actual}` };
}

function stopCtMock(child) {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

/**
 * Stores a resource as given through the server's seeding route (not a commercetools route; see
 * ct-server/seed-route.mjs), for what the test server cannot compute: discounted orders, orders
 * in Multiple ShippingMode. Resolves with the stored resource.
 */
async function seedCtResource(url, projectKey, typeId, resource) {
  const res = await fetch(`${url}/_seed/${projectKey}/${typeId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(resource),
  });
  if (res.status !== 201) {
    throw new Error(`seeding a ${typeId} failed: ${res.status} ${await res.text()}`);
  }
  return res.json();
}

module.exports = { startCtMock, stopCtMock, freePort, seedCtResource };
