import type { TChangeSystem, TOutboundDelivery, TSendResult } from '../types';
import { manifest, type TWebhookConfig } from './manifest';
import { signedHeaders } from './signing';
import { sendFailure } from './transform';

/** A receiver that has not answered by then is counted as a failed attempt (retried later). */
export const SEND_TIMEOUT_MS = 10_000;

export type TWebhookClientOptions = { fetch?: typeof fetch; timeoutMs?: number };

/**
 * POSTs each event, signed, to the connector's URL. Redirects are not followed: the signed event
 * goes to the URL an admin configured, nowhere else, so a 3xx is a failed attempt like any non-2xx.
 */
export function createWebhookClient(config: TWebhookConfig, opts: TWebhookClientOptions = {}): TChangeSystem {
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? SEND_TIMEOUT_MS;
  return {
    id: manifest.id,
    async send({ deliveryId, event, body, now }: TOutboundDelivery): Promise<TSendResult> {
      try {
        const res = await doFetch(config.url, {
          method: 'POST',
          headers: { ...signedHeaders({ keyId: config.keyId, secret: config.secret, body, deliveryId, event, now }), 'User-Agent': 'Patchward-Webhook/1' },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        // The answer's body is not needed; release the connection.
        await res.body?.cancel().catch(() => {});
        if (res.status >= 200 && res.status < 300) return { ok: true, httpStatus: res.status };
        return sendFailure({ httpStatus: res.status, statusText: res.statusText });
      } catch (err) {
        return sendFailure({ error: err });
      }
    },
  };
}
