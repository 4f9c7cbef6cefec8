import { SEVERITIES, type TSeverity } from './types';

/**
 * The security team's lifecycle of a patch, as an explicit state machine. Pure: no database, no
 * clock (callers pass `now`).
 *
 *   new ──start test──▶ in_testing ──decision──▶ authorised | deferred | rejected
 *   authorised ──revoke──▶ revoked ──▶ (back in the queue: test or decide again)
 *   deferred   ──its date passes──▶ counts as new again (lazy: see effectiveStatus)
 *   rejected   ──a new test run (e.g. after a vendor revision)──▶ in_testing
 *
 * A vendor revision of an authorised patch sets `needsReview`: the patch stays authorised, and may
 * then be re-authorised (authorised → authorised), re-tested without losing its authorisation, or
 * revoked.
 */
export const PATCH_STATUSES = ['new', 'in_testing', 'authorised', 'deferred', 'rejected', 'revoked'] as const;
export type TPatchStatus = (typeof PATCH_STATUSES)[number];

/** A status as stored; anything unknown reads as new (a row written by a newer version, say). */
export const toPatchStatus = (s: string): TPatchStatus => ((PATCH_STATUSES as readonly string[]).includes(s) ? (s as TPatchStatus) : 'new');

export const STATUS_LABEL: Record<TPatchStatus, string> = {
  new: 'new',
  in_testing: 'in testing',
  authorised: 'authorised',
  deferred: 'deferred',
  rejected: 'rejected',
  revoked: 'revoked',
};

/** What a security user can ask for; each kind moves the patch to one status when approved. */
export const DECISION_KINDS = ['authorise', 'defer', 'reject', 'revoke'] as const;
export type TDecisionKind = (typeof DECISION_KINDS)[number];

export const DECISION_TARGET: Record<TDecisionKind, TPatchStatus> = {
  authorise: 'authorised',
  defer: 'deferred',
  reject: 'rejected',
  revoke: 'revoked',
};

export const DECISION_STATUSES = ['requested', 'approved', 'refused'] as const;
export type TDecisionStatus = (typeof DECISION_STATUSES)[number];

/** Per-asset outcome of a test; `pending` until someone records it. */
export const TEST_OUTCOMES = ['passed', 'failed', 'blocked'] as const;
export type TTestOutcome = (typeof TEST_OUTCOMES)[number];
export const HEALTH_CHECKS = ['healthy', 'degraded', 'unhealthy', 'not_run'] as const;
export type THealthCheck = (typeof HEALTH_CHECKS)[number];

/** Statuses the testing queue shows: work the security team still has to do. */
export const QUEUE_STATUSES: readonly TPatchStatus[] = ['new', 'in_testing', 'revoked'];

/** Legal moves regardless of context; authorised → authorised additionally needs `needsReview`. */
const LEGAL: Record<TPatchStatus, readonly TPatchStatus[]> = {
  new: ['in_testing', 'authorised', 'deferred', 'rejected'],
  in_testing: ['in_testing', 'authorised', 'deferred', 'rejected'],
  deferred: ['in_testing', 'authorised', 'deferred', 'rejected'],
  authorised: ['revoked'],
  rejected: ['in_testing'],
  revoked: ['in_testing', 'authorised', 'deferred', 'rejected'],
};

/** Why a move out of a status is refused: what the user can do instead. */
const HINT: Record<TPatchStatus, string> = {
  new: 'a new patch can be tested, authorised, deferred or rejected',
  in_testing: 'a patch in testing can be tested again, authorised, deferred or rejected',
  deferred: 'a deferred patch can be tested, authorised, rejected or deferred to another date',
  authorised: 'an authorised patch can only be revoked (or re-authorised and re-tested after a vendor revision)',
  rejected: 'a rejected patch can only be reopened by a new test run',
  revoked: 'a revoked patch can be tested, authorised, deferred or rejected again',
};

export type TTransitionCheck = { ok: true } | { ok: false; message: string };

/** Whether the lifecycle allows `from → to`; the refusal names both states and the way forward. */
export function checkTransition(from: TPatchStatus, to: TPatchStatus, ctx: { needsReview: boolean } = { needsReview: false }): TTransitionCheck {
  if (LEGAL[from].includes(to)) return { ok: true };
  if (from === 'authorised' && to === 'authorised' && ctx.needsReview) return { ok: true };
  return { ok: false, message: `A patch cannot go from "${STATUS_LABEL[from]}" to "${STATUS_LABEL[to]}": ${HINT[from]}.` };
}

/**
 * The status a new test run leaves the patch in: in testing, except an authorised patch under review,
 * which keeps its authorisation while it is re-tested.
 */
export function statusAfterTestStart(from: TPatchStatus, needsReview: boolean): TPatchStatus {
  return from === 'authorised' && needsReview ? 'authorised' : 'in_testing';
}

/** The UTC calendar date of an instant (YYYY-MM-DD): deferral dates are whole UTC days. */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export type TStoredStatus = { status: TPatchStatus; deferredUntil: string | null };

/**
 * The status that counts at `now`. A deferral ends at the start (UTC) of its date: a patch deferred
 * until 2026-06-01 is back in the queue as `new` from 1 June 00:00 UTC. Evaluated lazily wherever a
 * status is read (queue, decisions, auto-approval), so no job has to flip it and a clock can be
 * injected in tests.
 */
export function effectiveStatus(stored: TStoredStatus | null | undefined, now: Date): TPatchStatus {
  if (!stored) return 'new';
  if (stored.status === 'deferred' && stored.deferredUntil !== null && stored.deferredUntil <= utcDate(now)) return 'new';
  return stored.status;
}

/** Whether a patch is deferred and its date has come (it shows in the queue again). */
export function isDeferralOver(stored: TStoredStatus | null | undefined, now: Date): boolean {
  return !!stored && stored.status === 'deferred' && effectiveStatus(stored, now) === 'new';
}

/** A deferral date must lie strictly in the future (tomorrow, UTC, at the earliest). */
export function checkDeferralDate(date: string, now: Date): TTransitionCheck {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
    return { ok: false, message: 'Enter the deferral date as YYYY-MM-DD.' };
  if (date <= utcDate(now)) return { ok: false, message: `The deferral date must be in the future (after ${utcDate(now)}, UTC).` };
  return { ok: true };
}

export type TResultCounts = { passed: number; failed: number; blocked: number; pending: number };

/** A passed run: at least one passed result and no failed one. */
export function isPassedRun(c: TResultCounts): boolean {
  return c.passed > 0 && c.failed === 0;
}

/** A run's status from its results: open while any result is pending. */
export function runStatus(c: TResultCounts): 'open' | 'passed' | 'failed' | 'blocked' {
  if (c.pending > 0) return 'open';
  if (c.failed > 0) return 'failed';
  if (c.passed > 0) return 'passed';
  return 'blocked';
}

export function countOutcomes(outcomes: readonly string[]): TResultCounts {
  const c: TResultCounts = { passed: 0, failed: 0, blocked: 0, pending: 0 };
  for (const o of outcomes) {
    if (o === 'passed' || o === 'failed' || o === 'blocked') c[o]++;
    else c.pending++;
  }
  return c;
}

/** SEVERITIES runs most severe first. (Not severity.ts: that pulls a CVSS library into client bundles.) */
export function severityAtLeast(severity: TSeverity, min: TSeverity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(min);
}

/** Severities an auto-approval rule can start from ("none" would approve anything tested). */
export const AUTO_APPROVAL_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const satisfies readonly TSeverity[];

/**
 * Whether an auto-approval rule is due for a patch: severity at or above the rule's, not objected
 * to, and `afterDays` × 24 h elapsed since the reference instant (the passed test run, or the
 * patch's publication when the rule does not require a test). `null` reference = not eligible.
 */
export function isAutoApprovalDue(p: {
  severity: TSeverity;
  minSeverity: TSeverity;
  afterDays: number;
  since: Date | null;
  hasObjection: boolean;
  now: Date;
}): boolean {
  if (p.hasObjection || p.since === null || !severityAtLeast(p.severity, p.minSeverity)) return false;
  return p.now.getTime() - p.since.getTime() >= p.afterDays * 86_400_000;
}
