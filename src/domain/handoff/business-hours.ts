import { TZDate } from '@date-fns/tz';

/** A working calendar: a time zone, `HH:MM` ranges per weekday (0 = Sunday), and holidays. */
export type Calendar = {
  timezone: string;
  hours: Record<string, Array<{ start: string; end: string }>>;
  /** `YYYY-MM-DD` in the calendar's zone. */
  holidays: readonly string[];
};

/** Monday to Friday, 09:00–17:00, in the zone given. */
export function officeHours(timezone = 'UTC'): Calendar {
  const day = [{ start: '09:00', end: '17:00' }];
  return { timezone, hours: { 1: day, 2: day, 3: day, 4: day, 5: day }, holidays: [] };
}

const MINUTE = 60_000;
/** Ten years of days: a calendar with working hours always finds one long before. */
const MAX_DAYS = 3_660;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** Weekly minutes of work; zero means the calendar can never meet a deadline. */
export function weeklyWorkingMinutes(cal: Calendar): number {
  let total = 0;
  for (let d = 0; d < 7; d++) for (const r of cal.hours[String(d)] ?? []) total += Math.max(0, minutesOf(r.end) - minutesOf(r.start));
  return total;
}

type Day = { y: number; m: number; d: number };

function localDay(at: Date, tz: string): Day {
  const z = new TZDate(at.getTime(), tz);
  return { y: z.getFullYear(), m: z.getMonth(), d: z.getDate() };
}

function nextDay(day: Day): Day {
  const u = new Date(Date.UTC(day.y, day.m, day.d + 1));
  return { y: u.getUTCFullYear(), m: u.getUTCMonth(), d: u.getUTCDate() };
}

function iso(day: Day): string {
  return `${day.y}-${String(day.m + 1).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;
}

/** The instant a local wall-clock time names (a time in a spring-forward gap moves forward). */
function at(day: Day, minutes: number, tz: string): number {
  return new TZDate(day.y, day.m, day.d, Math.floor(minutes / 60), minutes % 60, tz).getTime();
}

/** Per calendar object, each local day's intervals (time-zone arithmetic is the costly part). */
const DAYS = new WeakMap<Calendar, Map<string, Array<[number, number]>>>();

/** The working intervals of one local day, as instants, in order. */
function workingIntervals(cal: Calendar, day: Day): Array<[number, number]> {
  let cache = DAYS.get(cal);
  if (!cache) DAYS.set(cal, (cache = new Map()));
  const key = iso(day);
  let hit = cache.get(key);
  if (!hit) cache.set(key, (hit = computeIntervals(cal, day)));
  return hit;
}

function computeIntervals(cal: Calendar, day: Day): Array<[number, number]> {
  if (cal.holidays.includes(iso(day))) return [];
  const weekday = new Date(Date.UTC(day.y, day.m, day.d)).getUTCDay();
  return (cal.hours[String(weekday)] ?? [])
    .map((r) => [at(day, minutesOf(r.start), cal.timezone), at(day, minutesOf(r.end), cal.timezone)] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
}

/**
 * The instant `minutes` business minutes after `start`: time counts only inside the calendar's
 * working hours, in its zone (so a daylight-saving change moves the instants, not the hours), and
 * never on weekends without hours or on holidays. Zero minutes is `start` itself.
 */
export function addBusinessMinutes(start: Date, minutes: number, cal: Calendar): Date {
  if (minutes <= 0) return new Date(start);
  if (weeklyWorkingMinutes(cal) === 0) throw new Error('The calendar has no working hours.');
  let left = minutes * MINUTE;
  let day = localDay(start, cal.timezone);
  for (let i = 0; i < MAX_DAYS; i++, day = nextDay(day)) {
    for (const [s, e] of workingIntervals(cal, day)) {
      const from = Math.max(s, start.getTime());
      if (from >= e) continue;
      if (left <= e - from) return new Date(from + left);
      left -= e - from;
    }
  }
  throw new Error('No working time within ten years: check the calendar’s holidays.');
}

/** Business minutes between two instants (negative when `to` is before `from`). */
export function businessMinutesBetween(from: Date, to: Date, cal: Calendar): number {
  if (to < from) return -businessMinutesBetween(to, from, cal);
  let total = 0;
  let day = localDay(from, cal.timezone);
  const end = to.getTime();
  for (let i = 0; i < MAX_DAYS; i++, day = nextDay(day)) {
    const intervals = workingIntervals(cal, day);
    for (const [s, e] of intervals) {
      const a = Math.max(s, from.getTime());
      const b = Math.min(e, end);
      if (b > a) total += b - a;
    }
    // Local days start no earlier than 14 hours before UTC midnight: past `end` by then, stop.
    if (Date.UTC(day.y, day.m, day.d) - 14 * 3_600_000 > end) break;
  }
  return Math.round(total / MINUTE);
}
