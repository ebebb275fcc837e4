import { jobEnvShape, type JobSettings, toJobSettings } from '../../config/common.config';
import { skuMatchingEnvShape } from './sku-matching.contract';
import type { z } from '../../config/env';
import { type CrossCheck, jsonString } from '../../config/env';
import {
  defaultSkuMatching,
  type SkuMatching,
  type StockLocationMapping,
  stockLocationMappingSchema,
} from './stock-mapping.schema';

/**
 * Configuration keys of the stock-sync flow. They are declared once for the whole connector
 * (connect.yaml `inheritAs`), because sync-admin replays this flow's failures in-process
 * with the same settings. Both are optional here so apps that never sync stock start without
 * them; the stock-sync app requires `STOCK_LOCATION_MAPPING` (`stockMappingRequired`).
 */
export const stockSyncEnvShape = {
  /** Linnworks location → supply channel, quantity rule, safety buffer; optional aggregate. */
  STOCK_LOCATION_MAPPING: jsonString(stockLocationMappingSchema).optional(),
  /** SKU normalisation and optional EAN/UPC matching through a variant attribute. */
  ...skuMatchingEnvShape,
};

export type StockSyncEnv = z.output<z.ZodObject<typeof stockSyncEnvShape>>;

/** The location mapping is optional for the other apps, but stock-sync cannot run without it. */
export const stockMappingRequired: CrossCheck = (env) =>
  env.STOCK_LOCATION_MAPPING === undefined
    ? 'STOCK_LOCATION_MAPPING: is required for stock-sync (which Linnworks location feeds which supply channel)'
    : undefined;

/** The flow's settings, as its face takes them. */
export interface StockSyncSettings {
  mapping: StockLocationMapping;
  skuMatching: SkuMatching;
  /** How the job runs (`JOB_TIME_BUDGET_SECONDS`, `DRY_RUN`); left out, the defaults. */
  job?: Partial<JobSettings>;
  /** Benchmarks and tests: writes in flight and the sweep's page size. */
  tuning?: { writeConcurrency?: number; pageSize?: number; hotIntervalMs?: number };
}

/** The settings from the environment; undefined when no location mapping is configured. */
export function toStockSyncSettings(
  env: StockSyncEnv,
  job?: JobSettings,
): StockSyncSettings | undefined {
  if (!env.STOCK_LOCATION_MAPPING) return undefined;

  return {
    mapping: env.STOCK_LOCATION_MAPPING,
    skuMatching: env.STOCK_SKU_MATCHING ?? defaultSkuMatching,
    ...(job ? { job } : {}),
  };
}

/** Keys only the stock-sync job app reads: how long a run may work, and dry run by default. */
export const stockSyncJobEnvShape = { ...jobEnvShape };

export const toStockSyncJobSettings = toJobSettings;
