import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signing of change-system webhooks, both ways (pure: no clock, no I/O; pass `now`).
 * signature = hex HMAC-SHA256(secret, `${timestamp}.${body}`), sent as `X-Patchward-Signature: sha256=<hex>`.
 * The timestamp is inside the MAC so an old, validly signed request cannot be sent again later with a
 * fresh timestamp header; the delivery id makes a replay within the window detectable.
 */
export const SIGNATURE_HEADERS = {
  keyId: 'X-Patchward-Key-Id',
  timestamp: 'X-Patchward-Timestamp',
  signature: 'X-Patchward-Signature',
  delivery: 'X-Patchward-Delivery',
  event: 'X-Patchward-Event',
} as const;

/** How far a request's timestamp may be from our clock, either way (clock skew both sides). */
export const MAX_SKEW_SECONDS = 5 * 60;

const SIGNATURE_RE = /^sha256=([0-9a-f]{64})$/;
const TIMESTAMP_RE = /^\d{1,12}$/;

/** Hex HMAC-SHA256 of `${timestamp}.${body}`. */
export function computeSignature(secret: string, timestamp: number | string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

export type TSignedHeadersInput = { keyId: string; secret: string; body: string; deliveryId: string; event: string; now: Date };

/** The headers of one outbound request (Content-Type included). */
export function signedHeaders({ keyId, secret, body, deliveryId, event, now }: TSignedHeadersInput): Record<string, string> {
  const timestamp = unixSeconds(now);
  return {
    'Content-Type': 'application/json',
    [SIGNATURE_HEADERS.keyId]: keyId,
    [SIGNATURE_HEADERS.timestamp]: String(timestamp),
    [SIGNATURE_HEADERS.signature]: `sha256=${computeSignature(secret, timestamp, body)}`,
    [SIGNATURE_HEADERS.delivery]: deliveryId,
    [SIGNATURE_HEADERS.event]: event,
  };
}

/**
 * Whether `header` (`sha256=<hex>`) is the signature of `body` at `timestamp` under `secret`. The
 * comparison takes the same time wherever the first differing byte is, so the signature cannot be
 * found byte by byte from response times.
 */
export function verifySignature(secret: string, timestamp: string, body: string, header: string): boolean {
  const m = SIGNATURE_RE.exec(header.trim().toLowerCase());
  if (!m) return false;
  const expected = Buffer.from(computeSignature(secret, timestamp, body), 'hex');
  const given = Buffer.from(m[1], 'hex');
  // Both are 32 bytes once the regex passed; the check keeps timingSafeEqual from throwing regardless.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The header's unix seconds, or null when it is not a plain non-negative integer. */
export function parseTimestamp(header: string): number | null {
  return TIMESTAMP_RE.test(header) ? Number(header) : null;
}

/** Whether `timestamp` (unix seconds) is within MAX_SKEW_SECONDS of `now`, in the past or the future. */
export function isFreshTimestamp(timestamp: number, now: Date, maxSkewSeconds = MAX_SKEW_SECONDS): boolean {
  return Math.abs(unixSeconds(now) - timestamp) <= maxSkewSeconds;
}

export function unixSeconds(d: Date): number {
  return Math.floor(d.getTime() / 1000);
}
