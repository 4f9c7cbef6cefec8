import type { TCriticality, TSeverity } from './types';

/**
 * A change request's lifecycle, as an explicit state machine. Pure: no database, no clock.
 *
 *   draft ──submit──▶ submitted ──approve──▶ approved ──schedule──▶ scheduled ──start──▶ implementing
 *                      │  ▲ resubmit (scope drift)                       ▲                │
 *                      │──reject──▶ rejected ──close──▶ closed            │                ├─complete─▶ completed ──close──▶ closed
 *                      └──expedite (emergency only)──────────────────────┘                └─fail─────▶ failed    ──close──▶ closed
 *   draft | submitted | approved | scheduled ──cancel──▶ cancelled ──close──▶ closed
 *
 * Standard changes are approved by their policy rule at submission and scheduled at once; emergency
 * changes may be expedited to scheduled before approval and are approved after the fact. Closing a
 * completed or failed change needs implementation evidence (checked by `transition`).
 */
export const CHANGE_STATES = ['draft', 'submitted', 'approved', 'rejected', 'scheduled', 'implementing', 'completed', 'failed', 'cancelled', 'closed'] as const;
export type TChangeState = (typeof CHANGE_STATES)[number];

export const CHANGE_EVENTS = ['submit', 'resubmit', 'approve', 'reject', 'expedite', 'schedule', 'start', 'complete', 'fail', 'cancel', 'close'] as const;
export type TChangeEvent = (typeof CHANGE_EVENTS)[number];

export const CHANGE_TYPES = ['standard', 'normal', 'emergency'] as const;
export type TChangeType = (typeof CHANGE_TYPES)[number];

export const CHANGE_STATE_LABEL: Record<TChangeState, string> = {
  draft: 'draft',
  submitted: 'awaiting approval',
  approved: 'approved',
  rejected: 'rejected',
  scheduled: 'scheduled',
  implementing: 'implementing',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
  closed: 'closed',
};

/** States in which nothing will happen to the fleet any more. */
export const TERMINAL_CHANGE_STATES: readonly TChangeState[] = ['rejected', 'completed', 'failed', 'cancelled', 'closed'];
/** States whose planned slots still occupy their assets (what the conflict check compares against). */
export const ACTIVE_CHANGE_STATES: readonly TChangeState[] = ['submitted', 'approved', 'scheduled', 'implementing'];

const MOVES: Record<TChangeState, Partial<Record<TChangeEvent, TChangeState>>> = {
  draft: { submit: 'submitted', cancel: 'cancelled' },
  submitted: { approve: 'approved', reject: 'rejected', resubmit: 'submitted', expedite: 'scheduled', cancel: 'cancelled' },
  approved: { schedule: 'scheduled', cancel: 'cancelled' },
  rejected: { close: 'closed' },
  scheduled: { start: 'implementing', cancel: 'cancelled' },
  implementing: { complete: 'completed', fail: 'failed' },
  completed: { close: 'closed' },
  failed: { close: 'closed' },
  cancelled: { close: 'closed' },
  closed: {},
};

export type TTransitionContext = {
  type: TChangeType;
  /** Implementation evidence recorded (job outcomes or an operator's record). */
  hasEvidence?: boolean;
};

export type TTransitionResult = { ok: true; state: TChangeState } | { ok: false; reason: string };

/** The state `event` leads to from `state`, or why it may not happen. Every state × event is defined. */
export function transition(state: TChangeState, event: TChangeEvent, ctx: TTransitionContext): TTransitionResult {
  const to = MOVES[state][event];
  if (!to) return { ok: false, reason: `This change is ${CHANGE_STATE_LABEL[state]}: it cannot be ${EVENT_PAST[event]}.` };
  if (event === 'expedite' && ctx.type !== 'emergency') return { ok: false, reason: 'Only an emergency change may be scheduled before it is approved.' };
  if (event === 'close' && (state === 'completed' || state === 'failed') && !ctx.hasEvidence)
    return { ok: false, reason: 'Record the implementation evidence before closing the change.' };
  return { ok: true, state: to };
}

/** Events that may follow `state` (for buttons), evidence and type rules included. */
export function allowedEvents(state: TChangeState, ctx: TTransitionContext): TChangeEvent[] {
  return CHANGE_EVENTS.filter((e) => transition(state, e, ctx).ok);
}

const EVENT_PAST: Record<TChangeEvent, string> = {
  submit: 'submitted',
  resubmit: 'resubmitted',
  approve: 'approved',
  reject: 'rejected',
  expedite: 'expedited',
  schedule: 'scheduled',
  start: 'started',
  complete: 'completed',
  fail: 'marked failed',
  cancel: 'cancelled',
  close: 'closed',
};

export const toChangeState = (s: string): TChangeState => ((CHANGE_STATES as readonly string[]).includes(s) ? (s as TChangeState) : 'draft');

// ── Approval ────────────────────────────────────────────────────────────────────────────────────

/**
 * Who must approve a normal change: the owner of every affected application (when the policy asks
 * for it) and `cabQuorum` distinct CAB members or security users. Standard changes are approved by
 * their rule; emergency changes by one CAB member or security user, after the fact.
 */
export type TApprovalPolicy = { ownerApproval: boolean; cabQuorum: number };

/** The capacity in which someone approved: as owner of an application, as a CAB member, as security, or an external system. */
export type TApprovalCapacity = { kind: 'owner'; applicationId: string } | { kind: 'cab' } | { kind: 'security' } | { kind: 'external' };

export type TApprovalVote = { approverId: string | null; decision: 'approve' | 'reject'; capacities: TApprovalCapacity[] };

export type TApprovalProgress = {
  /** Applications whose owner has not approved yet. */
  ownersMissing: string[];
  /** CAB/security approvals still needed for the quorum. */
  cabMissing: number;
  satisfied: boolean;
  rejected: boolean;
};

/** How far a change's approvals are: pure, from the votes and the requirement. An external approval satisfies everything. */
export function approvalProgress(
  type: TChangeType,
  policy: TApprovalPolicy,
  applicationIds: readonly string[],
  votes: readonly TApprovalVote[],
): TApprovalProgress {
  const rejected = votes.some((v) => v.decision === 'reject');
  const approvals = votes.filter((v) => v.decision === 'approve');
  if (approvals.some((v) => v.capacities.some((c) => c.kind === 'external'))) return { ownersMissing: [], cabMissing: 0, satisfied: !rejected, rejected };
  const ownersApproved = new Set(approvals.flatMap((v) => v.capacities.flatMap((c) => (c.kind === 'owner' ? [c.applicationId] : []))));
  const ownersMissing = type === 'normal' && policy.ownerApproval ? applicationIds.filter((a) => !ownersApproved.has(a)) : [];
  const quorum = type === 'standard' ? 0 : type === 'emergency' ? 1 : Math.max(0, policy.cabQuorum);
  const cabVoters = new Set(approvals.filter((v) => v.capacities.some((c) => c.kind === 'cab' || c.kind === 'security')).map((v) => v.approverId));
  const cabMissing = Math.max(0, quorum - cabVoters.size);
  return { ownersMissing, cabMissing, satisfied: !rejected && ownersMissing.length === 0 && cabMissing === 0, rejected };
}

// ── Risk ────────────────────────────────────────────────────────────────────────────────────────

export type TRiskInput = {
  maxSeverity: TSeverity;
  isKev: boolean;
  /** Highest EPSS probability (0–1) among the patches; null when unknown. */
  maxEpss: number | null;
  /** Most critical asset tier in scope. */
  maxCriticality: TCriticality;
  /** A hypervisor host is in scope: its VMs go down with it. */
  touchesHypervisor: boolean;
  assetCount: number;
};
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type TRiskLevel = (typeof RISK_LEVELS)[number];
export type TRisk = { score: number; level: TRiskLevel; factors: { factor: string; points: number }[] };

const SEVERITY_POINTS: Record<TSeverity, number> = { critical: 25, high: 18, medium: 10, low: 5, none: 0 };
const CRITICALITY_POINTS: Record<TCriticality, number> = { tier0: 25, tier1: 18, tier2: 8, tier3: 2 };

/**
 * Risk of a change, 0–100, from what it patches (severity, KEV, EPSS: the risk of waiting is also a
 * risk of rushing) and where (asset criticality, the hypervisor layer, how many assets). Each factor's
 * points are reported so the score explains itself. ≥ 60 is high, ≥ 35 medium.
 */
export function riskScore(input: TRiskInput): TRisk {
  const factors: { factor: string; points: number }[] = [];
  const add = (factor: string, points: number) => points > 0 && factors.push({ factor, points });
  add(`severity ${input.maxSeverity}`, SEVERITY_POINTS[input.maxSeverity]);
  if (input.isKev) add('known exploited (KEV)', 10);
  if (input.maxEpss !== null && input.maxEpss >= 0.1) add(`EPSS ${(input.maxEpss * 100).toFixed(0)}%`, input.maxEpss >= 0.5 ? 10 : 5);
  add(`asset criticality ${input.maxCriticality}`, CRITICALITY_POINTS[input.maxCriticality]);
  if (input.touchesHypervisor) add('hypervisor hosts in scope', 15);
  const sizePoints = input.assetCount >= 500 ? 15 : input.assetCount >= 100 ? 10 : input.assetCount >= 20 ? 5 : input.assetCount > 1 ? 2 : 0;
  add(`${input.assetCount} asset(s)`, sizePoints);
  const score = Math.min(
    100,
    factors.reduce((s, f) => s + f.points, 0),
  );
  return { score, level: score >= 60 ? 'high' : score >= 35 ? 'medium' : 'low', factors };
}

// ── Cadence ─────────────────────────────────────────────────────────────────────────────────────

/**
 * When a patch authorised at `authorisedAt` is released into a change under its severity's cadence
 * (UTC boundaries): asap at once; weekly the next Monday 00:00; monthly the 1st of the next month;
 * quarterly the 1st of the next quarter. A boundary equal to `authorisedAt` counts as reached. KEV
 * patches are always released at once.
 */
export function cadenceRelease(authorisedAt: string, cadence: 'asap' | 'weekly' | 'monthly' | 'quarterly', isKev: boolean): string {
  const t = new Date(authorisedAt);
  if (Number.isNaN(t.getTime())) throw new RangeError(`Not an instant: ${authorisedAt}`);
  if (isKev || cadence === 'asap') return t.toISOString();
  const y = t.getUTCFullYear();
  const m = t.getUTCMonth();
  const d = t.getUTCDate();
  const midnight = Date.UTC(y, m, d);
  let release: number;
  if (cadence === 'weekly') {
    const dow = (t.getUTCDay() + 6) % 7; // Monday 0
    release = dow === 0 && midnight === t.getTime() ? midnight : midnight + (7 - dow) * 86_400_000;
  } else if (cadence === 'monthly') {
    release = d === 1 && midnight === t.getTime() ? midnight : Date.UTC(y, m + 1, 1);
  } else {
    const q = Math.floor(m / 3) * 3;
    release = m === q && d === 1 && midnight === t.getTime() ? midnight : Date.UTC(y, q + 3, 1);
  }
  return new Date(release).toISOString();
}

// ── Standard change rules ───────────────────────────────────────────────────────────────────────

/** A pre-approval the tenant agreed to: patches up to `maxSeverity` on these rings (empty = every ring) go in as standard changes. */
export type TStandardRule = { name: string; maxSeverity: TSeverity; rings: string[]; includeKev: boolean };

const SEVERITY_RANK: Record<TSeverity, number> = { none: 0, low: 1, medium: 2, high: 3, critical: 4 };

/** The first rule that pre-approves a change of these patches on this ring, or null (a normal change). */
export function matchStandardRule(
  rules: readonly TStandardRule[],
  ring: string,
  patches: readonly { severity: TSeverity; isKev: boolean }[],
): TStandardRule | null {
  return (
    rules.find(
      (r) =>
        (r.rings.length === 0 || r.rings.includes(ring)) &&
        patches.every((p) => SEVERITY_RANK[p.severity] <= SEVERITY_RANK[r.maxSeverity] && (r.includeKev || !p.isKev)),
    ) ?? null
  );
}

// ── Conflicts ───────────────────────────────────────────────────────────────────────────────────

export type TSlot = { assetId: string; start: string; end: string };
export type TConflict =
  | { kind: 'blackout'; blackoutId: string; name: string; assetId: string; start: string; end: string }
  | { kind: 'asset'; changeId: string; assetId: string; start: string; end: string }
  | { kind: 'cluster'; changeId: string; cluster: string; assetId: string; otherAssetId: string; start: string; end: string };

const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }) =>
  Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);

/**
 * Conflicts of a change's planned slots: a blackout covering a slot (its scope already resolved to the
 * assets it applies to, `null` = every asset), another change's slot on the same asset, or on another
 * host of the same hypervisor cluster, in overlapping time. Pure; deterministic order.
 */
export function findConflicts(
  slots: readonly TSlot[],
  blackouts: readonly { id: string; name: string; start: string; end: string; appliesTo: (assetId: string) => boolean }[],
  others: readonly (TSlot & { changeId: string })[],
  clusterOf: (assetId: string) => string | null,
): TConflict[] {
  const byAsset = new Map<string, (TSlot & { changeId: string })[]>();
  const byCluster = new Map<string, (TSlot & { changeId: string })[]>();
  for (const o of others) {
    byAsset.set(o.assetId, [...(byAsset.get(o.assetId) ?? []), o]);
    const c = clusterOf(o.assetId);
    if (c) byCluster.set(c, [...(byCluster.get(c) ?? []), o]);
  }
  const out: TConflict[] = [];
  for (const s of slots) {
    for (const b of blackouts)
      if (b.appliesTo(s.assetId) && overlaps(s, b))
        out.push({ kind: 'blackout', blackoutId: b.id, name: b.name, assetId: s.assetId, start: s.start, end: s.end });
    for (const o of byAsset.get(s.assetId) ?? [])
      if (overlaps(s, o)) out.push({ kind: 'asset', changeId: o.changeId, assetId: s.assetId, start: s.start, end: s.end });
    const cluster = clusterOf(s.assetId);
    if (!cluster) continue;
    for (const o of byCluster.get(cluster) ?? [])
      if (o.assetId !== s.assetId && overlaps(s, o))
        out.push({ kind: 'cluster', changeId: o.changeId, cluster, assetId: s.assetId, otherAssetId: o.assetId, start: s.start, end: s.end });
  }
  return out;
}

// ── Scope drift ─────────────────────────────────────────────────────────────────────────────────

export type TScopeDiff = { added: string[]; removed: string[]; moved: { assetId: string; from: string; to: string }[] };

/** What changed between the scope a change was submitted with and the scope it has now (assets with their ring). */
export function scopeDiff(before: readonly { assetId: string; ring: string }[], after: readonly { assetId: string; ring: string }[]): TScopeDiff {
  const b = new Map(before.map((x) => [x.assetId, x.ring]));
  const a = new Map(after.map((x) => [x.assetId, x.ring]));
  const added = [...a.keys()].filter((k) => !b.has(k)).sort();
  const removed = [...b.keys()].filter((k) => !a.has(k)).sort();
  const moved = [...a.entries()]
    .filter(([k, r]) => b.has(k) && b.get(k) !== r)
    .map(([assetId, to]) => ({ assetId, from: b.get(assetId) as string, to }))
    .sort((x, y) => (x.assetId < y.assetId ? -1 : 1));
  return { added, removed, moved };
}

export const isScopeDiffEmpty = (d: TScopeDiff) => d.added.length === 0 && d.removed.length === 0 && d.moved.length === 0;
