import type {
  LinnworksOrderDetails,
  LinnworksProcessedOrder,
  LinnworksRefundHeader,
  LinnworksSplitPackage,
} from '../../linnworks/linnworks-types';
import type { LwOrderRef, LwPackage, LwRefundLine, LwShipment } from './fulfillment.types';

/** Pure translations of Linnworks responses into the flow's own records. */

export function refFromProcessed(row: LinnworksProcessedOrder): LwOrderRef {
  return {
    lwOrderId: row.pkOrderID,
    numOrderId: row.nOrderId,
    reference: row.ReferenceNum,
    secondaryReference: row.SecondaryReference,
    externalReference: row.ExternalReference,
    source: row.Source,
    subSource: row.SubSource,
  };
}

export function shipmentFromProcessed(row: LinnworksProcessedOrder): LwShipment {
  return {
    ...refFromProcessed(row),
    processedOn: row.dProcessedOn,
    trackingNumber: row.PostalTrackingNumber,
    vendor: row.Vendor,
    postalServiceName: row.PostalServiceName,
  };
}

export function isCancelledRow(row: LinnworksProcessedOrder): boolean {
  return row.dCancelledOn !== null || row.HoldOrCancel;
}

export function refFromDetails(order: LinnworksOrderDetails): LwOrderRef {
  return {
    lwOrderId: order.OrderId,
    numOrderId: order.NumOrderId,
    reference: order.GeneralInfo.ReferenceNum,
    secondaryReference: order.GeneralInfo.SecondaryReference,
    externalReference: order.GeneralInfo.ExternalReferenceNum,
    source: order.GeneralInfo.Source,
    subSource: order.GeneralInfo.SubSource,
  };
}

/** A processed order read back by id (replay, late tracking). */
export function shipmentFromDetails(order: LinnworksOrderDetails): LwShipment {
  return {
    ...refFromDetails(order),
    processedOn: order.ProcessedDateTime,
    trackingNumber: order.ShippingInfo.TrackingNumber,
    vendor: order.ShippingInfo.Vendor,
    postalServiceName: order.ShippingInfo.PostalServiceName,
  };
}

/** On a processed order, `HoldOrCancel` means cancelled (reference §3.3). */
export function isCancelledDetails(order: LinnworksOrderDetails): boolean {
  return order.Processed && order.GeneralInfo.HoldOrCancel;
}

/** `GetPackageSplit` rows (one per item per box) grouped into boxes by `pkBinId`, in box order. */
export function packagesFromSplit(rows: LinnworksSplitPackage[]): LwPackage[] {
  const boxes = new Map<string, LwPackage & { index: number }>();
  for (const row of rows) {
    const box = boxes.get(row.pkBinId) ?? {
      binId: row.pkBinId,
      trackingNumber: '',
      lines: [],
      index: row.BinIndex,
    };
    if (!box.trackingNumber && row.TrackingNumber) box.trackingNumber = row.TrackingNumber;
    if (row.Quantity > 0) {
      box.lines.push({ rowId: row.fkOrderItemRowId, sku: row.SKU, quantity: row.Quantity });
    }
    boxes.set(row.pkBinId, box);
  }

  return [...boxes.values()]
    .sort((a, b) => a.index - b.index)
    .map(({ binId, trackingNumber, lines }) => ({ binId, trackingNumber, lines }));
}

/**
 * Item refund and cancellation lines of an order's refund headers. Deleted lines, shipping
 * refunds and refund lines of headers not yet actioned are dropped.
 */
export function refundLinesFromHeaders(headers: LinnworksRefundHeader[]): LwRefundLine[] {
  const lines: LwRefundLine[] = [];
  for (const header of headers) {
    for (const line of header.RefundLines ?? []) {
      if (line.Deleted || !line.RefundedItem) continue;
      if (line.RefundedUnit !== 'Item' && !line.IsCancellation) continue;
      // Money counts once the refund is actioned; a cancellation applies as soon as it exists.
      if (!line.IsCancellation && !isActionedHeader(header)) continue;
      lines.push({
        refundRowId: line.RefundRowId,
        refundHeaderId: header.RefundHeaderId,
        isCancellation: line.IsCancellation,
        quantity: line.Quantity,
        cancelledQuantity: line.RefundedItem.CancelledQuantity,
        line: {
          rowId: line.RefundedItem.OrderItemRowId,
          sku: line.RefundedItem.ItemSKU || line.RefundedItem.ChannelSKU,
          quantity: line.IsCancellation
            ? line.RefundedItem.CancelledQuantity || line.Quantity
            : line.Quantity,
        },
        actionedDate: line.ActionedDate,
      });
    }
  }

  return lines;
}

/**
 * Whether a header's money has gone back to the buyer. Only actioned headers count as refunds;
 * cancellation lines apply as soon as Linnworks records them.
 */
export function isActionedHeader(header: LinnworksRefundHeader): boolean {
  return header.Actioned || header.Status === 'PROCESSED';
}
