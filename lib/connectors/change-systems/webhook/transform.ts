import type { TSendResult } from '../types';

/** The change as the receiver sees it (its state now, which may be past the event's `to`). */
export type TChangeSummary = {
  id: string;
  number: number;
  /** CHG-001234 */
  ref: string;
  title: string;
  type: string;
  state: string;
  tenantId: string;
  riskLevel: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  externalRef: string | null;
};

/** One change event as stored (change_events), with the change it belongs to (null for a tenant event such as 'patches.applicable'). */
export type TEventSource = {
  event: { id: number; tenantId: string; type: string; fromState: string | null; toState: string; actor: string; payload: unknown; at: Date };
  change: null | {
    id: string;
    number: number;
    title: string;
    type: string;
    state: string;
    tenantId: string;
    riskLevel: string;
    plannedStart: Date | null;
    plannedEnd: Date | null;
    externalRef: string | null;
  };
};

/** The outbound JSON body (documented in the README: "Change-system connector"). */
export type TChangeEventPayload = {
  deliveryId: string;
  event: string;
  eventId: number;
  tenantId: string;
  change: TChangeSummary | null;
  from: string | null;
  to: string | null;
  actor: string;
  at: string;
  payload: unknown;
};

export function changeRef(number: number): string {
  return `CHG-${String(number).padStart(6, '0')}`;
}

/** Maps a stored event and its change to the body sent to the receiver. */
export function changeEventPayload(deliveryId: string, { event, change }: TEventSource): TChangeEventPayload {
  return {
    deliveryId,
    event: event.type,
    eventId: event.id,
    tenantId: event.tenantId,
    change: change && {
      id: change.id,
      number: change.number,
      ref: changeRef(change.number),
      title: change.title,
      type: change.type,
      state: change.state,
      tenantId: change.tenantId,
      riskLevel: change.riskLevel,
      plannedStart: change.plannedStart?.toISOString() ?? null,
      plannedEnd: change.plannedEnd?.toISOString() ?? null,
      externalRef: change.externalRef,
    },
    from: change ? event.fromState : null,
    to: change ? event.toState : null,
    actor: event.actor,
    at: event.at.toISOString(),
    payload: event.payload ?? {},
  };
}

const MAX_ERROR = 500;

/**
 * A failed attempt as a result. Everything is retryable: a receiver that answers 4xx today (a
 * misconfigured secret, a proxy in front) is usually fixed by its admin, and the attempts are bounded.
 */
export function sendFailure(f: { httpStatus: number; statusText?: string } | { error: unknown }): TSendResult & { ok: false } {
  if ('httpStatus' in f) {
    const text = f.statusText ? ` ${f.statusText}` : '';
    const hint = f.httpStatus >= 300 && f.httpStatus < 400 ? ' (redirects are not followed)' : '';
    return { ok: false, httpStatus: f.httpStatus, error: `HTTP ${f.httpStatus}${text}${hint}`.slice(0, MAX_ERROR), retryable: true };
  }
  return { ok: false, httpStatus: null, error: errorText(f.error).slice(0, MAX_ERROR), retryable: true };
}

/** fetch wraps the network error in `cause` ("fetch failed" alone says nothing). */
function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  if (err.name === 'TimeoutError') return 'No answer within the timeout.';
  const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return `${err.message}${cause}`;
}
