import { z } from 'zod';
import { ZSmtpFrom, ZSmtpUrl } from '@/lib/connectors/notifiers/smtp/manifest';

/** Server environment, validated once. SMTP (notification e-mail) is configured by both variables or neither. */
const ZEnv = z
  .object({
    DATABASE_URL: z.string().url().optional(),
    PGLITE_DIR: z.string().min(1).optional(),
    AUTH_SECRET: z.string().min(16, 'AUTH_SECRET must be at least 16 characters').optional(),
    OIDC_ISSUER: z.string().url().optional(),
    OIDC_CLIENT_ID: z.string().optional(),
    OIDC_CLIENT_SECRET: z.string().optional(),
    PATCHWARD_SEED: z.enum(['demo', 'none']).optional(),
    MAX_UPLOAD_BYTES: z.coerce.number().int().positive().optional(),
    SMTP_URL: ZSmtpUrl.optional(),
    SMTP_FROM: ZSmtpFrom.optional(),
  })
  .refine((e) => !e.SMTP_URL === !e.SMTP_FROM, { message: 'set both SMTP_URL and SMTP_FROM, or neither', path: ['SMTP_FROM'] });
export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | undefined;
export function env(): TEnv {
  if (!cached) {
    const parsed = ZEnv.safeParse(process.env);
    if (!parsed.success) throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    cached = parsed.data;
  }
  return cached;
}

/** Embedded mode (PGlite) seeds the demo fleet by default; PostgreSQL seeds nothing unless asked. */
export function shouldSeedDemo(): boolean {
  const e = env();
  if (e.PATCHWARD_SEED) return e.PATCHWARD_SEED === 'demo';
  return !e.DATABASE_URL;
}

export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export function maxUploadBytes(): number {
  return env().MAX_UPLOAD_BYTES ?? DEFAULT_MAX_UPLOAD_BYTES;
}

/** Notification e-mail goes out through SMTP when both variables are set; otherwise the outbox is in-app only. */
export function smtpSettings(): { url: string; from: string } | null {
  const e = env();
  return e.SMTP_URL && e.SMTP_FROM ? { url: e.SMTP_URL, from: e.SMTP_FROM } : null;
}
