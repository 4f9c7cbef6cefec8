import type { TAtRiskReason, TPlan, TUnschedulableReason } from '@/lib/domain/planner';
import type { TPolicy } from '@/lib/domain/policy';
import { instantToLocal } from '@/lib/domain/time';
import type { TPreviewAsset } from './preview-schedule';

/**
 * Plain figures derived from a plan for pages, exports and the API. Pure: no database, no clock.
 */

/** `YYYY-MM-DD HH:mm` as `zone` shows the instant. */
export function wallTime(iso: string, zone: string): string {
  return instantToLocal(iso, zone).replace('T', ' ');
}

const ISO_IN_TEXT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})/g;

/** An instant for a reader: on the asset's clock with its zone named, and in UTC ("2026-12-08 06:45 Asia/Kathmandu (01:00 UTC)"). */
export function readableInstant(iso: string, zone: string): string {
  const utc = wallTime(iso, 'UTC');
  let local: string;
  try {
    local = wallTime(iso, zone);
  } catch {
    return `${utc} UTC`; // an unknown zone (reported by the planner itself): UTC alone is still right
  }
  if (zone === 'UTC' || local === utc) return `${utc} UTC`;
  return `${local} ${zone} (${local.slice(0, 10) === utc.slice(0, 10) ? utc.slice(11) : utc} UTC)`;
}

/** A planner's explanation with every raw ISO instant in it rewritten by `readableInstant`. */
export function readableDetail(detail: string, zone: string): string {
  return detail.replace(ISO_IN_TEXT, (iso) => readableInstant(iso, zone));
}

export type TRingCount = { ring: string; targets: number; planned: number; atRisk: number; unschedulable: number; start: string | null; end: string | null };

/** Per ring in policy order (rings outside the policy last): targets, planned jobs, misses and the wave's bounds. */
export function ringCounts(plan: TPlan, policy: TPolicy, assets: Record<string, TPreviewAsset>): TRingCount[] {
  const order = policy.rings.map((r) => r.ring);
  for (const a of Object.values(assets)) if (!order.includes(a.ring)) order.push(a.ring);
  const counts = new Map<string, TRingCount>(
    order.map((ring) => [ring, { ring, targets: 0, planned: 0, atRisk: 0, unschedulable: 0, start: null, end: null }]),
  );
  for (const a of Object.values(assets)) (counts.get(a.ring) as TRingCount).targets++;
  for (const w of plan.waves) {
    const c = counts.get(w.ring);
    if (c) Object.assign(c, { planned: w.jobs.length, start: w.start, end: w.end });
  }
  for (const r of plan.atRisk) {
    const c = counts.get(assets[r.assetId]?.ring ?? '');
    if (c) c.atRisk++;
  }
  for (const u of plan.unschedulable) {
    const c = counts.get(assets[u.assetId]?.ring ?? '');
    if (c) c.unschedulable++;
  }
  return [...counts.values()].filter((c) => c.targets > 0);
}

export type TTimeline = { rows: Record<string, string | number>[]; series: string[] };

/** Jobs starting per calendar day (in `zone`) per ring, every day from the first job to the last one, so gaps (soak) show. */
export function dailyTimeline(plan: TPlan, zone: string): TTimeline {
  const series = plan.waves.map((w) => w.ring);
  const perDay = new Map<string, Record<string, number>>();
  for (const w of plan.waves) {
    for (const j of w.jobs) {
      const day = instantToLocal(j.start, zone).slice(0, 10);
      const row = perDay.get(day) ?? Object.fromEntries(series.map((s) => [s, 0]));
      row[w.ring]++;
      perDay.set(day, row);
    }
  }
  if (perDay.size === 0) return { rows: [], series };
  const days = [...perDay.keys()].sort();
  const rows: Record<string, string | number>[] = [];
  for (let d = Date.parse(`${days[0]}T00:00:00Z`), last = Date.parse(`${days.at(-1)}T00:00:00Z`); d <= last; d += 86_400_000) {
    const day = new Date(d).toISOString().slice(0, 10);
    rows.push({ day, ...(perDay.get(day) ?? Object.fromEntries(series.map((s) => [s, 0]))) });
  }
  return { rows, series };
}

export type TMiss = {
  assetId: string;
  name: string;
  kind: string;
  ring: string;
  zone: string;
  status: 'late' | 'unschedulable';
  reason: TAtRiskReason | TUnschedulableReason;
  detail: string;
  deadline: string;
  /** Planned start and end of a late job; null when unschedulable. */
  start: string | null;
  end: string | null;
};

/** Assets whose job ends after the SLA deadline, or that cannot be scheduled at all: earliest deadline first, then by name. */
export function deadlineMisses(plan: TPlan, assets: Record<string, TPreviewAsset>): TMiss[] {
  const base = (id: string) => {
    const a = assets[id];
    return { assetId: id, name: a?.name ?? id, kind: a?.kind ?? 'vm', ring: a?.ring ?? '', zone: a?.zone ?? 'UTC' };
  };
  const misses: TMiss[] = [
    ...plan.atRisk.map((r) => ({
      ...base(r.assetId),
      status: 'late' as const,
      reason: r.reason,
      detail: r.detail,
      deadline: r.deadline,
      start: r.start,
      end: r.end,
    })),
    ...plan.unschedulable.map((u) => ({
      ...base(u.assetId),
      status: 'unschedulable' as const,
      reason: u.reason,
      detail: u.detail,
      deadline: u.deadline,
      start: null,
      end: null,
    })),
  ];
  return misses.sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** One page of a list, 1-based; the page is clamped to the last one. */
export function pageOf<T>(rows: readonly T[], page: number, size: number): { rows: T[]; total: number; page: number; size: number } {
  const last = Math.max(1, Math.ceil(rows.length / size));
  const p = Math.min(Math.max(1, page), last);
  return { rows: rows.slice((p - 1) * size, p * size), total: rows.length, page: p, size };
}

export const MISS_REASON_LABEL: Record<TMiss['reason'], string> = {
  window_after_deadline: 'first window too late',
  ring_order: 'earlier rings and soak',
  capacity: 'capacity limits',
  no_window_before_deadline: 'no free slot in horizon',
  blackout: 'blackout',
  excepted: 'excepted',
  ring_gate: 'ring gate',
  no_window: 'no window',
};
