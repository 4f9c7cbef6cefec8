import { and, asc, count, eq, gt, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { changeAssets, changeRequests, tenants } from '@/db/schema';
import { tenantsWith, type TActor } from '@/lib/auth/permissions';
import { changesToIcs, type TChangeWaveEvent } from './calendar-ics';
import { changeTenants, pickChangeTenant } from './queries';

/** The calendar's URL: month or week view, the day it shows, a tenant (id or slug). */
export const ZChangeCalendarQuery = z.object({
  view: z.enum(['month', 'week']).catch('month'),
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d))
    .optional()
    .catch(undefined),
  tenant: z.string().trim().min(1).max(100).optional().catch(undefined),
});
export type TChangeCalendarQuery = z.infer<typeof ZChangeCalendarQuery>;

const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * The days a calendar view covers (UTC): a month view is whole weeks Monday–Sunday around the month, a
 * week view the Monday–Sunday week of `day`. Pure.
 */
export function calendarRange(view: 'month' | 'week', day: string): { from: string; to: string; days: string[]; month: string; prev: string; next: string } {
  const d = Date.parse(`${day}T00:00:00Z`);
  const date = new Date(d);
  const mondayOf = (t: number) => t - ((new Date(t).getUTCDay() + 6) % 7) * DAY;
  let start: number;
  let end: number;
  let prev: number;
  let next: number;
  if (view === 'week') {
    start = mondayOf(d);
    end = start + 7 * DAY;
    prev = d - 7 * DAY;
    next = d + 7 * DAY;
  } else {
    const first = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    const last = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0);
    start = mondayOf(first);
    end = mondayOf(last) + 7 * DAY;
    prev = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 1, 1);
    next = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  }
  const days: string[] = [];
  for (let t = start; t < end; t += DAY) days.push(isoDay(t));
  return { from: isoDay(start), to: isoDay(end), days, month: isoDay(d).slice(0, 7), prev: isoDay(prev), next: isoDay(next) };
}

export type TCalendarChange = {
  id: string;
  number: number;
  title: string;
  type: string;
  state: string;
  riskLevel: string;
  tenantName: string;
  plannedStart: Date | null;
  plannedEnd: Date | null;
  /** Jobs starting per UTC day within the range; the change shows on these days. */
  days: Record<string, number>;
};

/**
 * The changes with planned slots in [from, to) in the actor's tenants (or one of them), each with the
 * UTC days its assets are patched on. A change planned without per-asset slots shows on every day of
 * its planned span.
 */
export async function findCalendarChanges(db: TDb, actor: TActor, range: { from: string; to: string }, tenant?: string): Promise<TCalendarChange[]> {
  const options = changeTenants(actor);
  const picked = tenant ? pickChangeTenant(options, tenant) : undefined;
  if (options.length === 0 || (tenant && !picked)) return [];
  const tenantIds = picked ? [picked.id] : options.map((t) => t.id);
  const from = new Date(`${range.from}T00:00:00Z`);
  const to = new Date(`${range.to}T00:00:00Z`);
  const changes = await db
    .select({
      id: changeRequests.id,
      number: changeRequests.number,
      title: changeRequests.title,
      type: changeRequests.type,
      state: changeRequests.state,
      riskLevel: changeRequests.riskLevel,
      tenantName: tenants.name,
      plannedStart: changeRequests.plannedStart,
      plannedEnd: changeRequests.plannedEnd,
    })
    .from(changeRequests)
    .innerJoin(tenants, eq(tenants.id, changeRequests.tenantId))
    .where(and(inArray(changeRequests.tenantId, tenantIds), lt(changeRequests.plannedStart, to), gt(changeRequests.plannedEnd, from)))
    .orderBy(asc(changeRequests.plannedStart), asc(changeRequests.number))
    .limit(1000);
  if (changes.length === 0) return [];
  const perDay = await db
    .select({ changeId: changeAssets.changeId, day: sql<string>`to_char(${changeAssets.plannedStart} at time zone 'UTC', 'YYYY-MM-DD')`, jobs: count() })
    .from(changeAssets)
    .where(
      and(
        inArray(
          changeAssets.changeId,
          changes.map((c) => c.id),
        ),
        inArray(changeAssets.tenantId, tenantIds),
        isNotNull(changeAssets.plannedStart),
        lt(changeAssets.plannedStart, to),
        gt(changeAssets.plannedEnd, from),
      ),
    )
    .groupBy(changeAssets.changeId, sql`2`);
  const byChange = new Map<string, Record<string, number>>();
  for (const r of perDay) byChange.set(r.changeId, { ...byChange.get(r.changeId), [r.day]: r.jobs });
  return changes.map((c) => {
    let days = byChange.get(c.id);
    if (!days && c.plannedStart && c.plannedEnd) {
      days = {};
      const last = Math.min(c.plannedEnd.getTime() - 1, to.getTime() - 1);
      for (let t = Math.max(Date.parse(`${isoDay(c.plannedStart.getTime())}T00:00:00Z`), from.getTime()); t <= last; t += DAY) days[isoDay(t)] = 0;
    }
    return { ...c, days: days ?? {} };
  });
}

/** What an ICS feed lists: the waves of changes planned from 30 days ago to a year ahead. */
const FEED_PAST_DAYS = 30;
const FEED_FUTURE_DAYS = 366;

/** The waves of the actor's changes (every tenant they read now) as an iCalendar feed. */
export async function changesCalendar(db: TDb, actor: TActor, opts: { now?: Date; baseUrl?: string; tenantId?: string } = {}): Promise<string> {
  const now = opts.now ?? new Date();
  let tenantIds = tenantsWith(actor, 'change:read');
  if (opts.tenantId) tenantIds = tenantIds.filter((t) => t === opts.tenantId);
  const waves: TChangeWaveEvent[] = tenantIds.length
    ? await db
        .select({
          changeId: changeRequests.id,
          number: changeRequests.number,
          title: changeRequests.title,
          type: changeRequests.type,
          state: changeRequests.state,
          tenantName: tenants.name,
          riskLevel: changeRequests.riskLevel,
          waveIndex: changeAssets.waveIndex,
          ring: changeAssets.ring,
          jobs: count(),
          start: sql<Date>`min(${changeAssets.plannedStart})`.mapWith(changeAssets.plannedStart),
          end: sql<Date>`max(${changeAssets.plannedEnd})`.mapWith(changeAssets.plannedEnd),
        })
        .from(changeAssets)
        .innerJoin(changeRequests, eq(changeRequests.id, changeAssets.changeId))
        .innerJoin(tenants, eq(tenants.id, changeRequests.tenantId))
        .where(
          and(
            inArray(changeRequests.tenantId, tenantIds),
            inArray(changeAssets.tenantId, tenantIds),
            isNotNull(changeAssets.plannedStart),
            gt(changeAssets.plannedEnd, new Date(now.getTime() - FEED_PAST_DAYS * DAY)),
            lt(changeAssets.plannedStart, new Date(now.getTime() + FEED_FUTURE_DAYS * DAY)),
          ),
        )
        .groupBy(changeRequests.id, tenants.name, changeAssets.waveIndex, changeAssets.ring)
        .orderBy(asc(changeRequests.number), sql`${changeAssets.waveIndex} asc nulls last`)
        .limit(5000)
    : [];
  return changesToIcs(waves, { now, calName: 'Patchward changes', baseUrl: opts.baseUrl });
}
