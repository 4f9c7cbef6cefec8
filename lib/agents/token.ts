import { createHash, randomBytes } from 'node:crypto';

/** Agent tokens: 32 random bytes; only their sha256 is stored (high entropy, so no slow hash needed). */
export function newAgentToken(): { token: string; hash: string; prefix: string } {
  const token = `pwa_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashAgentToken(token), prefix: token.slice(0, 10) };
}

export function hashAgentToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The bearer token from an Authorization header, or null. */
export function bearerToken(header: string | null): string | null {
  const m = /^Bearer\s+(pwa_[A-Za-z0-9_-]{20,})$/.exec(header?.trim() ?? '');
  return m ? m[1] : null;
}
