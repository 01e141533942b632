import { describe, expect, it } from 'vitest';
import { parseCalendarDate, parseInstant } from '../../kernel/time/parse-date.ts';

describe('parseCalendarDate', () => {
  it('reads real days, leap days included, as the start of the day in UTC', () => {
    expect(parseCalendarDate('2025-01-31')).toEqual({ ok: true, date: '2025-01-31', ms: Date.UTC(2025, 0, 31) });
    expect(parseCalendarDate('2024-02-29')).toEqual({ ok: true, date: '2024-02-29', ms: Date.UTC(2024, 1, 29) });
    expect(parseCalendarDate('2000-02-29').ok).toBe(true);
    expect(parseCalendarDate('0042-03-01')).toMatchObject({ ok: true, ms: new Date(0).setUTCFullYear(42, 2, 1) });
  });

  it('refuses days that do not exist, saying why', () => {
    expect(parseCalendarDate('2025-02-30')).toEqual({
      ok: false,
      problem: '"2025-02-30" is not a date: February 2025 has 28 days',
    });
    expect(parseCalendarDate('2025-02-29')).toMatchObject({ problem: /February 2025 has 28 days/ });
    expect(parseCalendarDate('1900-02-29')).toMatchObject({ problem: /February 1900 has 28 days/ });
    expect(parseCalendarDate('2025-04-31')).toMatchObject({ problem: /April 2025 has 30 days/ });
    expect(parseCalendarDate('2025-01-00')).toMatchObject({ problem: /January 2025 has 31 days/ });
    expect(parseCalendarDate('2025-13-45')).toEqual({
      ok: false,
      problem: '"2025-13-45" is not a date: there is no month 13',
    });
    expect(parseCalendarDate('2025-00-10')).toMatchObject({ problem: /there is no month 0/ });
    expect(parseCalendarDate('0000-01-01')).toEqual({
      ok: false,
      problem: '"0000-01-01" is not a date: there is no year 0',
    });
  });

  it('refuses anything not written YYYY-MM-DD', () => {
    for (const text of [
      '2025-1-31',
      '31/01/2025',
      'tomorrow',
      '',
      '2025-01-31T00:00:00Z',
      ' 2025-01-31',
      '２０２５-01-31',
    ])
      expect(parseCalendarDate(text)).toEqual({ ok: false, problem: `"${text}" is not a date written YYYY-MM-DD` });
  });
});

describe('parseInstant', () => {
  it('reads a date as the start of that day (UTC) and date-times with a zone, to UTC', () => {
    expect(parseInstant('2027-06-30')).toEqual({
      ok: true,
      iso: '2027-06-30T00:00:00.000Z',
      ms: Date.UTC(2027, 5, 30),
    });
    expect(parseInstant('2027-06-30T00:00:00Z')).toMatchObject({ iso: '2027-06-30T00:00:00.000Z' });
    expect(parseInstant('2027-06-30T08:00+08:00')).toMatchObject({ iso: '2027-06-30T00:00:00.000Z' });
    expect(parseInstant('2027-06-29T19:30:15.25-04:30')).toMatchObject({ iso: '2027-06-30T00:00:15.250Z' });
    expect(parseInstant('2027-06-30T00:00:00.123456789Z')).toMatchObject({ iso: '2027-06-30T00:00:00.123Z' });
  });

  it('refuses impossible days, times and zones, and date-times without a zone', () => {
    expect(parseInstant('2025-02-30')).toMatchObject({ ok: false, problem: /February 2025 has 28 days/ });
    expect(parseInstant('2025-02-30T00:00:00Z')).toEqual({
      ok: false,
      problem: '"2025-02-30T00:00:00Z" is not a date: February 2025 has 28 days',
    });
    expect(parseInstant('2025-13-45T00:00:00Z')).toMatchObject({ ok: false, problem: /there is no month 13/ });
    expect(parseInstant('2025-01-01T24:00:00Z')).toMatchObject({ ok: false, problem: /not a time of day/ });
    expect(parseInstant('2025-01-01T10:60Z')).toMatchObject({ ok: false, problem: /not a time of day/ });
    expect(parseInstant('2025-01-01T10:00:60Z')).toMatchObject({ ok: false, problem: /not a time of day/ });
    expect(parseInstant('2025-01-01T10:00:00+24:00')).toMatchObject({ ok: false, problem: /offset \+24:00/ });
    expect(parseInstant('2025-01-01T10:00:00')).toEqual({
      ok: false,
      problem: '"2025-01-01T10:00:00" has no time zone: add Z (UTC) or an offset such as +08:00',
    });
    for (const text of [
      'next week',
      '2025-01-01 10:00:00Z',
      '2025-01-01T10Z',
      '2025-01-01T10:00:00+0800',
      '1735725600',
    ])
      expect(parseInstant(text)).toMatchObject({
        ok: false,
        problem: /is not a date \(YYYY-MM-DD\) or an ISO-8601 date-time/,
      });
  });
});
