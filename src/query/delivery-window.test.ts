import { SqlParts } from './query-plan';
import { addDeliveryWindowPredicate, deliveryDayRange, deliveryRange } from './delivery-window';

const w = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });
const iso = (ms: number): string => new Date(ms).toISOString();

describe('the delivery window of logs partitioned by delivery time', () => {
  it.each([
    // window                                          objects delivered in [from, to)                            day partitions
    ['2026-11-30T00:00:00Z', '2026-12-01T00:00:00Z', '2026-11-30T00:00:00.000Z', '2026-12-01T01:00:00.000Z', '2026/11/30', '2026/12/01'],
    ['2026-11-30T10:00:00Z', '2026-11-30T12:00:00Z', '2026-11-30T00:00:00.000Z', '2026-12-01T00:00:00.000Z', '2026/11/30', '2026/11/30'],
    ['2026-11-30T10:00:00Z', '2026-11-30T23:00:00Z', '2026-11-30T00:00:00.000Z', '2026-12-01T00:00:00.000Z', '2026/11/30', '2026/11/30'],
    ['2026-11-30T10:00:00Z', '2026-11-30T23:30:00Z', '2026-11-30T00:00:00.000Z', '2026-12-01T00:30:00.000Z', '2026/11/30', '2026/12/01'],
    ['2026-11-29T22:15:00Z', '2026-12-02T00:00:00Z', '2026-11-29T00:00:00.000Z', '2026-12-02T01:00:00.000Z', '2026/11/29', '2026/12/02'],
    ['2026-12-31T23:59:59Z', '2027-01-01T00:00:00Z', '2026-12-31T00:00:00.000Z', '2027-01-01T01:00:00.000Z', '2026/12/31', '2027/01/01'],
  ])('%s → %s reads objects delivered from %s to %s (days %s to %s)', (from, to, dFrom, dTo, firstDay, lastDay) => {
    const r = deliveryRange(w(from, to));
    expect([iso(r.fromMs), iso(r.toMs)]).toEqual([dFrom, dTo]);
    expect(deliveryDayRange(w(from, to))).toEqual([firstDay, lastDay]);
  });

  it('adds the day range first, then the exact bounds of the window on the time expression', () => {
    const parts = new SqlParts();
    addDeliveryWindowPredicate(parts, w('2026-11-30T00:00:00Z', '2026-12-01T00:00:00Z'), 't(x)');
    expect(parts.clauses).toEqual(['day BETWEEN ? AND ?', 't(x) >= from_iso8601_timestamp(?)', 't(x) < from_iso8601_timestamp(?)']);
    expect(parts.params).toEqual(['2026/11/30', '2026/12/01', '2026-11-30T00:00:00.000Z', '2026-12-01T00:00:00.000Z']);
  });
});
