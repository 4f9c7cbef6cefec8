import { createEvents, type EventAttributes } from 'ics';

/**
 * The change calendar as iCalendar (RFC 5545): one event per wave of each change, in UTC, so Outlook,
 * Google and Apple calendars show when each ring is patched. Pure: DTSTAMP is the caller's `now`.
 * A cancelled change stays in the feed as STATUS:CANCELLED, so subscribed calendars remove it
 * instead of keeping a stale copy; submitted changes are TENTATIVE until approved.
 */
export type TChangeWaveEvent = {
  changeId: string;
  number: number;
  title: string;
  type: string;
  state: string;
  tenantName: string;
  riskLevel: string;
  waveIndex: number | null;
  ring: string;
  jobs: number;
  start: Date;
  end: Date;
};

const STATUS: Record<string, 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED'> = {
  draft: 'TENTATIVE',
  submitted: 'TENTATIVE',
  approved: 'CONFIRMED',
  scheduled: 'CONFIRMED',
  implementing: 'CONFIRMED',
  completed: 'CONFIRMED',
  failed: 'CONFIRMED',
  closed: 'CONFIRMED',
  rejected: 'CANCELLED',
  cancelled: 'CANCELLED',
};

const utc = { startInputType: 'utc', startOutputType: 'utc', endInputType: 'utc', endOutputType: 'utc' } as const;

export function changesToIcs(waves: readonly TChangeWaveEvent[], opts: { now: Date; calName: string; baseUrl?: string }): string {
  const timestamp = opts.now.getTime();
  const events: (EventAttributes & { timestamp: number })[] = waves.map((w) => {
    const wave = w.waveIndex === null ? '' : ` wave ${w.waveIndex + 1}`;
    const url = opts.baseUrl ? `${opts.baseUrl.replace(/\/$/, '')}/changes/${w.changeId}` : undefined;
    return {
      ...utc,
      uid: `${w.changeId}-wave-${w.waveIndex ?? 'x'}-${w.ring.replace(/[^A-Za-z0-9._-]/g, '_')}@patchward`,
      title: `CHG-${w.number}${wave} (${w.ring}): ${w.title}`,
      description: [
        `${w.tenantName} · ${w.type} change · ${w.state} · risk ${w.riskLevel}`,
        `${w.jobs} asset(s) in the ${w.ring} ring.`,
        ...(url ? [url] : []),
      ].join('\n'),
      start: w.start.getTime(),
      end: Math.max(w.end.getTime(), w.start.getTime() + 60_000),
      status: STATUS[w.state] ?? 'TENTATIVE',
      ...(url ? { url } : {}),
      categories: ['change', w.type, w.ring],
      timestamp,
    };
  });
  const { error, value } = createEvents(events, { productId: '-//Patchward//Patchward//EN', method: 'PUBLISH', calName: opts.calName });
  if (error || !value) throw error ?? new Error('iCalendar generation failed');
  return value;
}
