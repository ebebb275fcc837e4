import { lwDate, lwDateOrNull } from '../lw-format';
import type { StockStore } from '../state/stock-store';
import type { PostalServiceRecord, StockItemRecord, StockLocationRecord } from '../state/records';

type Json = Record<string, unknown>;

/** SDK `StockLocation`. */
export function stockLocationView(location: StockLocationRecord): Json {
  return {
    Address1: '',
    Address2: '',
    City: '',
    County: '',
    Country: '',
    ZipCode: '',
    IsNotTrackable: location.isNotTrackable,
    LocationTag: location.tag,
    CountInOrderUntilAcknowledgement: false,
    FulfilmentCenterDeductStockWhenProcessed: false,
    IsWarehouseManaged: false,
    StockLocationId: location.id,
    LocationName: location.name,
    IsFulfillmentCenter: location.isFulfillmentCenter,
    StockLocationIntId: location.intId,
  };
}

/** SDK `StockItemLevel`: Available = StockLevel − InOrders, may be negative (reference §4.2). */
export function stockItemLevelView(
  stock: StockStore,
  item: StockItemRecord,
  location: StockLocationRecord,
): Json {
  const level = stock.level(item.id, location.id);

  return {
    Location: {
      StockLocationId: location.id,
      StockLocationIntId: location.intId,
      LocationName: location.name,
      IsFulfillmentCenter: location.isFulfillmentCenter,
      LocationTag: location.tag,
      BinRack: '',
      IsWarehouseManaged: false,
    },
    StockLevel: level.stockLevel,
    StockValue: level.stockLevel * item.purchasePrice,
    MinimumLevel: level.minimumLevel,
    InOrderBook: level.inOrders,
    Due: level.due,
    JIT: false,
    InOrders: level.inOrders,
    Available: level.stockLevel - level.inOrders,
    UnitCost: item.purchasePrice,
    SKU: item.sku,
    AutoAdjust: false,
    LastUpdateDate: lwDate(level.lastUpdateDate),
    LastUpdateOperation: level.lastUpdateOperation,
    rowid: item.id,
    PendingUpdate: false,
    StockItemPurchasePrice: item.purchasePrice,
    StockItemId: item.id,
    StockItemIntId: item.intId,
  };
}

/** One level row per location, for every location (reference §10.7). */
export function stockLevelsView(stock: StockStore, item: StockItemRecord): Json[] {
  return [...stock.locations.values()].map((location) => stockItemLevelView(stock, item, location));
}

/** SDK `StockItemFull`; `StockLevels` only when the StockLevels requirement was asked for. */
export function stockItemFullView(
  stock: StockStore,
  item: StockItemRecord,
  withLevels: boolean,
): Json {
  return {
    Suppliers: [],
    StockLevels: withLevels ? stockLevelsView(stock, item) : [],
    ItemChannelDescriptions: [],
    ItemExtendedProperties: [],
    ItemChannelTitles: [],
    ItemChannelPrices: [],
    Images: [],
    ItemNumber: item.sku,
    ItemTitle: item.title,
    BarcodeNumber: item.barcode,
    MetaData: '',
    IsVariationParent: item.isVariationParent,
    isBatchedStockType: false,
    PurchasePrice: item.purchasePrice,
    RetailPrice: item.retailPrice,
    TaxRate: item.taxRate,
    PostalServiceId: '00000000-0000-0000-0000-000000000000',
    PostalServiceName: '',
    CategoryId: '00000000-0000-0000-0000-000000000000',
    CategoryName: 'Default',
    PackageGroupId: '00000000-0000-0000-0000-000000000000',
    PackageGroupName: 'Default',
    Height: 0,
    Width: 0,
    Depth: 0,
    Weight: item.weight,
    CreationDate: lwDateOrNull(item.createdAt),
    InventoryTrackingType: 0,
    BatchNumberScanRequired: false,
    SerialNumberScanRequired: false,
    StockItemId: item.id,
    StockItemIntId: item.intId,
  };
}

/** SDK `PostalService_WithChannelAndShippingLinks`. */
export function postalServiceView(service: PostalServiceRecord): Json {
  return {
    id: service.id,
    hasMappedShippingService: false,
    Channels: [],
    ShippingServices: [],
    PostalServiceName: service.name,
    PostalServiceTag: service.tag,
    ServiceCountry: '',
    PostalServiceCode: service.code,
    Vendor: service.vendor,
    PrintModule: '',
    PrintModuleTitle: '',
    pkPostalServiceId: service.id,
    TrackingNumberRequired: service.trackingNumberRequired,
    WeightRequired: false,
    IgnorePackagingGroup: false,
    fkShippingAPIConfigId: 0,
    IntegratedServiceId: null,
  };
}
