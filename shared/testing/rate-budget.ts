import type { RateBudget } from '../src/linnworks/rate-budget';

/** A budget that never waits: for tests and benchmarks against an emulator with limits off. */
export const unlimitedRateBudget: RateBudget = { acquire: () => Promise.resolve() };
