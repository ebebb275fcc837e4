// `npm run drill:rate -w sandbox`: the four apps at once under the tenant's Linnworks limits.
// DRILL_SECONDS (default 75) per round; DRILL_CONTROL=0 skips the whole-limit control round.
import { createLogger } from 'shared';

import { rateBudgetDrill } from './rate-budget-drill';

async function main(): Promise<number> {
  const seconds = Number(process.env.DRILL_SECONDS ?? 75);
  const control = process.env.DRILL_CONTROL !== '0';
  const started = new Date();
  const results = await rateBudgetDrill(createLogger({ name: 'rate-drill', level: 'silent' }), {
    seconds,
    control,
  });
  console.log(JSON.stringify({ startedAt: started.toISOString(), results }, null, 2));
  const [shares, whole] = results;
  const count = (r: typeof shares) =>
    Object.values(r?.rateLimited ?? {}).reduce((a, b) => a + b, 0);
  console.log(`shares: ${shares?.calls} calls, ${count(shares)} × 429`);
  if (whole)
    console.log(`whole limit per app (control): ${whole.calls} calls, ${count(whole)} × 429`);

  return count(shares) === 0 && (!whole || count(whole) > 0) ? 0 : 1;
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error('The drill could not run:', error);
    process.exit(1);
  });
