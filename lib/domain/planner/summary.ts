import type { TTimeMode } from '../policy';
import { UNSCHEDULABLE_REASONS, type TPlan, type TUnschedulableReason } from './types';

export type TPlanSummary = {
  changeId: string;
  timeMode: TTimeMode;
  jobMinutes: number;
  jobs: number;
  waves: { ring: string; index: number; jobs: number; start: string; end: string }[];
  start: string | null;
  end: string | null;
  unschedulable: Record<TUnschedulableReason, number>;
  atRisk: number;
  /** Most jobs running at the same instant anywhere in the plan. */
  peakConcurrency: number;
};

/** Counts and bounds of a plan, for lists, notifications and the change page. */
export function summarizePlan(plan: TPlan): TPlanSummary {
  const unschedulable = Object.fromEntries(UNSCHEDULABLE_REASONS.map((r) => [r, 0])) as Record<TUnschedulableReason, number>;
  for (const u of plan.unschedulable) unschedulable[u.reason]++;
  const events: [number, number][] = [];
  for (const w of plan.waves) for (const j of w.jobs) events.push([Date.parse(j.start), 1], [Date.parse(j.end), -1]);
  // Ends before starts at the same instant: back-to-back jobs do not overlap.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let running = 0;
  let peak = 0;
  for (const [, d] of events) {
    running += d;
    peak = Math.max(peak, running);
  }
  return {
    changeId: plan.changeId,
    timeMode: plan.timeMode,
    jobMinutes: plan.jobMinutes,
    jobs: plan.waves.reduce((n, w) => n + w.jobs.length, 0),
    waves: plan.waves.map((w) => ({ ring: w.ring, index: w.index, jobs: w.jobs.length, start: w.start, end: w.end })),
    start: plan.waves[0]?.start ?? null,
    end: plan.waves.at(-1)?.end ?? null,
    unschedulable,
    atRisk: plan.atRisk.length,
    peakConcurrency: peak,
  };
}
