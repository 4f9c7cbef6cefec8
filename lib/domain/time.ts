import { IANAZone } from 'luxon';

/**
 * Wall-clock ↔ instant conversion for IANA time zones. Pure: no clock, no environment.
 *
 * Formats used everywhere in the domain:
 * - a *local* wall-clock time is `YYYY-MM-DDTHH:mm` (no seconds, no offset);
 * - an *instant* is ISO 8601 UTC with milliseconds, `YYYY-MM-DDTHH:mm:ss.sssZ`
 *   (what `Date.prototype.toISOString` prints).
 *
 * DST rule (the one rule of the whole product, see DESIGN.md step 6):
 * - a wall-clock time inside a spring-forward **gap** does not exist; it moves forward by the length
 *   of the gap (02:30 on 2026-03-08 in America/New_York → 03:30 EDT = 07:30Z; 02:15 on the
 *   30-minute Lord Howe gap → 02:45);
 * - a wall-clock time inside a fall-back **overlap** happens twice; it means the FIRST occurrence
 *   (01:30 on 2026-11-01 in America/New_York → 01:30 EDT = 05:30Z).
 *
 * Luxon's own gap/overlap resolution is not used: we only ask it for the zone's UTC offset at an
 * instant (which comes straight from the ICU tz database) and resolve wall-clock times ourselves.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const zoneCache = new Map<string, IANAZone>();

function ianaZone(zone: string): IANAZone {
  let z = zoneCache.get(zone);
  if (!z) {
    if (!IANAZone.isValidZone(zone)) throw new RangeError(`Unknown time zone "${zone}"`);
    z = IANAZone.create(zone);
    zoneCache.set(zone, z);
  }
  return z;
}

/** True when `zone` is an IANA zone name the runtime's tz database knows (e.g. `Europe/Paris`, `UTC`). */
export function isValidZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone === '') return false;
  return zoneCache.has(zone) || IANAZone.isValidZone(zone);
}

/** UTC offset of `zone` at the instant `epochMs`, in minutes east of UTC (New York in winter: -300). */
export function zoneOffsetMinutes(zone: string, epochMs: number): number {
  return ianaZone(zone).offset(epochMs);
}

/** Milliseconds of a calendar date at 00:00 "as if UTC" — the floating day number used for date maths. */
export function parseLocalDate(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${date}"`);
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`No such date "${date}"`);
  return ms;
}

/** Wall-clock time as milliseconds "as if UTC" (floating); rejects impossible dates such as 02-30. */
export function parseLocal(local: string): number {
  const m = LOCAL_RE.exec(local);
  if (!m || +m[4] > 23 || +m[5] > 59) throw new RangeError(`Expected a local time as YYYY-MM-DDTHH:mm, got "${local}"`);
  return parseLocalDate(`${m[1]}-${m[2]}-${m[3]}`) + (+m[4] * 60 + +m[5]) * MINUTE_MS;
}

/** Formats a floating (as-if-UTC) millisecond value as `YYYY-MM-DDTHH:mm`. */
export function formatLocal(floatingMs: number): string {
  return new Date(floatingMs).toISOString().slice(0, 16);
}

/**
 * The instant (epoch ms) at which the floating wall-clock value `wallMs` happens in `zone`,
 * applying the gap/overlap rule above.
 */
export function wallToEpochMs(wallMs: number, zone: string): number {
  const z = ianaZone(zone);
  // Offsets in force a day either side cover both sides of any transition near this wall time.
  const before = z.offset(wallMs - DAY_MS);
  const candidates = [before, z.offset(wallMs), z.offset(wallMs + DAY_MS)];
  let best = Number.POSITIVE_INFINITY;
  for (const off of candidates) {
    const instant = wallMs - off * MINUTE_MS;
    // Valid when the zone really shows this wall time at that instant; the earliest valid wins (overlap → first).
    if (z.offset(instant) === off && instant < best) best = instant;
  }
  if (best !== Number.POSITIVE_INFINITY) return best;
  // Gap: read the wall time with the offset from before the transition, which lands it `gap` later.
  return wallMs - before * MINUTE_MS;
}

/** Epoch milliseconds of local wall-clock `YYYY-MM-DDTHH:mm` in `zone` (gap → forward, overlap → first). */
export function localToEpochMs(local: string, zone: string): number {
  return wallToEpochMs(parseLocal(local), zone);
}

/**
 * UTC instant (`YYYY-MM-DDTHH:mm:ss.sssZ`) of the local wall-clock time `YYYY-MM-DDTHH:mm` in `zone`.
 * A time in a spring-forward gap moves forward by the gap; a time in a fall-back overlap is its first occurrence.
 * Throws RangeError on a malformed local time or an unknown zone.
 */
export function localToInstant(local: string, zone: string): string {
  return new Date(localToEpochMs(local, zone)).toISOString();
}

/** Floating wall-clock milliseconds that `zone` shows at the instant `epochMs`. */
export function epochToWallMs(epochMs: number, zone: string): number {
  return epochMs + ianaZone(zone).offset(epochMs) * MINUTE_MS;
}

/** Local wall-clock time `YYYY-MM-DDTHH:mm` that `zone` shows at the given instant (seconds dropped). */
export function instantToLocal(isoInstant: string, zone: string): string {
  return formatLocal(epochToWallMs(parseInstant(isoInstant), zone));
}

/** Epoch milliseconds of an ISO 8601 instant (with `Z` or an explicit offset); throws on anything else. */
export function parseInstant(iso: string): number {
  const ms = /(Z|[+-]\d{2}:?\d{2})$/i.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`Expected an ISO instant with Z or an offset, got "${iso}"`);
  return ms;
}

/** ISO instant string of epoch milliseconds, in the domain's one format. */
export function toInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** Calendar arithmetic on a local wall-clock time: same HH:mm, `days` later (negative: earlier). Zone-free. */
export function addLocalDays(local: string, days: number): string {
  return formatLocal(parseLocal(local) + days * DAY_MS);
}

/**
 * The instant `days` calendar days after `isoInstant` at the same wall-clock time in `zone`
 * ("same time next week" across a DST change is 167 or 169 hours later, not 168).
 * The result follows the gap/overlap rule when the wall time lands in a transition.
 */
export function addDaysInZone(isoInstant: string, days: number, zone: string): string {
  return toInstant(wallToEpochMs(epochToWallMs(parseInstant(isoInstant), zone) + days * DAY_MS, zone));
}
