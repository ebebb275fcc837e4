// Starts and stops the commercetools test server in a child process.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
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
 * Runs the server script with `cwd` as the module-resolution base, so the mock package is found
 * in the calling package's node_modules (workspace or a standalone app install alike).
 */
async function startCtMock({ cwd = process.cwd(), port, env = {} } = {}) {
  const chosen = port ?? (await freePort());
  const script = fs.readFileSync(path.join(__dirname, 'ct-mock-server.mjs'), 'utf8');
  const child = spawn(process.execPath, ['--no-warnings', '--input-type=module', '-e', script], {
    env: {
      ...process.env,
      CT_MOCK_RULES: path.join(__dirname, 'ct-rules', 'index.mjs'),
      ...env,
      CT_MOCK_PORT: String(chosen),
    },
    cwd,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('commercetools test server did not start in 20 s')),
      20000,
    );
    child.stdout.on('data', (buf) => {
      if (buf.toString().includes('CT_MOCK_READY')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`commercetools test server exited with ${code}`));
    });
  });
  child.stdout.resume();
  return { child, port: chosen, url: `http://127.0.0.1:${chosen}` };
}

function stopCtMock(child) {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

module.exports = { startCtMock, stopCtMock, freePort };
