import type { LinnworksFulfillmentSyncPort } from './linnworks-fulfillment-sync.port';
import type { LinnworksProcessedOrder } from '../../linnworks/linnworks-types';
import { windowFrom } from './cursor.repo';
import { type FeedOutcome, type FeedRun, saveCursor } from './feed-runner';

export interface ProcessedPage {
  rows: LinnworksProcessedOrder[];
  pageNumber: number;
  totalPages: number;
}

/**
 * Pages through SearchProcessedOrders for one date field and window, oldest first, only the
 * connector's Source (filtered by Linnworks and checked again here), each order once per run.
 */
export async function* searchProcessed(
  linnworks: LinnworksFulfillmentSyncPort,
  args: {
    dateField: 'processed' | 'cancelled';
    from: Date;
    to: Date;
    pageSize: number;
    source: string;
    seen: Set<string>;
  },
): AsyncGenerator<ProcessedPage & { all: LinnworksProcessedOrder[] }> {
  let pageNumber = 1;
  for (;;) {
    const page = await linnworks.searchProcessedOrders({
      dateField: args.dateField,
      from: args.from,
      to: args.to,
      pageNumber,
      resultsPerPage: args.pageSize,
      filters: [{ SearchField: 'Source', SearchTerm: args.source }],
      sortDirection: 'ASC',
    });
    const source = args.source.toLowerCase();
    const rows = page.Data.filter((row) => {
      if (row.Source.toLowerCase() !== source || args.seen.has(row.pkOrderID)) return false;
      args.seen.add(row.pkOrderID);

      return true;
    });
    yield { rows, all: page.Data, pageNumber, totalPages: page.TotalPages };
    if (page.Data.length === 0 || pageNumber >= page.TotalPages) return;
    pageNumber++;
  }
}

/** The latest date of a field among rows, as ISO, or undefined. */
export function latest(
  rows: LinnworksProcessedOrder[],
  field: 'dProcessedOn' | 'dCancelledOn',
): string | undefined {
  let max: string | undefined;
  for (const row of rows) {
    const value = row[field];
    if (value && (!max || value > max)) max = value;
  }

  return max;
}

const DATE_OF = { processed: 'dProcessedOn', cancelled: 'dCancelledOn' } as const;

/**
 * Runs a date-range feed: SearchProcessedOrders on its date field from the feed's cursor (less
 * the overlap, or the first-run lookback) to now, page by page. The cursor moves to the latest
 * date of a page only once `applyPage` has applied it; the time budget is checked between pages.
 */
export async function walkDateFeed(
  run: FeedRun,
  feed: 'processed' | 'cancelled',
  applyPage: (page: ProcessedPage) => Promise<void>,
): Promise<FeedOutcome> {
  const cursor = await run.cursors.get(feed);
  const to = run.now();
  const pages = searchProcessed(run.deps.linnworks, {
    dateField: feed,
    from: windowFrom(cursor, to, run.overlapMinutes, run.initialLookbackHours),
    to,
    pageSize: run.pageSize,
    source: run.deps.settings.source,
    seen: new Set(),
  });
  for await (const page of pages) {
    await applyPage(page);
    const at = latest(page.all, DATE_OF[feed]);
    if (at && (!cursor?.at || at > cursor.at)) await saveCursor(run, feed, { at });
    if (run.outOfTime() && page.pageNumber < page.totalPages) return 'time-budget';
  }

  return 'done';
}
