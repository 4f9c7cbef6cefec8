import { instantToLocal, parseInstant } from '@/lib/domain/time';
import { occurrences, type TWindowDef } from '@/lib/domain/windows';

/**
 * Next occurrences of a window as people check them: on the window's own wall clock and in UTC. A
 * window in the asset zone has no single clock, so it is shown in a few sample zones of the tenant's
 * assets. Pure: `now` is given.
 */

export type TOccurrenceView = {
  start: string;
  end: string;
  /** `Tue 2026-11-24 22:00 → 02:00` on the zone's wall clock. */
  local: string;
  utc: string;
  /** Name of a blackout overlapping this occurrence (scopes aside), if any. */
  blackout: string | null;
};
export type TZonePreview = { zone: string; isSample: boolean; occurrences: TOccurrenceView[] };

const DAY_MS = 86_400_000;
const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function span(startIso: string, endIso: string, zone: string): string {
  const s = instantToLocal(startIso, zone);
  const e = instantToLocal(endIso, zone);
  const day = WEEKDAY[new Date(`${s.slice(0, 10)}T00:00:00Z`).getUTCDay()];
  const end = e.slice(0, 10) === s.slice(0, 10) ? e.slice(11) : `${e.slice(11)} (${e.slice(5, 10)})`;
  return `${day} ${s.replace('T', ' ')} → ${end}`;
}

export function previewWindow(
  def: TWindowDef,
  opts: { now: string; count?: number; sampleZones?: readonly string[]; blackouts?: readonly { name: string; startsAt: string; endsAt: string }[] },
): TZonePreview[] {
  const count = opts.count ?? 3;
  const from = parseInstant(opts.now);
  const zones = def.zone === 'asset' ? (opts.sampleZones?.length ? opts.sampleZones.slice(0, 3) : ['UTC']) : [def.zone];
  return zones.map((zone) => {
    // Most windows open within weeks; look further only when needed (validation guarantees ≤ 400 days).
    let occs = occurrences(def, zone, opts.now, new Date(from + 62 * DAY_MS).toISOString());
    if (occs.length < count) occs = occurrences(def, zone, opts.now, new Date(from + 400 * DAY_MS).toISOString());
    const wallZone = def.zone === 'asset' ? zone : def.zone;
    return {
      zone: wallZone,
      isSample: def.zone === 'asset',
      occurrences: occs.slice(0, count).map((o) => ({
        start: o.start,
        end: o.end,
        local: span(o.start, o.end, wallZone),
        utc: span(o.start, o.end, 'UTC'),
        blackout: opts.blackouts?.find((b) => Date.parse(b.startsAt) < Date.parse(o.end) && Date.parse(b.endsAt) > Date.parse(o.start))?.name ?? null,
      })),
    };
  });
}
