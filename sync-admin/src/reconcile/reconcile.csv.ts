import { type CsvColumn, toCsv } from './csv';
import type { OrderDiscrepancy, StockDiscrepancy, Unavailable } from 'shared';

/** A report on demand (`POST /reconcile`) or stored by the scheduled run (`GET /reconcile/latest`). */
interface ReportWithFindings {
  orders?: { discrepancies: OrderDiscrepancy[] } | Unavailable;
  stock?: { discrepancies: StockDiscrepancy[] } | Unavailable;
}

interface CsvRow {
  section: 'orders' | 'stock';
  kind: string;
  reference?: string;
  ctOrderId?: string;
  lwOrderIds?: string;
  sku?: string;
  channelKey?: string;
  commercetools?: string | number;
  linnworks?: string | number;
  difference?: number;
}

const columns: CsvColumn<CsvRow>[] = (
  [
    'section',
    'kind',
    'reference',
    'ctOrderId',
    'lwOrderIds',
    'sku',
    'channelKey',
    'commercetools',
    'linnworks',
    'difference',
  ] as const
).map((header) => ({ header, value: (row: CsvRow) => row[header] }));

function orderRow(d: OrderDiscrepancy): CsvRow {
  const { kind, reference, ctOrderId, commercetools, linnworks } = d;
  const lwOrderIds = d.lwOrderIds.join(' ');

  return { section: 'orders', kind, reference, ctOrderId, lwOrderIds, commercetools, linnworks };
}

/** Stock cells: commercetools' quantity against the one stock-sync would write. */
function stockRow(d: StockDiscrepancy): CsvRow {
  const cells = { commercetools: d.ctQuantity, linnworks: d.expectedQuantity };

  return {
    section: 'stock',
    kind: d.kind,
    sku: d.sku,
    channelKey: d.channelKey,
    ...cells,
    difference: d.difference,
  };
}

/** One CSV row per discrepancy, orders first; a section that was unavailable has no rows. */
export function reconcileReportCsv(report: ReportWithFindings): string {
  const rows: CsvRow[] = [];
  if (report.orders && 'discrepancies' in report.orders)
    rows.push(...report.orders.discrepancies.map(orderRow));
  if (report.stock && 'discrepancies' in report.stock)
    rows.push(...report.stock.discrepancies.map(stockRow));

  return toCsv(columns, rows);
}
