/** A commercetools order reference as commercetools writes it: `"resource":{"typeId":"order","id":"…"}`. */
const ORDER_REF = [
  /"resource"\s*:\s*\{\s*"typeId"\s*:\s*"order"\s*,\s*"id"\s*:\s*"([-a-zA-Z0-9_]{1,64})"/,
  /"resource"\s*:\s*\{\s*"id"\s*:\s*"([-a-zA-Z0-9_]{1,64})"\s*,\s*"typeId"\s*:\s*"order"/,
];
const MESSAGE_ID = /"message_?[iI]d"\s*:\s*"([^"\\]{1,128})"/;
/** Where the base64 payload of a Pub/Sub envelope starts. */
const DATA_START = /"data"\s*:\s*"/;
/** Long enough to hold any match above across a chunk boundary. */
const TAIL = 256;

export interface ScanResult {
  orderId?: string;
  messageId?: string;
}

function firstMatch(text: string, patterns: RegExp[]): string | undefined {
  for (const pattern of patterns) {
    const id = pattern.exec(text)?.[1];
    if (id) return id;
  }

  return undefined;
}

/**
 * Reads the commercetools order id (and Pub/Sub message id) out of a delivery body that cannot
 * be parsed whole (over the size limit, not JSON, not an envelope), as it streams: in the raw
 * text (a raw commercetools payload) and in the base64 `data` of a Pub/Sub envelope, decoded on
 * the fly. It keeps only a short window, so memory stays the same however large the body.
 */
export class OrderIdScanner {
  private readonly found: ScanResult = {};
  private inData = false;
  private rawTail = '';
  private decodedTail = '';
  private base64Carry = '';

  write(chunk: Buffer): void {
    // latin1 maps bytes 1:1; everything searched for (JSON syntax, ids, base64) is ASCII.
    let text = chunk.toString('latin1');
    while (text.length > 0) text = this.inData ? this.readData(text) : this.readRaw(text);
  }

  end(): ScanResult {
    if (this.inData) this.decode(true);

    return { ...this.found };
  }

  private readRaw(text: string): string {
    const window = this.rawTail + text;
    this.found.orderId ??= firstMatch(window, ORDER_REF);
    this.found.messageId ??= firstMatch(window, [MESSAGE_ID]);
    const start = DATA_START.exec(window);
    if (start) {
      this.inData = true;
      this.rawTail = '';

      return window.slice(start.index + start[0].length);
    }
    this.rawTail = window.slice(-TAIL);

    return '';
  }

  /** Base64 up to the closing quote; JSON may escape `/` as `\/`. */
  private readData(text: string): string {
    const close = text.indexOf('"');
    const part = close < 0 ? text : text.slice(0, close);
    this.base64Carry += part.replace(/[\\\s]/g, '');
    this.decode(close >= 0);
    if (close < 0) return '';
    this.inData = false;

    return text.slice(close + 1);
  }

  private decode(final: boolean): void {
    const usable = final
      ? this.base64Carry.length
      : this.base64Carry.length - (this.base64Carry.length % 4);
    if (usable === 0) return;
    const decoded = Buffer.from(this.base64Carry.slice(0, usable), 'base64').toString('latin1');
    this.base64Carry = this.base64Carry.slice(usable);
    const window = this.decodedTail + decoded;
    this.found.orderId ??= firstMatch(window, ORDER_REF);
    this.decodedTail = final ? '' : window.slice(-TAIL);
  }
}

/** The scan of a whole body at once. */
export function scanDelivery(body: Buffer): ScanResult {
  const scanner = new OrderIdScanner();
  scanner.write(body);

  return scanner.end();
}
