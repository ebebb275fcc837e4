import type { IncomingMessage } from 'node:http';

import { OrderIdScanner, type ScanResult } from 'shared';

/**
 * Bodies up to this size are parsed whole. A commercetools order message is far smaller; one
 * larger is still answered (and its order, if it can be read, recorded), never refused.
 */
export const DELIVERY_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

export type DeliveryBody = { complete: Buffer } | { tooLarge: ScanResult & { bytes: number } };

/**
 * Reads the request body: whole up to `limitBytes`; past that, the rest streams through a scan
 * for the order id and is dropped, so a body of any size costs the same memory and is still
 * answered (Pub/Sub would redeliver a refused one for 7 days).
 */
export function readDeliveryBody(req: IncomingMessage, limitBytes: number): Promise<DeliveryBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let scanner: OrderIdScanner | undefined;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (scanner) {
        scanner.write(chunk);
      } else if (bytes > limitBytes) {
        scanner = new OrderIdScanner();
        for (const kept of chunks) scanner.write(kept);
        chunks.length = 0;
        scanner.write(chunk);
      } else {
        chunks.push(chunk);
      }
    });
    req.once('end', () =>
      resolve(
        scanner ? { tooLarge: { ...scanner.end(), bytes } } : { complete: Buffer.concat(chunks) },
      ),
    );
    req.once('error', reject);
  });
}
