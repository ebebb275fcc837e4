import { jsonString } from '../../config/env';
import { skuMatchingSchema, stockLocationMappingSchema } from './stock-mapping.schema';

/**
 * Configuration keys of the stock-sync flow. They are declared once for the whole connector
 * (connect.yaml `inheritAs`), because sync-admin replays this flow's failures in-process
 * with the same settings. Both are optional here so apps that never sync stock start without
 * them; the stock-sync app requires `STOCK_LOCATION_MAPPING` (see its config).
 */
export const stockSyncEnvShape = {
  /** Linnworks location → supply channel, quantity rule, safety buffer; optional aggregate. */
  STOCK_LOCATION_MAPPING: jsonString(stockLocationMappingSchema).optional(),
  /** SKU normalisation and optional EAN/UPC matching through a variant attribute. */
  STOCK_SKU_MATCHING: jsonString(skuMatchingSchema).optional(),
};
