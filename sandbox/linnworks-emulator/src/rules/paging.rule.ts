/** Rows of a 1-based page; only the page is copied. */
export function pageSlice<T>(rows: readonly T[], pageNumber: number, perPage: number): T[] {
  const start = (Math.max(1, pageNumber) - 1) * perPage;

  return rows.slice(start, start + perPage);
}

/** SDK `GenericPagedResult<T>`. */
export function pagedResult<T>(
  rows: readonly T[],
  pageNumber: number,
  perPage: number,
  view: (row: T) => unknown,
) {
  return {
    PageNumber: pageNumber,
    EntriesPerPage: perPage,
    TotalEntries: rows.length,
    TotalPages: Math.ceil(rows.length / perPage),
    Data: pageSlice(rows, pageNumber, perPage).map(view),
  };
}

/** Inclusive date range test; a missing bound is open. */
export function inRange(date: Date | null, from: Date | null, to: Date | null): boolean {
  if (!date) return false;
  const t = date.getTime();

  return (!from || t >= from.getTime()) && (!to || t <= to.getTime());
}
