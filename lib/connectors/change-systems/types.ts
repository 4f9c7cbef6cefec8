import type { z } from 'zod';

/** What one outbound request carries: the JSON body, already serialised (it is what gets signed). */
export type TOutboundDelivery = { deliveryId: string; event: string; body: string; now: Date };

/**
 * The outcome of one outbound attempt. `httpStatus` is the receiver's answer (null when none came:
 * refused, timed out). `retryable` says whether sending again later may succeed.
 */
export type TSendResult = { ok: true; httpStatus: number } | { ok: false; httpStatus: number | null; error: string; retryable: boolean };

/** An external change-management system (or the built-in CAB, which needs nothing outside). */
export interface TChangeSystem {
  /** The connector's manifest id, e.g. 'webhook'. */
  readonly id: string;
  /** Sends one change event out. Never throws: every failure is a result. Absent: the kind sends nothing. */
  send?(delivery: TOutboundDelivery): Promise<TSendResult>;
}

/** What every change-system connector declares: its id, kind, display name and zod config schema. */
export type TChangeSystemManifest<TConfig extends z.ZodType = z.ZodType> = {
  readonly id: string;
  readonly kind: 'change-system';
  readonly name: string;
  readonly description: string;
  /** Whether change events are sent out (and signed callbacks accepted): false for the built-in CAB. */
  readonly isExternal: boolean;
  readonly configSchema: TConfig;
};
