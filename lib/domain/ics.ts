import { createEvents, type EventAttributes } from 'ics';
import type { TPlan } from './planner';
import { instantToLocal, parseInstant } from './time';
import { occurrences, subtractBlackouts, windowZone, type TBlackout, type TWindowDef } from './windows';

/**
 * iCalendar (RFC 5545) export of maintenance windows and deployment plans, for Outlook, Google and
 * Apple calendars. Every event is written with UTC DTSTART/DTEND: occurrences are expanded by our own
 * DST rule instead of shipping an RRULE + VTIMEZONE that each client would re-interpret. DTSTAMP is
 * the caller's `now` (the plan's `plannedAt`), never the clock, so the output is reproducible.
 */

const PRODUCT_ID = '-//Patchward//Patchward//EN';

type TIcsEvent = EventAttributes & { timestamp: number };

const utc = { startInputType: 'utc', startOutputType: 'utc', endInputType: 'utc', endOutputType: 'utc' } as const;

/** Keeps UIDs to the characters every client accepts. */
const uidPart = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_');
const compact = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

function render(events: TIcsEvent[], calName: string): string {
  const { error, value } = createEvents(events, { productId: PRODUCT_ID, method: 'PUBLISH', calName });
  if (error || !value) throw error ?? new Error('iCalendar generation failed');
  return value;
}

export type TWindowsIcsOptions = {
  /** Occurrences overlapping [from, to) are listed. */
  from: string;
  to: string;
  /** DTSTAMP of every event. */
  now: string;
  /** Zone for windows in the `asset` zone (default UTC). */
  zone?: string;
  /** Cut out of the windows and listed as events of their own. */
  blackouts?: TBlackout[];
  calName?: string;
};

/** Window occurrences (minus blackouts) and the blackouts themselves, as an RFC 5545 calendar. */
export function windowsToIcs(windows: readonly { id: string; def: TWindowDef }[], opts: TWindowsIcsOptions): string {
  const timestamp = parseInstant(opts.now);
  const assetZone = opts.zone ?? 'UTC';
  const blackouts = opts.blackouts ?? [];
  const events: TIcsEvent[] = [];
  for (const { id, def } of [...windows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const zone = windowZone(def, assetZone);
    const occs = subtractBlackouts(occurrences(def, assetZone, opts.from, opts.to), blackouts);
    for (const o of occs) {
      events.push({
        ...utc,
        uid: `${uidPart(id)}-${compact(o.start)}@patchward`,
        title: `Maintenance window: ${def.name}`,
        description: `${instantToLocal(o.start, zone).slice(11)}–${instantToLocal(o.end, zone).slice(11)} local time in ${zone}${def.zone === 'asset' ? " (the asset's zone)" : ''}.`,
        start: parseInstant(o.start),
        end: parseInstant(o.end),
        transp: 'TRANSPARENT',
        categories: ['maintenance-window'],
        timestamp,
      });
    }
  }
  for (const b of blackouts) {
    events.push({
      ...utc,
      uid: `blackout-${uidPart(b.name)}-${compact(new Date(parseInstant(b.startsAt)).toISOString())}@patchward`,
      title: `Blackout: ${b.name}`,
      description: 'No deployments during this period.',
      start: parseInstant(b.startsAt),
      end: parseInstant(b.endsAt),
      busyStatus: 'BUSY',
      categories: ['blackout'],
      timestamp,
    });
  }
  return render(events, opts.calName ?? 'Patchward maintenance windows');
}

/**
 * A deployment plan as a calendar: one event per wave, plus one per job with `{ jobs: true }`
 * (large fleets: keep to waves).
 */
export function planToIcs(plan: TPlan, opts: { jobs?: boolean; calName?: string } = {}): string {
  const timestamp = parseInstant(plan.plannedAt);
  const change = uidPart(plan.changeId);
  const events: TIcsEvent[] = [];
  for (const w of plan.waves) {
    events.push({
      ...utc,
      uid: `${change}-wave-${w.index}@patchward`,
      title: `Change ${plan.changeId}: wave ${w.index + 1} (${w.ring})`,
      description: `${w.jobs.length} job(s) of ${plan.jobMinutes} minutes, ${plan.timeMode} time mode${plan.requiresReboot ? ', with reboot' : ''}.`,
      start: parseInstant(w.start),
      end: parseInstant(w.end),
      categories: ['deployment-wave', w.ring],
      timestamp,
    });
    if (!opts.jobs) continue;
    for (const j of w.jobs) {
      events.push({
        ...utc,
        uid: `${change}-job-${uidPart(j.assetId)}@patchward`,
        title: `Patch ${j.assetId} (${w.ring})`,
        description: `Change ${plan.changeId}, window ${j.windowId}.`,
        start: parseInstant(j.start),
        end: parseInstant(j.end),
        categories: ['deployment-job'],
        timestamp,
      });
    }
  }
  return render(events, opts.calName ?? `Patchward change ${plan.changeId}`);
}
