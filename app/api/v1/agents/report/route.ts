import { bearerToken } from '@/lib/agents/token';
import { reportInventory } from '@/lib/agents/report-inventory';
import { publicApiRoute, ZJsonObject } from '@/lib/auth/api';
import { maxUploadBytes } from '@/lib/env';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** The agent's bearer token, read before the body; the use-case checks it against the stored hashes. */
function agentToken(req: Request): string {
  const token = bearerToken(req.headers.get('authorization'));
  if (!token) throw new AppError('UNAUTHENTICATED', 'Send the agent token as "Authorization: Bearer pwa_…".');
  return token;
}

/** POST /api/v1/agents/report — Authorization: Bearer pwa_…; body: a full inventory report (JSON). */
export const POST = publicApiRoute(
  { route: 'POST /api/v1/agents/report', credential: agentToken, maxBytes: maxUploadBytes, body: ZJsonObject },
  (token, { db, body }) => reportInventory(db, token, body),
);
