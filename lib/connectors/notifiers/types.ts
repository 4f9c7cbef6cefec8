import type { z } from 'zod';

/** One plain-text e-mail to one recipient (the outbox stores subject and body as text). */
export type TNotifierMessage = { to: string; subject: string; text: string };

/**
 * The outcome of one message. `retryable` says whether sending the same message later may succeed
 * (a connection error, a 4xx reply) or never will (a 5xx reply, a configuration error).
 * `isUnavailable` marks a failure of the server rather than of this message (unreachable, or 421
 * "service not available"): the rest of a batch would fail the same way, each after a timeout.
 */
export type TDeliveryResult = { ok: true; messageId: string } | { ok: false; error: string; retryable: boolean; isUnavailable?: boolean };

/** A channel that delivers notifications outside the app. */
export interface TNotifier {
  /** The connector's manifest id, e.g. 'smtp'. */
  readonly id: string;
  /** Delivers one message. Never throws: every failure is a result, with its `retryable` flag. */
  send(message: TNotifierMessage): Promise<TDeliveryResult>;
}

/** What every notifier connector declares: its id, kind, display name and zod config schema. */
export type TNotifierManifest<TConfig extends z.ZodType = z.ZodType> = {
  readonly id: string;
  readonly kind: 'notifier';
  readonly name: string;
  readonly description: string;
  readonly configSchema: TConfig;
};
