import { isClosed, partitionDay, TimeWindow, validateWindow, windowDayRange, windowDays } from './time-window';
import { thrown } from '../../test/helpers/thrown';

const at = (iso: string): Date => new Date(iso);
const win = (from: string, to: string): TimeWindow => ({ from: at(from), to: at(to) });


describe('validateWindow', () => {
  it.each([
    ['a one-hour window', '2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z', 31],
    ['a one-millisecond window', '2026-12-01T10:00:00.000Z', '2026-12-01T10:00:00.001Z', 31],
    ['a window of exactly maxDays', '2026-12-01T00:00:00Z', '2027-01-01T00:00:00Z', 31],
    ['a window of exactly one day when maxDays is 1', '2026-12-01T06:00:00Z', '2026-12-02T06:00:00Z', 1],
    ['a window across a leap day', '2028-02-28T00:00:00Z', '2028-03-01T00:00:00Z', 2],
  ])('accepts %s and returns the same window', (_name, from, to, maxDays) => {
    const w = win(from, to);
    expect(validateWindow(w, maxDays)).toBe(w);
  });

  it.each([
    ['an inverted window', '2026-12-02T00:00:00Z', '2026-12-01T00:00:00Z', 31, 'window', /^window: from must be earlier than to/],
    ['an empty (from = to) window', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z', 31, 'window', /^window: from must be earlier than to/],
    ['a window one millisecond over maxDays', '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.001Z', 31, 'window', /^window: must span at most 31 days .*"31 days \+ 1 ms"$/],
    ['a window of 1.5 days when maxDays is 1', '2026-12-01T00:00:00Z', '2026-12-02T12:00:00Z', 1, 'window', /^window: must span at most 1 days .*"1\.50 days"$/],
  ])('rejects %s as BAD_USER_INPUT naming `window`', (_name, from, to, maxDays, argument, message) => {
    const err = thrown(() => validateWindow(win(from, to), maxDays));
    expect(err.extensions.code).toBe('BAD_USER_INPUT');
    expect(err.extensions.argument).toBe(argument);
    expect(err.message).toMatch(message);
  });

  it('reports the received instants of an inverted window in the message', () => {
    const err = thrown(() => validateWindow(win('2026-12-02T00:00:00Z', '2026-12-01T00:00:00Z'), 31));
    expect(err.message).toContain('"from":"2026-12-02T00:00:00.000Z"');
    expect(err.message).toContain('"to":"2026-12-01T00:00:00.000Z"');
  });

  it.each([
    ['an invalid from', 'window.from', { from: new Date('nope'), to: at('2026-12-01T00:00:00Z') }],
    ['an invalid to', 'window.to', { from: at('2026-12-01T00:00:00Z'), to: new Date(Number.NaN) }],
    ['both invalid (from is reported first)', 'window.from', { from: new Date('x'), to: new Date('y') }],
    ['a from that is not a Date', 'window.from', { from: '2026-12-01T00:00:00Z' as unknown as Date, to: at('2026-12-02T00:00:00Z') }],
  ])('rejects %s naming `%s`', (_name, argument, w) => {
    const err = thrown(() => validateWindow(w, 31));
    expect(err.extensions.code).toBe('BAD_USER_INPUT');
    expect(err.extensions.argument).toBe(argument);
    expect(err.message).toBe(`${argument}: must be an ISO-8601 instant`);
  });

  it.each([
    ['an invalid from', 'range.from', { from: new Date('nope'), to: at('2026-12-01T00:00:00Z') }],
    ['an inverted window', 'range', win('2026-12-02T00:00:00Z', '2026-12-01T00:00:00Z')],
  ])('uses the argument name it is given for %s (`%s`)', (_name, argument, w) => {
    const err = thrown(() => validateWindow(w, 31, 'range'));
    expect(err.extensions.argument).toBe(argument);
    expect(err.message.startsWith(`${argument}: `)).toBe(true);
  });
});

describe('partitionDay', () => {
  it.each([
    ['2026-12-01T00:00:00.000Z', '2026/12/01'],
    ['2026-03-05T23:59:59.999Z', '2026/03/05'],
    ['2026-01-09T12:00:00Z', '2026/01/09'],
    ['2028-02-29T06:00:00Z', '2028/02/29'],
    // an instant written with an offset is still named by its UTC day
    ['2026-12-01T23:30:00-05:00', '2026/12/02'],
    ['2026-12-02T01:30:00+02:00', '2026/12/01'],
  ])('names %s as %s (UTC, zero-padded)', (iso, day) => {
    expect(partitionDay(at(iso))).toBe(day);
  });
});

describe('windowDays and windowDayRange', () => {
  it.each([
    ['a window ending exactly at midnight excludes the next day', '2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z', ['2026/12/01']],
    ['a window ending one millisecond after midnight includes the next day', '2026-12-01T00:00:00Z', '2026-12-02T00:00:00.001Z', ['2026/12/01', '2026/12/02']],
    ['a window inside one day', '2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z', ['2026/12/01']],
    ['a one-millisecond window at midnight', '2026-12-02T00:00:00.000Z', '2026-12-02T00:00:00.001Z', ['2026/12/02']],
    ['a one-millisecond window just before midnight', '2026-12-01T23:59:59.999Z', '2026-12-02T00:00:00.000Z', ['2026/12/01']],
    ['a window starting late in the day', '2026-12-01T23:59:00Z', '2026-12-03T00:00:00Z', ['2026/12/01', '2026/12/02']],
    ['a month boundary', '2026-01-31T23:00:00Z', '2026-02-01T01:00:00Z', ['2026/01/31', '2026/02/01']],
    ['a 30-day month boundary', '2026-04-30T12:00:00Z', '2026-05-01T12:00:00Z', ['2026/04/30', '2026/05/01']],
    ['a year boundary', '2026-12-31T22:00:00Z', '2027-01-01T02:00:00Z', ['2026/12/31', '2027/01/01']],
    ['a year boundary ending at midnight', '2026-12-31T00:00:00Z', '2027-01-01T00:00:00Z', ['2026/12/31']],
    ['a leap day', '2028-02-28T12:00:00Z', '2028-03-01T12:00:00Z', ['2028/02/28', '2028/02/29', '2028/03/01']],
    ['February of a non-leap year', '2027-02-28T12:00:00Z', '2027-03-01T12:00:00Z', ['2027/02/28', '2027/03/01']],
    ['a century non-leap year', '2100-02-28T00:00:00Z', '2100-03-02T00:00:00Z', ['2100/02/28', '2100/03/01']],
    ['offsets in the input (23:00Z to 01:00Z)', '2026-11-30T20:00:00-03:00', '2026-12-01T02:00:00+01:00', ['2026/11/30', '2026/12/01']],
  ])('%s', (_name, from, to, days) => {
    const w = win(from, to);
    expect(windowDays(w)).toEqual(days);
    expect(windowDayRange(w)).toEqual([days[0], days[days.length - 1]]);
  });

  it('lists every day of a 31-day window in order, the range being its first and last', () => {
    const w = win('2026-12-15T00:00:00Z', '2027-01-15T00:00:00Z');
    const days = windowDays(w);
    expect(days).toHaveLength(31);
    expect(days[0]).toBe('2026/12/15');
    expect(days[16]).toBe('2026/12/31');
    expect(days[17]).toBe('2027/01/01');
    expect(days[30]).toBe('2027/01/14');
    expect([...days].sort()).toEqual(days);
    expect(new Set(days).size).toBe(31);
    expect(windowDayRange(w)).toEqual(['2026/12/15', '2027/01/14']);
  });

  it('does not mutate the window', () => {
    const w = win('2026-12-01T10:00:00Z', '2026-12-03T00:00:00Z');
    windowDays(w);
    windowDayRange(w);
    expect(w.from.toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(w.to.toISOString()).toBe('2026-12-03T00:00:00.000Z');
  });
});

describe('isClosed', () => {
  const now = at('2026-12-10T12:00:00Z');
  it.each([
    ['a window ending exactly the default one-hour lag before now', true, '2026-12-10T11:00:00.000Z', undefined],
    ['a window ending one millisecond inside the default lag', false, '2026-12-10T11:00:00.001Z', undefined],
    ['a window ending a day ago', true, '2026-12-09T12:00:00Z', undefined],
    ['a window ending now', false, '2026-12-10T12:00:00Z', undefined],
    ['a window ending in the future', false, '2026-12-11T00:00:00Z', undefined],
    ['a window ending now with no lag', true, '2026-12-10T12:00:00Z', 0],
    ['a window ending one millisecond after now with no lag', false, '2026-12-10T12:00:00.001Z', 0],
    ['a window ending 10 minutes ago with a 15-minute lag', false, '2026-12-10T11:50:00Z', 15 * 60 * 1000],
    ['a window ending 20 minutes ago with a 15-minute lag', true, '2026-12-10T11:40:00Z', 15 * 60 * 1000],
  ])('%s is closed: %s', (_name, closed, to, lag) => {
    const w = { from: at('2026-12-01T00:00:00Z'), to: at(to) };
    expect(isClosed(w, now, lag)).toBe(closed);
  });
});
