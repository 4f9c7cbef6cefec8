import { describe, expect, it } from 'vitest';
import {
  checkDeferralDate,
  checkTransition,
  countOutcomes,
  DECISION_TARGET,
  effectiveStatus,
  isAutoApprovalDue,
  isDeferralOver,
  isPassedRun,
  PATCH_STATUSES,
  runStatus,
  severityAtLeast,
  statusAfterTestStart,
  type TPatchStatus,
} from './patch-lifecycle';

/** The whole table, written out by hand: every pair not listed here must be refused. */
const LEGAL_PAIRS = new Set([
  'new→in_testing',
  'new→authorised',
  'new→deferred',
  'new→rejected',
  'in_testing→in_testing',
  'in_testing→authorised',
  'in_testing→deferred',
  'in_testing→rejected',
  'deferred→in_testing',
  'deferred→authorised',
  'deferred→deferred',
  'deferred→rejected',
  'authorised→revoked',
  'rejected→in_testing',
  'revoked→in_testing',
  'revoked→authorised',
  'revoked→deferred',
  'revoked→rejected',
]);

const pairs = PATCH_STATUSES.flatMap((from) => PATCH_STATUSES.map((to) => [from, to] as [TPatchStatus, TPatchStatus]));

describe('checkTransition', () => {
  it('covers all 36 pairs', () => expect(pairs).toHaveLength(36));

  it.each(pairs.filter(([f, t]) => LEGAL_PAIRS.has(`${f}→${t}`)))('allows %s → %s', (from, to) => {
    expect(checkTransition(from, to)).toEqual({ ok: true });
    expect(checkTransition(from, to, { needsReview: true })).toEqual({ ok: true });
  });

  it.each(pairs.filter(([f, t]) => !LEGAL_PAIRS.has(`${f}→${t}`) && !(f === 'authorised' && t === 'authorised')))(
    'refuses %s → %s, naming both states',
    (from, to) => {
      for (const needsReview of [false, true]) {
        const res = checkTransition(from, to, { needsReview });
        expect(res.ok).toBe(false);
        if (!res.ok) {
          expect(res.message).toContain(`from "${from.replace('_', ' ')}"`);
          expect(res.message).toContain(`to "${to.replace('_', ' ')}"`);
        }
      }
    },
  );

  it('re-authorising an authorised patch is allowed only while it needs review', () => {
    expect(checkTransition('authorised', 'authorised').ok).toBe(false);
    expect(checkTransition('authorised', 'authorised', { needsReview: true })).toEqual({ ok: true });
  });

  it('names the way forward', () => {
    const res = checkTransition('authorised', 'deferred');
    expect(res).toEqual({ ok: false, message: expect.stringMatching(/can only be revoked/) });
    expect(checkTransition('rejected', 'authorised')).toEqual({ ok: false, message: expect.stringMatching(/new test run/) });
  });

  it('every decision kind targets a state', () => {
    expect(DECISION_TARGET).toEqual({ authorise: 'authorised', defer: 'deferred', reject: 'rejected', revoke: 'revoked' });
  });
});

describe('statusAfterTestStart', () => {
  it('moves to in testing, except an authorised patch under review keeps its authorisation', () => {
    for (const s of PATCH_STATUSES) if (s !== 'authorised') expect(statusAfterTestStart(s, true)).toBe('in_testing');
    expect(statusAfterTestStart('authorised', true)).toBe('authorised');
    expect(statusAfterTestStart('authorised', false)).toBe('in_testing');
    // …which the machine then refuses: an authorised patch not under review cannot be re-tested.
    expect(checkTransition('authorised', statusAfterTestStart('authorised', false)).ok).toBe(false);
  });
});

describe('effectiveStatus (deferrals end lazily)', () => {
  const deferred = { status: 'deferred' as const, deferredUntil: '2026-06-01' };
  it('no row is new', () => expect(effectiveStatus(null, new Date())).toBe('new'));
  it('a deferral holds until the start of its date (UTC), then counts as new', () => {
    expect(effectiveStatus(deferred, new Date('2026-05-31T23:59:59Z'))).toBe('deferred');
    expect(effectiveStatus(deferred, new Date('2026-06-01T00:00:00Z'))).toBe('new');
    expect(effectiveStatus(deferred, new Date('2027-01-01T00:00:00Z'))).toBe('new');
    expect(isDeferralOver(deferred, new Date('2026-06-02T00:00:00Z'))).toBe(true);
    expect(isDeferralOver(deferred, new Date('2026-05-02T00:00:00Z'))).toBe(false);
  });
  it('other statuses are as stored', () => {
    for (const s of PATCH_STATUSES) if (s !== 'deferred') expect(effectiveStatus({ status: s, deferredUntil: '2020-01-01' }, new Date())).toBe(s);
  });
});

describe('checkDeferralDate', () => {
  const now = new Date('2026-05-10T22:00:00Z');
  it('refuses today and the past, accepts tomorrow', () => {
    expect(checkDeferralDate('2026-05-09', now).ok).toBe(false);
    expect(checkDeferralDate('2026-05-10', now)).toEqual({ ok: false, message: expect.stringMatching(/must be in the future/) });
    expect(checkDeferralDate('2026-05-11', now)).toEqual({ ok: true });
  });
  it('refuses what is not a date', () => {
    expect(checkDeferralDate('next week', now)).toEqual({ ok: false, message: 'Enter the deferral date as YYYY-MM-DD.' });
    expect(checkDeferralDate('2026-13-45', now).ok).toBe(false);
  });
});

describe('test run outcomes', () => {
  it('a passed run has at least one pass and no failure; pending and blocked do not fail it', () => {
    expect(isPassedRun(countOutcomes(['passed', 'blocked', 'pending']))).toBe(true);
    expect(isPassedRun(countOutcomes(['passed', 'failed']))).toBe(false);
    expect(isPassedRun(countOutcomes(['blocked', 'pending']))).toBe(false);
  });
  it('run status', () => {
    expect(runStatus(countOutcomes(['passed', 'pending']))).toBe('open');
    expect(runStatus(countOutcomes(['passed', 'failed']))).toBe('failed');
    expect(runStatus(countOutcomes(['passed', 'blocked']))).toBe('passed');
    expect(runStatus(countOutcomes(['blocked']))).toBe('blocked');
  });
});

describe('auto-approval', () => {
  const base = { severity: 'high' as const, minSeverity: 'high' as const, afterDays: 3, since: new Date('2026-05-01T12:00:00Z'), hasObjection: false };
  it('is due N × 24 h after the test run, not before', () => {
    expect(isAutoApprovalDue({ ...base, now: new Date('2026-05-04T11:59:59Z') })).toBe(false);
    expect(isAutoApprovalDue({ ...base, now: new Date('2026-05-04T12:00:00Z') })).toBe(true);
  });
  it('never with an objection, below the severity, or without a test', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(isAutoApprovalDue({ ...base, now, hasObjection: true })).toBe(false);
    expect(isAutoApprovalDue({ ...base, now, severity: 'medium' })).toBe(false);
    expect(isAutoApprovalDue({ ...base, now, severity: 'critical' })).toBe(true);
    expect(isAutoApprovalDue({ ...base, now, since: null })).toBe(false);
  });
  it('severity order', () => {
    expect(severityAtLeast('critical', 'high')).toBe(true);
    expect(severityAtLeast('high', 'high')).toBe(true);
    expect(severityAtLeast('low', 'medium')).toBe(false);
  });
});
