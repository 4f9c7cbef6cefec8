import { describe, expect, it } from 'vitest';
import { changeEventPayload, changeRef, sendFailure } from './transform';

describe('webhook payload', () => {
  it('carries the event and the change as it is now', () => {
    const payload = changeEventPayload('11111111-1111-4111-8111-111111111111', {
      event: {
        id: 42,
        tenantId: 't1',
        type: 'approve',
        fromState: 'submitted',
        toState: 'approved',
        actor: 'cab@t',
        payload: { note: 'ok' },
        at: new Date('2026-03-01T10:00:00Z'),
      },
      change: {
        id: 'c1',
        number: 1234,
        title: 'Patch Tuesday',
        type: 'normal',
        state: 'scheduled',
        tenantId: 't1',
        riskLevel: 'high',
        plannedStart: new Date('2026-03-02T22:00:00Z'),
        plannedEnd: null,
        externalRef: null,
      },
    });
    expect(payload).toEqual({
      deliveryId: '11111111-1111-4111-8111-111111111111',
      event: 'approve',
      eventId: 42,
      tenantId: 't1',
      change: {
        id: 'c1',
        number: 1234,
        ref: 'CHG-001234',
        title: 'Patch Tuesday',
        type: 'normal',
        state: 'scheduled',
        tenantId: 't1',
        riskLevel: 'high',
        plannedStart: '2026-03-02T22:00:00.000Z',
        plannedEnd: null,
        externalRef: null,
      },
      from: 'submitted',
      to: 'approved',
      actor: 'cab@t',
      at: '2026-03-01T10:00:00.000Z',
      payload: { note: 'ok' },
    });
    expect(changeRef(1234567)).toBe('CHG-1234567');
  });

  it('sends a tenant event with no change (the customer digest) with change, from and to null', () => {
    const at = new Date('2026-03-01T10:00:00Z');
    const payload = changeEventPayload('d', {
      event: { id: 7, tenantId: 't1', type: 'patches.applicable', fromState: null, toState: '', actor: 'system:intake', payload: { patches: [] }, at },
      change: null,
    });
    expect(payload).toMatchObject({ event: 'patches.applicable', tenantId: 't1', change: null, from: null, to: null, payload: { patches: [] } });
  });

  it('describes failures: HTTP status, redirect, timeout, network cause', () => {
    expect(sendFailure({ httpStatus: 500, statusText: 'Internal Server Error' })).toEqual({
      ok: false,
      httpStatus: 500,
      error: 'HTTP 500 Internal Server Error',
      retryable: true,
    });
    expect(sendFailure({ httpStatus: 302 }).error).toContain('redirects are not followed');
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
    expect(sendFailure({ error: timeout })).toMatchObject({ httpStatus: null, error: 'No answer within the timeout.' });
    expect(sendFailure({ error: new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') }) }).error).toBe(
      'fetch failed: connect ECONNREFUSED 127.0.0.1:9',
    );
  });
});
