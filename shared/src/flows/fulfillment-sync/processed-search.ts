import type { LinnworksApi } from '../../linnworks/linnworks-api.port';
import type { LinnworksDateField, LinnworksProcessedOrder } from '../../linnworks/linnworks-types';

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
  linnworks: LinnworksApi,
  args: {
    dateField: LinnworksDateField;
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
