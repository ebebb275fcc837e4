/**
 * The sandbox's merchant: one catalogue, described once, from which both the commercetools
 * project and the Linnworks emulator are seeded so the two systems match.
 */

export const SANDBOX_PROJECT_KEY = 'sandbox-shop';

/** Linnworks stock locations and the commercetools supply channels they feed. */
export const WAREHOUSES = [
  { location: 'Default', channel: 'wh-london', name: 'London warehouse' },
  { location: 'Manchester', channel: 'wh-manchester', name: 'Manchester warehouse' },
  { location: 'Berlin', channel: 'wh-berlin', name: 'Berlin warehouse' },
] as const;

export type WarehouseLocation = (typeof WAREHOUSES)[number]['location'];

/** Stores: UK prices include VAT, the EU B2B store's prices exclude it. */
export const STORES = [
  {
    key: 'uk-store',
    name: 'UK web shop',
    currency: 'GBP',
    country: 'GB',
    subSource: 'uk-web',
    location: 'Default',
  },
  {
    key: 'eu-b2b',
    name: 'EU trade shop',
    currency: 'EUR',
    country: 'DE',
    subSource: 'eu-b2b',
    location: 'Berlin',
  },
] as const;

export type StoreKey = (typeof STORES)[number]['key'];

/** Tax categories: per country, one rate included in the price (GB) and one added (DE). */
export const TAX_CATEGORIES = [
  {
    key: 'standard',
    name: 'Standard rate',
    rates: [
      { name: 'UK VAT 20%', amount: 0.2, includedInPrice: true, country: 'GB' },
      { name: 'DE MwSt 19%', amount: 0.19, includedInPrice: false, country: 'DE' },
    ],
  },
  {
    key: 'reduced',
    name: 'Reduced rate (books)',
    rates: [
      { name: 'UK VAT 0%', amount: 0, includedInPrice: true, country: 'GB' },
      { name: 'DE MwSt 7%', amount: 0.07, includedInPrice: false, country: 'DE' },
    ],
  },
] as const;

export const ZONES = [
  { key: 'uk', name: 'United Kingdom', countries: ['GB'] },
  { key: 'eu', name: 'Germany', countries: ['DE'] },
] as const;

/** Shipping methods with a rate per zone (minor units) and the Linnworks service they map to. */
export const SHIPPING_METHODS = [
  {
    key: 'standard',
    name: 'Standard delivery',
    postalService: 'Royal Mail 24',
    vendor: 'Royal Mail',
    rates: [
      { zone: 'uk', currency: 'GBP', centAmount: 399 },
      { zone: 'eu', currency: 'EUR', centAmount: 690 },
    ],
  },
  {
    key: 'express',
    name: 'Express next day',
    postalService: 'DPD Next Day',
    vendor: 'DPD',
    rates: [
      { zone: 'uk', currency: 'GBP', centAmount: 899 },
      { zone: 'eu', currency: 'EUR', centAmount: 1490 },
    ],
  },
] as const;

export type ShippingMethodKey = (typeof SHIPPING_METHODS)[number]['key'];

export interface CatalogVariant {
  sku: string;
  ean: string;
  /** Price in GBP (VAT included) and EUR (VAT excluded), minor units. */
  gbp: number;
  eur: number;
  /** Stock per Linnworks location. */
  stock: Record<WarehouseLocation, number>;
  colour?: string;
}

export interface CatalogProduct {
  key: string;
  name: string;
  taxCategory: 'standard' | 'reduced';
  variants: CatalogVariant[];
}

export const PRODUCTS: CatalogProduct[] = [
  {
    key: 'enamel-mug',
    name: 'Enamel camping mug',
    taxCategory: 'standard',
    variants: [
      {
        sku: 'MUG-ENM-BLU',
        ean: '5012345000017',
        gbp: 1299,
        eur: 1250,
        colour: 'blue',
        stock: { Default: 40, Manchester: 12, Berlin: 25 },
      },
      {
        sku: 'MUG-ENM-GRN',
        ean: '5012345000024',
        gbp: 1299,
        eur: 1250,
        colour: 'green',
        stock: { Default: 18, Manchester: 6, Berlin: 9 },
      },
    ],
  },
  {
    key: 'wool-beanie',
    name: 'Merino wool beanie',
    taxCategory: 'standard',
    variants: [
      {
        sku: 'HAT-MER-GRY',
        ean: '5012345000031',
        gbp: 2450,
        eur: 2290,
        colour: 'grey',
        stock: { Default: 30, Manchester: 20, Berlin: 14 },
      },
      {
        sku: 'HAT-MER-RED',
        ean: '5012345000048',
        gbp: 2450,
        eur: 2290,
        colour: 'red',
        stock: { Default: 11, Manchester: 0, Berlin: 7 },
      },
    ],
  },
  {
    key: 'trail-guide',
    name: 'Lake District trail guide (book)',
    taxCategory: 'reduced',
    variants: [
      {
        sku: 'BOOK-TRAIL-01',
        ean: '9781234567897',
        gbp: 1599,
        eur: 1800,
        stock: { Default: 55, Manchester: 15, Berlin: 4 },
      },
    ],
  },
  {
    key: 'steel-bottle',
    name: 'Insulated steel bottle 750 ml',
    taxCategory: 'standard',
    variants: [
      {
        sku: 'BTL-STL-750',
        ean: '5012345000055',
        gbp: 2999,
        eur: 2690,
        stock: { Default: 22, Manchester: 10, Berlin: 30 },
      },
    ],
  },
  {
    key: 'headtorch',
    name: 'Rechargeable head torch',
    taxCategory: 'standard',
    variants: [
      {
        sku: 'TORCH-USB-300',
        ean: '5012345000062',
        gbp: 3499,
        eur: 3190,
        stock: { Default: 9, Manchester: 4, Berlin: 16 },
      },
    ],
  },
];

export const ALL_VARIANTS: CatalogVariant[] = PRODUCTS.flatMap((p) => p.variants);

/**
 * A new arrival listed in commercetools before the warehouse set it up in Linnworks: orders for
 * it wait in the failure queue (unknown SKU) until the item exists in Linnworks and is replayed.
 */
export const NEW_ARRIVAL: CatalogProduct = {
  key: 'led-lantern',
  name: 'Folding LED lantern',
  taxCategory: 'standard',
  variants: [
    {
      sku: 'LANTERN-LED-01',
      ean: '5012345000079',
      gbp: 1999,
      eur: 1890,
      stock: { Default: 20, Manchester: 0, Berlin: 0 },
    },
  ],
};

/** A cart discount (10 % off every line) and the code that activates it. */
export const DISCOUNT = { cartDiscountKey: 'welcome-10', code: 'WELCOME10', permyriad: 1000 };

/**
 * Customers whose personal data travels in orders. The log-hygiene check scans all logs for
 * these emails, phone numbers and street names: none may appear.
 */
export const CUSTOMERS = [
  {
    key: 'cust-amelia',
    email: 'amelia.hartley@example.co.uk',
    firstName: 'Amelia',
    lastName: 'Hartley',
    address: {
      streetName: 'Wordsworth Crescent',
      streetNumber: '17',
      postalCode: 'LA22 9HJ',
      city: 'Ambleside',
      country: 'GB',
      phone: '+44 7700 900123',
    },
  },
  {
    key: 'cust-jonas',
    email: 'jonas.brandt@example.de',
    firstName: 'Jonas',
    lastName: 'Brandt',
    company: 'Brandt Outdoor GmbH',
    address: {
      streetName: 'Kastanienallee',
      streetNumber: '42',
      postalCode: '10435',
      city: 'Berlin',
      country: 'DE',
      phone: '+49 30 901820',
    },
  },
  {
    key: 'cust-priya',
    email: 'priya.natarajan@example.co.uk',
    firstName: 'Priya',
    lastName: 'Natarajan',
    address: {
      streetName: 'Ancoats Gardens',
      streetNumber: '8',
      postalCode: 'M4 6EF',
      city: 'Manchester',
      country: 'GB',
      phone: '+44 161 4960000',
    },
  },
] as const;

export type SandboxCustomer = (typeof CUSTOMERS)[number];

/** Personal values that must never reach a log line. */
export function personalDataValues(): string[] {
  return CUSTOMERS.flatMap((c) => [
    c.email,
    c.address.phone,
    c.address.streetName,
    `${c.firstName} ${c.lastName}`,
  ]);
}
