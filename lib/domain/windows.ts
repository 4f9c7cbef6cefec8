import { RRule, type Options as RRuleOptions } from 'rrule';
import { z } from 'zod';
import { isValidZone, parseInstant, parseLocalDate, toInstant, wallToEpochMs } from './time';

/**
 * Maintenance windows (recurring, in an IANA zone or in each asset's own zone) and blackouts.
 *
 * Occurrence dates come from `rrule`, but only as *floating calendar dates*: rrule is fed and read in
 * UTC fields and never does time-zone maths. Each date + start time is then turned into an instant
 * with `wallToEpochMs`, so the product's one DST rule applies (gap → forward by the gap, overlap →
 * first occurrence). A window's duration is elapsed time: a 4-hour window opening at 00:00 on a
 * fall-back night closes at 03:00 wall-clock.
 */

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type TWeekday = (typeof WEEKDAYS)[number];

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const RRULE_DAY = { MO: RRule.MO, TU: RRule.TU, WE: RRule.WE, TH: RRule.TH, FR: RRule.FR, SA: RRule.SA, SU: RRule.SU };
const ZWeekday = z.enum(WEEKDAYS, { error: 'Day must be one of MO, TU, WE, TH, FR, SA, SU.' });

export const ZRecurrence = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('weekly'), days: z.array(ZWeekday).min(1, 'Pick at least one day of the week.') }),
    z.object({
      kind: z.literal('monthlyNth'),
      nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)], {
        error: 'Pick the 1st, 2nd, 3rd, 4th or last weekday of the month (a 5th does not exist every month).',
      }),
      weekday: ZWeekday,
    }),
    z.object({
      kind: z.literal('patchTuesdayOffset'),
      /** Days after the second Tuesday of the month (Patch Tuesday); may be negative. */
      offsetDays: z
        .number({ error: 'Offset must be a number of days.' })
        .int('Offset must be whole days.')
        .min(-14, 'Offset must be within −14…+28 days.')
        .max(28, 'Offset must be within −14…+28 days.'),
    }),
    z.object({
      kind: z.literal('everyNDays'),
      interval: z
        .number({ error: 'Interval must be a number of days.' })
        .int('Interval must be whole days.')
        .min(1, 'Interval must be at least 1 day.')
        .max(366, 'Interval cannot exceed 366 days.'),
      /** Any date the window falls on; occurrences repeat both ways from it, so a future anchor is fine. */
      anchor: z.string().refine((d) => isDate(d), 'Anchor must be a date as YYYY-MM-DD.'),
    }),
  ],
  { error: 'Choose how the window repeats: weekly, monthlyNth, patchTuesdayOffset or everyNDays.' },
);
export type TRecurrence = z.infer<typeof ZRecurrence>;

/** Who a window or blackout applies to; every given criterion must match, an empty scope matches all. */
export const ZScope = z.object({
  tenantId: z.string().optional(),
  applicationIds: z.array(z.string()).optional(),
  rings: z.array(z.string()).optional(),
  assetTags: z.array(z.string()).optional(),
});
export type TScope = z.infer<typeof ZScope>;

export const ZWindowDef = z.object({
  name: z.string().trim().min(1, 'Give the window a name.').max(200, 'Name is too long (200 characters at most).'),
  recurrence: ZRecurrence,
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Start time must be HH:mm (24-hour), e.g. 02:30.'),
  durationMinutes: z
    .number({ error: 'Duration must be a number of minutes.' })
    .int('Duration must be whole minutes.')
    .gt(0, 'Duration must be longer than 0 minutes.')
    .max(1440, 'Duration cannot exceed 24 hours (1440 minutes).'),
  /** An IANA zone, or `asset`: the window opens at the same wall-clock time in each asset's own zone. */
  zone: z.string().refine((zn) => zn === 'asset' || isValidZone(zn), {
    error: (iss) => `Unknown time zone "${String(iss.input)}". Use an IANA name such as Europe/Paris, or "asset" for each asset's own zone.`,
  }),
  scope: ZScope.default({}),
});
export type TWindowDef = z.output<typeof ZWindowDef>;

/** A period when nothing may be deployed to the scope; overrides every window. */
export const ZBlackout = z
  .object({
    name: z.string().trim().min(1, 'Give the blackout a name.'),
    startsAt: z.iso.datetime({ offset: true, error: 'Start must be an ISO date-time with a zone, e.g. 2026-12-20T00:00:00Z.' }),
    endsAt: z.iso.datetime({ offset: true, error: 'End must be an ISO date-time with a zone, e.g. 2027-01-02T00:00:00Z.' }),
    scope: ZScope.default({}),
  })
  .refine((b) => Date.parse(b.endsAt) > Date.parse(b.startsAt), { path: ['endsAt'], message: 'A blackout must end after it starts.' });
export type TBlackout = z.output<typeof ZBlackout>;

export type TOccurrence = { start: string; end: string };
/** Occurrence as epoch milliseconds, half-open [start, end). */
export type TSpan = { start: number; end: number };

/** What a scope is matched against. An attribute the subject does not describe counts as matching, so a blackout is never skipped for lack of data. */
export type TScopeSubject = { tenantId?: string; applicationIds?: readonly string[]; ring?: string; tags?: readonly string[] };

function isDate(d: string): boolean {
  try {
    parseLocalDate(d);
    return true;
  } catch {
    return false;
  }
}

const intersects = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

export function scopeMatches(scope: TScope, s: TScopeSubject): boolean {
  if (scope.tenantId !== undefined && s.tenantId !== undefined && scope.tenantId !== s.tenantId) return false;
  if (scope.applicationIds?.length && s.applicationIds && !intersects(scope.applicationIds, s.applicationIds)) return false;
  if (scope.rings?.length && s.ring !== undefined && !scope.rings.includes(s.ring)) return false;
  if (scope.assetTags?.length && s.tags && !intersects(scope.assetTags, s.tags)) return false;
  return true;
}

/** The zone a window's wall-clock start is read in for an asset living in `assetZone`. */
export function windowZone(def: TWindowDef, assetZone: string): string {
  return def.zone === 'asset' ? assetZone : def.zone;
}

/** Floating calendar dates (ms at 00:00 "UTC") on which the window opens, for opening dates in [fromDay, toDay]. */
function openingDates(rec: TRecurrence, fromDay: number, toDay: number): number[] {
  // The rule is evaluated on base dates; patch-Tuesday windows open `offsetDays` after their base date.
  const shift = rec.kind === 'patchTuesdayOffset' ? rec.offsetDays * DAY_MS : 0;
  let dtstart = fromDay - shift;
  let opts: Partial<RRuleOptions>;
  switch (rec.kind) {
    case 'weekly':
      opts = { freq: RRule.WEEKLY, byweekday: rec.days.map((d) => RRULE_DAY[d]) };
      break;
    case 'monthlyNth':
      opts = { freq: RRule.MONTHLY, byweekday: [RRULE_DAY[rec.weekday].nth(rec.nth)] };
      dtstart = Date.UTC(new Date(dtstart).getUTCFullYear(), new Date(dtstart).getUTCMonth(), 1);
      break;
    case 'patchTuesdayOffset':
      opts = { freq: RRule.MONTHLY, byweekday: [RRule.TU.nth(2)] };
      dtstart = Date.UTC(new Date(dtstart).getUTCFullYear(), new Date(dtstart).getUTCMonth(), 1);
      break;
    case 'everyNDays': {
      // Align on the anchor (before or after the range): the last anchor-congruent day not after fromDay.
      const step = rec.interval * DAY_MS;
      const anchor = parseLocalDate(rec.anchor);
      dtstart = anchor + Math.floor((fromDay - anchor) / step) * step;
      opts = { freq: RRule.DAILY, interval: rec.interval };
      break;
    }
  }
  const rule = new RRule({ ...opts, dtstart: new Date(dtstart), until: new Date(toDay - shift) });
  return rule
    .all()
    .map((d) => d.getTime() + shift)
    .filter((d) => d >= fromDay && d <= toDay);
}

/**
 * Occurrences (epoch ms, half-open) of a window that overlap [fromMs, toMs), in time order.
 * `assetZone` is used only when the window's zone is `asset`.
 */
export function occurrenceSpans(def: TWindowDef, assetZone: string, fromMs: number, toMs: number): TSpan[] {
  const zone = windowZone(def, assetZone);
  const [hh, mm] = def.start.split(':').map(Number);
  const startOfDay = (hh * 60 + mm) * MINUTE_MS;
  const durationMs = def.durationMinutes * MINUTE_MS;
  // Local dates are within ±14 h of UTC dates, and a window lasts ≤ 24 h: two days of margin each side.
  const fromDay = Math.floor(fromMs / DAY_MS) * DAY_MS - 2 * DAY_MS;
  const toDay = Math.floor(toMs / DAY_MS) * DAY_MS + 2 * DAY_MS;
  const out: TSpan[] = [];
  for (const day of openingDates(def.recurrence, fromDay, toDay)) {
    const start = wallToEpochMs(day + startOfDay, zone);
    const end = start + durationMs;
    if (end > fromMs && start < toMs) out.push({ start, end });
  }
  return out;
}

/**
 * Occurrences of a window overlapping [fromIso, toIso), as ISO instants, in time order (not clipped to
 * the range). `zone` is the asset's zone, used only when the window's zone is `asset`.
 */
export function occurrences(def: TWindowDef, zone: string, fromIso: string, toIso: string): TOccurrence[] {
  return occurrenceSpans(def, zone, parseInstant(fromIso), parseInstant(toIso)).map((s) => ({ start: toInstant(s.start), end: toInstant(s.end) }));
}

/**
 * Removes blackout time from occurrences. Blackouts win: the overlapping part of an occurrence is cut
 * out and what remains is kept as separate pieces, each only if it lasts at least `minMinutes`
 * (default: any positive length). An occurrence wholly inside a blackout is dropped. Extra fields
 * (e.g. a window id) are carried onto every piece.
 */
export function subtractBlackouts<T extends TOccurrence>(
  occs: readonly T[],
  blackouts: readonly Pick<TBlackout, 'startsAt' | 'endsAt'>[],
  minMinutes = 0,
): T[] {
  const cuts = blackouts.map((b) => ({ start: parseInstant(b.startsAt), end: parseInstant(b.endsAt) }));
  const out: T[] = [];
  for (const occ of occs) {
    const pieces = subtractSpans({ start: parseInstant(occ.start), end: parseInstant(occ.end) }, cuts, minMinutes * MINUTE_MS);
    for (const p of pieces) out.push({ ...occ, start: toInstant(p.start), end: toInstant(p.end) });
  }
  return out;
}

/** Numeric core of `subtractBlackouts`: pieces of `span` outside every cut, each at least `minMs` long (and > 0). */
export function subtractSpans(span: TSpan, cuts: readonly TSpan[], minMs = 0): TSpan[] {
  let pieces: TSpan[] = [span];
  for (const c of cuts) {
    if (c.end <= span.start || c.start >= span.end) continue;
    const next: TSpan[] = [];
    for (const p of pieces) {
      if (c.end <= p.start || c.start >= p.end) next.push(p);
      else {
        if (c.start > p.start) next.push({ start: p.start, end: c.start });
        if (c.end < p.end) next.push({ start: c.end, end: p.end });
      }
    }
    pieces = next;
  }
  return pieces.filter((p) => p.end - p.start >= Math.max(minMs, 1));
}

export type TWindowIssue = { field: string; message: string };
export type TWindowValidation = { ok: true; def: TWindowDef; next: TOccurrence } | { ok: false; issues: TWindowIssue[] };

/** How far ahead `validateWindow` looks for a first occurrence. */
export const VALIDATION_LOOKAHEAD_DAYS = 400;

/**
 * Validates a window definition as a user typed it: schema errors (unknown zone, duration 0 or over
 * 24 h, no weekday, impossible 5th weekday …) with messages fit to show, then checks that the window
 * really occurs in the next 400 days. A window in the `asset` zone is checked in UTC.
 */
export function validateWindow(input: unknown, now: string): TWindowValidation {
  const parsed = ZWindowDef.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'window', message: i.message })) };
  }
  const from = parseInstant(now);
  const next = occurrenceSpans(parsed.data, 'UTC', from, from + VALIDATION_LOOKAHEAD_DAYS * DAY_MS).find((s) => s.end > from);
  if (!next) {
    return {
      ok: false,
      issues: [{ field: 'recurrence', message: `This window never opens in the next ${VALIDATION_LOOKAHEAD_DAYS} days; check its days and dates.` }],
    };
  }
  return { ok: true, def: parsed.data, next: { start: toInstant(next.start), end: toInstant(next.end) } };
}
