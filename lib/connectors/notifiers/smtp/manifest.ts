import { z } from 'zod';
import type { TNotifierManifest } from '../types';

/** `addr@host` or `Display Name <addr@host>`: the two forms a From header takes. */
const FROM_RE = /^(?:[^<>]*<([^<>\s]+)>|([^<>\s]+))$/;

/**
 * SMTP server as one URL: `smtp://` (STARTTLS when the server offers it) or `smtps://` (TLS from the
 * first byte), optionally with `user:pass@` (percent-encoded). A URL without a host is refused here
 * rather than failing at the first delivery.
 */
export const ZSmtpUrl = z
  .url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' })
  .refine((u) => !URL.canParse(u) || new URL(u).hostname !== '', 'must name the SMTP host');

/** Line breaks would let a From value inject headers. */
export const ZSmtpFrom = z
  .string()
  .trim()
  .refine((v) => {
    if (/[\r\n]/.test(v)) return false;
    const m = FROM_RE.exec(v);
    const address = m?.[1] ?? m?.[2];
    return address !== undefined && z.email().safeParse(address).success;
  }, 'must be an e-mail address, optionally as "Name <address>"');

export const ZSmtpConfig = z.object({
  url: ZSmtpUrl,
  from: ZSmtpFrom,
  /** Refuse to send over smtp:// unless the server upgrades with STARTTLS (smtps:// is always TLS). */
  requireTls: z.boolean().optional(),
});
export type TSmtpConfig = z.infer<typeof ZSmtpConfig>;

export const manifest = {
  id: 'smtp',
  kind: 'notifier',
  name: 'SMTP e-mail',
  description: 'Delivers outbox notifications as plain-text e-mail through an SMTP server (smtp:// with STARTTLS or smtps://).',
  configSchema: ZSmtpConfig,
} as const satisfies TNotifierManifest<typeof ZSmtpConfig>;
