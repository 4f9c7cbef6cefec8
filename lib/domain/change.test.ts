import { describe, expect, it } from 'vitest';
import {
  allowedEvents,
  approvalProgress,
  cadenceRelease,
  CHANGE_EVENTS,
  CHANGE_STATES,
  findConflicts,
  matchStandardRule,
  riskScore,
  scopeDiff,
  transition,
  type TChangeEvent,
  type TChangeState,
} from './change';

/** The whole table, written out: every state × event not listed here must be refused. */
const LEGAL: Record<TChangeState, Partial<Record<TChangeEvent, TChangeState>>> = {
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

describe('change state machine', () => {
  for (const state of CHANGE_STATES)
    for (const event of CHANGE_EVENTS) {
      const to = LEGAL[state][event];
      it(`${state} × ${event} → ${to ?? 'refused'}`, () => {
        const r = transition(state, event, { type: 'emergency', hasEvidence: true });
        if (to) expect(r).toEqual({ ok: true, state: to });
        else expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/cannot be/) });
      });
    }

  it('expedites only emergency changes', () => {
    expect(transition('submitted', 'expedite', { type: 'normal' })).toMatchObject({ ok: false, reason: expect.stringMatching(/emergency/) });
    expect(transition('submitted', 'expedite', { type: 'standard' }).ok).toBe(false);
    expect(transition('submitted', 'expedite', { type: 'emergency' })).toEqual({ ok: true, state: 'scheduled' });
  });

  it('closes a completed or failed change only with evidence; rejected and cancelled ones close without', () => {
    for (const s of ['completed', 'failed'] as const) {
      expect(transition(s, 'close', { type: 'normal', hasEvidence: false })).toMatchObject({ ok: false, reason: expect.stringMatching(/evidence/) });
      expect(transition(s, 'close', { type: 'normal', hasEvidence: true }).ok).toBe(true);
    }
    expect(transition('rejected', 'close', { type: 'normal' }).ok).toBe(true);
    expect(transition('cancelled', 'close', { type: 'normal' }).ok).toBe(true);
  });

  it('lists the events a state allows', () => {
    expect(allowedEvents('submitted', { type: 'normal' })).toEqual(['resubmit', 'approve', 'reject', 'cancel']);
    expect(allowedEvents('completed', { type: 'normal', hasEvidence: false })).toEqual([]);
    expect(allowedEvents('closed', { type: 'normal' })).toEqual([]);
  });
});

describe('approval progress', () => {
  const policy = { ownerApproval: true, cabQuorum: 2 };
  const owner = (applicationId: string, approverId = `o-${applicationId}`) => ({
    approverId,
    decision: 'approve' as const,
    capacities: [{ kind: 'owner' as const, applicationId }],
  });
  const cab = (approverId: string) => ({ approverId, decision: 'approve' as const, capacities: [{ kind: 'cab' as const }] });

  it('needs every touched application owner and the CAB quorum of distinct people for a normal change', () => {
    expect(approvalProgress('normal', policy, ['a', 'b'], [])).toEqual({ ownersMissing: ['a', 'b'], cabMissing: 2, satisfied: false, rejected: false });
    expect(approvalProgress('normal', policy, ['a', 'b'], [owner('a'), cab('x'), cab('x')])).toMatchObject({
      ownersMissing: ['b'],
      cabMissing: 1,
      satisfied: false,
    });
    expect(approvalProgress('normal', policy, ['a', 'b'], [owner('a'), owner('b'), cab('x'), cab('y')]).satisfied).toBe(true);
  });

  it('lets security count towards the quorum, and one rejection reject', () => {
    const sec = { approverId: 's', decision: 'approve' as const, capacities: [{ kind: 'security' as const }] };
    expect(approvalProgress('normal', { ownerApproval: false, cabQuorum: 1 }, ['a'], [sec]).satisfied).toBe(true);
    const no = { approverId: 'n', decision: 'reject' as const, capacities: [{ kind: 'cab' as const }] };
    expect(approvalProgress('normal', { ownerApproval: false, cabQuorum: 1 }, ['a'], [sec, no])).toMatchObject({ satisfied: false, rejected: true });
  });

  it('needs one CAB or security vote for an emergency, none for a standard change, and an external approval settles all', () => {
    expect(approvalProgress('emergency', policy, ['a'], []).cabMissing).toBe(1);
    expect(approvalProgress('emergency', policy, ['a'], [cab('x')]).satisfied).toBe(true);
    expect(approvalProgress('standard', policy, ['a'], []).satisfied).toBe(true);
    expect(approvalProgress('normal', policy, ['a'], [{ approverId: null, decision: 'approve', capacities: [{ kind: 'external' }] }]).satisfied).toBe(true);
  });
});

describe('risk score', () => {
  const base = { maxSeverity: 'low' as const, isKev: false, maxEpss: null, maxCriticality: 'tier3' as const, touchesHypervisor: false, assetCount: 1 };
  it('rises with severity, KEV, EPSS, criticality, hypervisors and size, and explains itself', () => {
    const low = riskScore(base);
    expect(low).toMatchObject({ level: 'low' });
    const high = riskScore({ maxSeverity: 'critical', isKev: true, maxEpss: 0.7, maxCriticality: 'tier0', touchesHypervisor: true, assetCount: 600 });
    expect(high.score).toBe(100);
    expect(high.level).toBe('high');
    expect(high.factors.map((f) => f.factor)).toEqual([
      'severity critical',
      'known exploited (KEV)',
      'EPSS 70%',
      'asset criticality tier0',
      'hypervisor hosts in scope',
      '600 asset(s)',
    ]);
    expect(riskScore({ ...base, maxSeverity: 'high', maxCriticality: 'tier1' })).toMatchObject({ score: 36, level: 'medium' });
    expect(riskScore({ ...base, touchesHypervisor: true }).score).toBeGreaterThan(low.score);
  });
});

describe('cadence release', () => {
  it('releases asap and KEV at once, weekly on the next Monday, monthly on the 1st, quarterly at the next quarter (UTC)', () => {
    const t = '2026-03-04T10:00:00.000Z'; // a Wednesday
    expect(cadenceRelease(t, 'asap', false)).toBe(t);
    expect(cadenceRelease(t, 'quarterly', true)).toBe(t);
    expect(cadenceRelease(t, 'weekly', false)).toBe('2026-03-09T00:00:00.000Z');
    expect(cadenceRelease(t, 'monthly', false)).toBe('2026-04-01T00:00:00.000Z');
    expect(cadenceRelease(t, 'quarterly', false)).toBe('2026-04-01T00:00:00.000Z');
    expect(cadenceRelease('2026-11-20T00:00:00.000Z', 'quarterly', false)).toBe('2027-01-01T00:00:00.000Z');
    // A boundary itself counts as reached.
    expect(cadenceRelease('2026-03-09T00:00:00.000Z', 'weekly', false)).toBe('2026-03-09T00:00:00.000Z');
    expect(cadenceRelease('2026-04-01T00:00:00.000Z', 'monthly', false)).toBe('2026-04-01T00:00:00.000Z');
    expect(() => cadenceRelease('soon', 'asap', false)).toThrow(RangeError);
  });
});

describe('standard rules', () => {
  const rules = [{ name: 'non-prod up to high', maxSeverity: 'high' as const, rings: ['test', 'dev'], includeKev: false }];
  it('pre-approves only what every rule condition covers', () => {
    expect(matchStandardRule(rules, 'dev', [{ severity: 'high', isKev: false }])?.name).toBe('non-prod up to high');
    expect(matchStandardRule(rules, 'prod', [{ severity: 'low', isKev: false }])).toBeNull();
    expect(matchStandardRule(rules, 'dev', [{ severity: 'critical', isKev: false }])).toBeNull();
    expect(matchStandardRule(rules, 'dev', [{ severity: 'low', isKev: true }])).toBeNull();
    expect(matchStandardRule([{ ...rules[0], rings: [], includeKev: true }], 'prod', [{ severity: 'low', isKev: true }])).not.toBeNull();
  });
});

describe('conflicts', () => {
  const slot = (assetId: string, start: string, end: string) => ({ assetId, start: `2026-03-03T${start}:00Z`, end: `2026-03-03T${end}:00Z` });
  it('finds blackouts, the same asset and the same cluster in overlapping time only', () => {
    const cluster = (id: string) => (id.startsWith('h') ? 'c1' : null);
    const out = findConflicts(
      [slot('h1', '01:00', '02:00'), slot('v1', '03:00', '04:00')],
      [{ id: 'b', name: 'freeze', start: '2026-03-03T03:30:00Z', end: '2026-03-03T05:00:00Z', appliesTo: (a) => a === 'v1' }],
      [
        { ...slot('h2', '01:30', '02:30'), changeId: 'other' },
        { ...slot('h2', '02:00', '03:00'), changeId: 'adjacent' },
        { ...slot('v1', '00:00', '03:00'), changeId: 'before' },
        { ...slot('v1', '03:59', '05:00'), changeId: 'same' },
      ],
      cluster,
    );
    expect(out.map((c) => `${c.kind}:${c.assetId}:${'changeId' in c ? c.changeId : c.name}`).sort()).toEqual([
      'asset:v1:same',
      'blackout:v1:freeze',
      'cluster:h1:other',
    ]);
  });
});

describe('scope diff', () => {
  it('reports added, removed and moved assets', () => {
    expect(
      scopeDiff(
        [
          { assetId: 'a', ring: 'prod' },
          { assetId: 'b', ring: 'prod' },
        ],
        [
          { assetId: 'b', ring: 'dev' },
          { assetId: 'c', ring: 'prod' },
        ],
      ),
    ).toEqual({ added: ['c'], removed: ['a'], moved: [{ assetId: 'b', from: 'prod', to: 'dev' }] });
  });
});
