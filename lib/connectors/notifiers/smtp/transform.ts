import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { TDeliveryResult } from '../types';
import type { TSmtpConfig } from './manifest';

/**
 * Errors raised before the server said anything about the message: the connection, DNS, TLS or a
 * timeout. Nodemailer's own codes first, then Node's socket codes for errors it passes through.
 */
const CONNECTION_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EPROXY',
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

const MAX_ERROR_CHARS = 1000;

/**
 * A send failure as a delivery result. The SMTP reply code decides when there is one: 4xx is a
 * temporary refusal (greylisting, mailbox busy, rate limit) and is retried, 5xx is final. Without a
 * reply, a connection error is retried; anything else (bad credentials without a code, an invalid
 * address, a configuration error) would fail the same way next time and is final. An unreachable
 * server and 421 (the server closing the channel) concern the server, not this message.
 */
export function smtpFailure(err: unknown): Extract<TDeliveryResult, { ok: false }> {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { code?: unknown; responseCode?: unknown; message?: unknown };
  const text = typeof e.message === 'string' && e.message ? e.message : String(err);
  const error = text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS - 1)}…` : text;
  if (typeof e.responseCode === 'number' && e.responseCode >= 400 && e.responseCode < 600) {
    return e.responseCode === 421 ? { ok: false, error, retryable: true, isUnavailable: true } : { ok: false, error, retryable: e.responseCode < 500 };
  }
  if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return { ok: false, error, retryable: true, isUnavailable: true };
  return { ok: false, error, retryable: false };
}

/**
 * Nodemailer options from our config, built field by field: nodemailer would also read arbitrary
 * transport options from the URL's query string, which a config URL should not be able to set.
 * Ports default to submission (587) and submissions (465); timeouts keep one dead server from
 * holding a delivery batch for minutes (each stays well under the delivery's stale-claim limit).
 */
export function smtpTransportOptions(config: TSmtpConfig): SMTPTransport.Options {
  const url = new URL(config.url);
  const secure = url.protocol.toLowerCase() === 'smtps:';
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    requireTLS: !secure && config.requireTls === true,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  };
}
