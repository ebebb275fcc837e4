import { toCsv } from '../../src/reconcile/csv';

interface Row {
  ref: string;
  amount?: number;
}

const columns = [
  { header: 'reference', value: (r: Row) => r.ref },
  { header: 'amount', value: (r: Row) => r.amount },
];

describe('toCsv', () => {
  it('when cells hold commas, quotes or line breaks, then they are quoted per RFC 4180', () => {
    const csv = toCsv(columns, [{ ref: 'a,"b"\nc', amount: 5 }]);
    expect(csv).toBe('reference,amount\r\n"a,""b""\nc",5\r\n');
  });

  it('when a text cell starts like a formula, then it is defused with a leading quote', () => {
    const csv = toCsv(columns, [{ ref: '=HYPERLINK("x")' }, { ref: '@SUM(A1)', amount: -3 }]);
    expect(csv.split('\r\n')).toEqual([
      'reference,amount',
      `"'=HYPERLINK(""x"")",`,
      "'@SUM(A1),-3",
      '',
    ]);
  });
});
