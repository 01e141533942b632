// Dates typed by people (`--date`, `--until`, `expiresAt`) are checked here, one way for every entry point.
// `Date.parse` is no check: it rolls 2025-02-30 over to 2 March and reads a date-time without a zone as local time.

/** A date that exists: `date` as given (`YYYY-MM-DD`), `ms` its start (UTC). */
export type ParsedDate = { ok: true; date: string; ms: number } | { ok: false; problem: string };

/** An instant: `iso` in UTC (`2027-06-30T00:00:00.000Z`), `ms` since the epoch. */
export type ParsedInstant = { ok: true; iso: string; ms: number } | { ok: false; problem: string };

const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why year-month-day is no day of the calendar, or undefined when it is one. */
function dayProblem(year: number, month: number, day: number): string | undefined {
  if (year < 1) return 'there is no year 0';
  if (month < 1 || month > 12) return `there is no month ${month}`;
  const days = daysIn(year, month);
  return day < 1 || day > days ? `${MONTHS[month - 1]} ${year} has ${days} days` : undefined;
}

/**
 * Reads a calendar date written `YYYY-MM-DD` that exists.
 *
 * Before: `2024-02-29` → ok, `2025-02-30` → "February 2025 has 28 days", `2025-13-45` → "there is no month 13"
 */
export function parseCalendarDate(text: string): ParsedDate {
  const match = DATE.exec(text);
  if (!match) return { ok: false, problem: `"${text}" is not a date written YYYY-MM-DD` };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const problem = dayProblem(year, month, day);
  if (problem) return { ok: false, problem: `"${text}" is not a date: ${problem}` };
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  return { ok: true, date: text, ms: new Date(0).setUTCFullYear(year, month - 1, day) };
}

/**
 * Reads `YYYY-MM-DD` (the start of that day, UTC) or an ISO-8601 date-time with seconds optional and a zone
 * (`Z` or `±HH:MM`) required, every field in range.
 *
 * Before: `2027-06-30T08:00+08:00` → `2027-06-30T00:00:00.000Z`; `2027-06-30T08:00` → "add Z or an offset"
 */
export function parseInstant(text: string): ParsedInstant {
  if (DATE.test(text)) {
    const date = parseCalendarDate(text);
    return date.ok ? { ok: true, iso: new Date(date.ms).toISOString(), ms: date.ms } : date;
  }
  const match = DATE_TIME.exec(text);
  if (!match)
    return {
      ok: false,
      problem: `"${text}" is not a date (YYYY-MM-DD) or an ISO-8601 date-time (2027-06-30T00:00:00Z)`,
    };
  const date = parseCalendarDate(match[1]!);
  if (!date.ok) return { ok: false, problem: date.problem.replace(`"${match[1]!}"`, `"${text}"`) };
  const [hours, minutes, seconds] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59)
    return { ok: false, problem: `"${text}" is not a time of day: hours go to 23, minutes and seconds to 59` };
  const zone = match[6];
  if (!zone) return { ok: false, problem: `"${text}" has no time zone: add Z (UTC) or an offset such as +08:00` };
  let offset = 0;
  if (zone !== 'Z') {
    const [h, m] = [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
    if (h > 23 || m > 59) return { ok: false, problem: `"${text}" has an offset ${zone} that is not a time zone` };
    offset = (zone[0] === '-' ? -1 : 1) * (h * 60 + m) * 60_000;
  }
  const fraction = Math.floor(Number(match[5] ?? 0) * 1000);
  const ms = date.ms + ((hours * 60 + minutes) * 60 + seconds) * 1000 + fraction - offset;
  return { ok: true, iso: new Date(ms).toISOString(), ms };
}
