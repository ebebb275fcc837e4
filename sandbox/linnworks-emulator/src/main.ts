import { startLinnworksEmulator } from './index';

/**
 * Standalone run: `npm run emulator -w sandbox`; data port from LINNWORKS_EMULATOR_PORT (default
 * 4600), auth port from LINNWORKS_EMULATOR_AUTH_PORT (default: a free port).
 */
async function main(): Promise<void> {
  const env = process.env;
  const port = Number(env.LINNWORKS_EMULATOR_PORT ?? 4600);
  const authPort = Number(env.LINNWORKS_EMULATOR_AUTH_PORT ?? 0);
  const host = env.LINNWORKS_EMULATOR_HOST ?? '127.0.0.1';
  const emulator = await startLinnworksEmulator({ port, authPort, host });
  const c = emulator.credentials;
  console.log(`Linnworks emulator listening on ${emulator.url} (auth host ${emulator.authUrl})`);
  console.log(`  LINNWORKS_AUTH_URL=${emulator.authUrl}`);
  console.log(`  LINNWORKS_APPLICATION_ID=${c.applicationId}`);
  console.log(`  LINNWORKS_APPLICATION_SECRET=${c.applicationSecret}`);
  console.log(`  LINNWORKS_INSTALLATION_TOKEN=${c.installationToken}`);
  console.log(`  control API: ${emulator.url}/_emulator`);
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
