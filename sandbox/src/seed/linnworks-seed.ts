import type { EmulatorControl } from '../../linnworks-emulator/src';
import { PRODUCTS, SHIPPING_METHODS, WAREHOUSES } from './catalog';

export interface LinnworksSeedResult {
  locations: number;
  items: number;
  postalServices: number;
}

/**
 * Seeds the Linnworks emulator to match the commercetools project: the warehouses as stock
 * locations (Default exists already), one stock item per SKU with its EAN as barcode and its
 * levels, and the postal services the shipping methods map to.
 */
export function seedLinnworks(control: EmulatorControl): LinnworksSeedResult {
  const extra = WAREHOUSES.filter((w) => w.location !== 'Default');
  control.seedLocations(extra.map((w) => ({ name: w.location })));
  const items = PRODUCTS.flatMap((product) =>
    product.variants.map((v) => ({
      sku: v.sku,
      title: v.colour ? `${product.name} (${v.colour})` : product.name,
      barcode: v.ean,
      retailPrice: v.gbp / 100,
      stock: { ...v.stock },
    })),
  );
  control.seedItems(items);
  control.seedPostalServices(
    SHIPPING_METHODS.map((m) => ({ name: m.postalService, vendor: m.vendor, tag: m.key })),
  );

  return {
    locations: WAREHOUSES.length,
    items: items.length,
    postalServices: SHIPPING_METHODS.length,
  };
}
