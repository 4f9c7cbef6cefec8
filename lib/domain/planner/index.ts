import { clusterMaxDown, errorThresholdFor, maxConcurrencyFor, type TTimeMode } from '../policy';
import { parseInstant, toInstant } from '../time';
import type { TWindowDef } from '../windows';
import { scheduleAbsolute } from './absolute';
import { GroupIndex, MINUTE_MS, firstOpenStart, minuteToIso, type TClock } from './groups';
import { scheduleLocal } from './local';
import { compareEntries, type TEntry, type TPlaced, type TRingOutcome } from './ring';
import { CapacityTimeline } from './timeline';
import type { TAtRisk, TPlan, TPlanInput, TPlanJob, TUnschedulable, TWave } from './types';

export * from './types';
export { summarizePlan, type TPlanSummary } from './summary';

const DAY_MS = 86_400_000;
export const DEFAULT_HORIZON_DAYS = 120;
export const MAX_HORIZON_DAYS = 400;

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Turns an approved change into deployment waves. Pure and deterministic: the same input (in any
 * order of targets, windows or blackouts) gives a deep-equal plan.
 *
 * - One job per target covering all patches; every job lasts the sum of `expectedMinutes`.
 * - Time mode: `absolute` when any patch (or the policy default, for patches without one) says so,
 *   otherwise `local` — one absolute patch is enough to forbid mixed versions.
 * - Rings run in policy order. A ring starts no earlier than the previous ring's last job end + that
 *   ring's `soakHours`. If a ring can plan less than its gate's `minSuccessPct` of its (non-excepted)
 *   targets, every later ring is reported `ring_gate`. Targets in a ring outside the policy are `ring_gate` too.
 * - SLA deadline per target: `detectedAt` + the smallest `slaDays` among the patches. Targets are
 *   planned earliest-deadline first; a job ending after its deadline is still planned and listed in `atRisk`.
 * - A job sits wholly inside one window occurrence minus blackouts; concurrency never exceeds the
 *   ring's limit at any minute; a host's job starts after its VMs' jobs in the same ring end; at most
 *   `clusterMaxDownPct` of a cluster's hosts (at least one) are down at once. Cluster size counts the
 *   host targets of the change with that cluster id, excepted ones included.
 * - Gates are checked here only as far as planning can: `noOpenIncidents` and real success rates are
 *   the executor's business at promotion time.
 * - Times are whole minutes: planning starts at `now` rounded up to the minute; blackouts are widened
 *   to whole minutes.
 */
export function planChange(input: TPlanInput): TPlan {
  const horizonDays = input.horizonDays ?? DEFAULT_HORIZON_DAYS;
  if (!Number.isInteger(horizonDays) || horizonDays < 1 || horizonDays > MAX_HORIZON_DAYS) {
    throw new RangeError(`horizonDays must be a whole number from 1 to ${MAX_HORIZON_DAYS}, got ${horizonDays}`);
  }
  if (input.patches.length === 0) throw new RangeError('A change needs at least one patch to plan.');
  const { policy } = input;
  const jobMinutes = Math.max(1, Math.ceil(input.patches.reduce((s, p) => s + p.expectedMinutes, 0)));
  const originMs = Math.ceil(parseInstant(input.now) / MINUTE_MS) * MINUTE_MS;
  const clock: TClock = { originMs, horizon: horizonDays * 1440, jobMinutes };
  const timeMode: TTimeMode = input.patches.some((p) => (p.timeMode ?? policy.defaultTimeMode) === 'absolute') ? 'absolute' : 'local';
  const slaDays = Math.min(...input.patches.map((p) => policy.severity[p.severity].slaDays));

  const windows = new Map<string, TWindowDef>();
  for (const w of [...input.windows].sort((a, b) => byId(a.id, b.id))) {
    if (windows.has(w.id)) throw new RangeError(`Duplicate window id "${w.id}"`);
    windows.set(w.id, w.def);
  }
  const blackouts = [...input.blackouts].sort(
    (a, b) =>
      parseInstant(a.startsAt) - parseInstant(b.startsAt) ||
      parseInstant(a.endsAt) - parseInstant(b.endsAt) ||
      byId(a.name, b.name) ||
      byId(JSON.stringify(a.scope), JSON.stringify(b.scope)),
  );
  const groups = new GroupIndex(clock, windows, blackouts);
  const iso = isoCache(clock);
  const targets = [...input.targets].sort((a, b) => byId(a.assetId, b.assetId));

  const ringOrder = new Map(policy.rings.map((r, i) => [r.ring, i]));
  const byRing: TEntry[][] = policy.rings.map(() => []);
  const unschedulable: TUnschedulable[] = [];
  const clusterHosts = new Map<string, number>();
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i];
    if (i > 0 && targets[i - 1].assetId === target.assetId) throw new RangeError(`Duplicate target asset id "${target.assetId}"`);
    if (target.kind === 'host' && target.clusterId) clusterHosts.set(target.clusterId, (clusterHosts.get(target.clusterId) ?? 0) + 1);
    const deadlineMs = parseInstant(target.detectedAt) + slaDays * DAY_MS;
    const deadline = iso.ofMs(deadlineMs);
    const ring = ringOrder.get(target.ring);
    if (target.excepted) {
      unschedulable.push({ assetId: target.assetId, reason: 'excepted', detail: 'An approved exception excludes this asset from the change.', deadline });
    } else if (ring === undefined) {
      const known = policy.rings.map((r) => r.ring).join(' → ');
      unschedulable.push({
        assetId: target.assetId,
        reason: 'ring_gate',
        detail: `Ring "${target.ring}" is not in the policy's ring order (${known}).`,
        deadline,
      });
    } else {
      byRing[ring].push({ target, group: groups.groupOf(target), deadlineMs });
    }
  }

  const timeline = timeMode === 'local' ? new CapacityTimeline(clock.horizon) : null;
  const waves: TWave[] = [];
  const atRisk: TAtRisk[] = [];
  let ringStart = 0;
  let blocked: string | null = null;
  policy.rings.forEach((rule, r) => {
    const entries = byRing[r];
    if (entries.length === 0) return;
    const fail = (detail: string, reason: TUnschedulable['reason']) => {
      for (const e of entries) unschedulable.push({ assetId: e.target.assetId, reason, detail, deadline: iso.ofMs(e.deadlineMs) });
    };
    if (blocked !== null) return fail(blocked, 'ring_gate');
    entries.sort(compareEntries);
    groups.resetCursors();
    const spec = {
      ring: rule.ring,
      ringStart,
      entries,
      limit: maxConcurrencyFor(policy, entries.length),
      clusterLimit: (id: string) => clusterMaxDown(policy, clusterHosts.get(id) ?? 1),
      hostIds: new Set(entries.filter((e) => e.target.kind === 'host').map((e) => e.target.assetId)),
    };
    const outcome: TRingOutcome = timeline ? scheduleLocal(spec, clock, timeline) : scheduleAbsolute(spec, clock);
    for (const f of outcome.failed) {
      unschedulable.push({ assetId: f.entry.target.assetId, reason: f.reason, detail: f.detail, deadline: iso.ofMs(f.entry.deadlineMs) });
    }
    if (outcome.placed.length > 0) {
      waves.push(toWave(rule.ring, waves.length, outcome.placed, errorThresholdFor(policy, outcome.placed.length), jobMinutes, iso));
      for (const p of outcome.placed) {
        const risk = classifyRisk(p, ringStart, clock, iso);
        if (risk) atRisk.push(risk);
      }
      ringStart = outcome.placed.reduce((m, p) => Math.max(m, p.start), 0) + jobMinutes + Math.ceil(rule.soakHours * 60);
    }
    const pct = (outcome.placed.length / entries.length) * 100;
    if (pct < rule.gate.minSuccessPct) {
      blocked = `Ring "${rule.ring}" can plan only ${outcome.placed.length} of its ${entries.length} targets (${Math.floor(pct)}%), below its ${rule.gate.minSuccessPct}% promotion gate.`;
    }
  });

  unschedulable.sort((a, b) => byId(a.assetId, b.assetId));
  atRisk.sort((a, b) => byId(a.assetId, b.assetId));
  return {
    changeId: input.changeId,
    plannedAt: toInstant(originMs),
    horizonEnd: minuteToIso(clock, clock.horizon),
    timeMode,
    jobMinutes,
    requiresReboot: input.patches.some((p) => p.requiresReboot),
    waves,
    unschedulable,
    atRisk,
  };
}

type TIso = ((minute: number) => string) & { ofMs: (ms: number) => string };

function toWave(ring: string, index: number, placed: TPlaced[], haltAfterFailures: number, D: number, iso: TIso): TWave {
  const sorted = [...placed].sort((a, b) => a.start - b.start || byId(a.entry.target.assetId, b.entry.target.assetId));
  const jobs: TPlanJob[] = sorted.map((p) => ({ assetId: p.entry.target.assetId, start: iso(p.start), end: iso(p.start + D), windowId: p.windowId }));
  const last = sorted[sorted.length - 1].start;
  return { ring, index, start: jobs[0].start, end: iso(last + D), haltAfterFailures, jobs };
}

function classifyRisk(p: TPlaced, ringStart: number, clock: TClock, iso: TIso): TAtRisk | null {
  const D = clock.jobMinutes;
  const endMs = clock.originMs + (p.start + D) * MINUTE_MS;
  const { deadlineMs, group, target } = p.entry;
  if (endMs <= deadlineMs) return null;
  const lateEnd = (start: number) => start < 0 || clock.originMs + (start + D) * MINUTE_MS > deadlineMs;
  const base = { assetId: target.assetId, deadline: iso.ofMs(deadlineMs), start: iso(p.start), end: iso(p.start + D) };
  if (lateEnd(firstOpenStart(group, 0, D))) {
    return { ...base, reason: 'window_after_deadline', detail: 'Its first window long enough for the job already ends after the SLA deadline.' };
  }
  if (lateEnd(firstOpenStart(group, ringStart, D))) {
    return { ...base, reason: 'ring_order', detail: `Earlier rings and their soak time only let ring "${target.ring}" start at ${iso(ringStart)}.` };
  }
  return {
    ...base,
    reason: 'capacity',
    detail: 'Concurrency or cluster limits, VMs-before-host ordering or the shared instant of absolute mode pushed the job past the deadline.',
  };
}

/** Many jobs share a start minute and many targets a deadline: format each instant once. */
function isoCache(clock: TClock): TIso {
  const cache = new Map<number, string>();
  const ofMs = (ms: number) => {
    let s = cache.get(ms);
    if (s === undefined) {
      s = toInstant(ms);
      cache.set(ms, s);
    }
    return s;
  };
  return Object.assign((m: number) => ofMs(clock.originMs + m * MINUTE_MS), { ofMs });
}
