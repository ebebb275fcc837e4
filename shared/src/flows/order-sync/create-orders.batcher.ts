/**
 * Coalesces concurrent order creations of one process into Orders/CreateOrders calls of up to
 * `maxSize` orders (Linnworks takes 20 per call, reference §3.1). The first order of a batch
 * opens a window of `windowMs`; a full batch goes at once; a partial one goes when its window
 * has ended and no batch of its location is still in flight (so while the rate budget holds
 * one batch back, the next fills up instead of spending a call on a few orders). One batch per
 * stock location (CreateOrders takes one `location`).
 * Every caller gets its own order's outcome: a batch-mate's failure never becomes another's.
 */

/** Default window: long enough to gather concurrent deliveries, short against the 10 s ack. */
export const DEFAULT_ORDER_BATCH_WINDOW_MS = 200;
/** Upper bound of the window: a delivery still has most of Pub/Sub's 10 s for the calls. */
export const MAX_ORDER_BATCH_WINDOW_MS = 1_000;
/** Orders per CreateOrders call (Linnworks' documented maximum, H8412). */
export const MAX_ORDER_BATCH_SIZE = 20;

export interface BatchSettings {
  windowMs: number;
  /** 1 turns batching off: every order is sent alone, at once. */
  maxSize: number;
}

/**
 * Items whose failure says "not sent, try a little later" (the rate budget was spent) go back
 * into the next batch instead of failing, while they are younger than `maxAgeMs`: under budget
 * pressure the deliveries wait in a filling batch rather than bounce as 503s in small batches.
 */
export interface RequeuePolicy {
  when: (error: unknown) => boolean;
  maxAgeMs: number;
}

/** What a batch sender answers per item, in the order of the items. */
export type ItemOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** Sends one batch of items for one key (location); never rejects, answers every item. */
export type BatchSender<T, R> = (key: string, items: T[]) => Promise<ItemOutcome<R>[]>;

interface Waiting<T, R> {
  item: T;
  since: number;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

interface OpenBatch<T, R> {
  waiting: Waiting<T, R>[];
  timer?: NodeJS.Timeout;
  /** The window has ended: it goes as soon as nothing of its location is in flight. */
  due?: boolean;
}

export class CreateOrdersBatcher<T, R> {
  private readonly open = new Map<string, OpenBatch<T, R>>();
  private readonly inFlight = new Map<string, number>();

  constructor(
    private readonly send: BatchSender<T, R>,
    private readonly settings: BatchSettings,
    private readonly requeue?: RequeuePolicy,
  ) {}

  /** Adds an item to the open batch of `key`; resolves or rejects with this item's outcome. */
  submit(key: string, item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.enqueue(key, { item, since: Date.now(), resolve, reject });
    });
  }

  private enqueue(key: string, waiting: Waiting<T, R>): void {
    let batch = this.open.get(key);
    if (!batch) {
      batch = { waiting: [] };
      this.open.set(key, batch);
    }
    batch.waiting.push(waiting);
    const maxSize = Math.max(1, Math.min(this.settings.maxSize, MAX_ORDER_BATCH_SIZE));
    if (batch.waiting.length >= maxSize || this.settings.windowMs <= 0) {
      this.flush(key, batch);
    } else if (!batch.timer) {
      const open = batch;
      batch.timer = setTimeout(() => this.windowEnded(key, open), this.settings.windowMs);
    }
  }

  private settle(key: string, w: Waiting<T, R>, outcome: ItemOutcome<R> | undefined): void {
    if (outcome?.ok) return w.resolve(outcome.value);
    const error = outcome ? outcome.error : new Error('batch sender gave no outcome');
    const policy = this.requeue;
    if (policy?.when(error) && Date.now() - w.since < policy.maxAgeMs) {
      // Not sent: back into the next batch, after a window so the budget can free up.
      setTimeout(() => this.enqueue(key, w), Math.max(this.settings.windowMs, 50));

      return;
    }
    w.reject(error);
  }

  private windowEnded(key: string, batch: OpenBatch<T, R>): void {
    if ((this.inFlight.get(key) ?? 0) > 0) batch.due = true;
    else this.flush(key, batch);
  }

  private sent(key: string): void {
    const left = (this.inFlight.get(key) ?? 1) - 1;
    if (left > 0) this.inFlight.set(key, left);
    else this.inFlight.delete(key);
    const next = this.open.get(key);
    if (left === 0 && next?.due) this.flush(key, next);
  }

  private flush(key: string, batch: OpenBatch<T, R>): void {
    if (this.open.get(key) === batch) this.open.delete(key);
    if (batch.timer) clearTimeout(batch.timer);
    const { waiting } = batch;
    if (waiting.length === 0) return;
    batch.waiting = [];
    this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
    this.send(
      key,
      waiting.map((w) => w.item),
    )
      .finally(() => this.sent(key))
      .then(
        (outcomes) => waiting.forEach((w, i) => this.settle(key, w, outcomes[i])),
        (error: unknown) => {
          for (const w of waiting) w.reject(error);
        },
      );
  }
}
