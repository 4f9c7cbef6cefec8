import { publicApiRoute } from '@/lib/auth/api';
import { applyCallbackAction } from '@/lib/changes/connector/apply-callback-action';
import { readBodyCapped } from '@/lib/changes/connector/callback-body';
import { receiveChangeCallback } from '@/lib/changes/connector/receive-callback';

export const dynamic = 'force-dynamic';

/**
 * POST /api/v1/changes/callback — an external change system approves, rejects or sets the
 * implementation window of a change. Signed like the outbound webhook (README, "Change-system
 * connector"); the signature covers the exact bytes, so the body is read here as text, at most 64 KiB.
 */
export const POST = publicApiRoute({ route: 'POST /api/v1/changes/callback' }, async (_none, { db, req }) => {
  const rawBody = await readBodyCapped(req);
  return receiveChangeCallback(db, { headers: req.headers, rawBody }, { apply: applyCallbackAction });
});
