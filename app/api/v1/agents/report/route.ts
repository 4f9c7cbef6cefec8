import { getDb } from '@/lib/runtime/db';
import { bearerToken } from '@/lib/agents/token';
import { reportInventory } from '@/lib/agents/report-inventory';
import { errorResponse } from '@/lib/auth/api';
import { maxUploadBytes } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { assertUploadSize } from '@/lib/inventory/import-software';

export const dynamic = 'force-dynamic';

/** POST /api/v1/agents/report — Authorization: Bearer pwa_…; body: a full inventory report (JSON). */
export async function POST(req: Request) {
  try {
    const token = bearerToken(req.headers.get('authorization'));
    if (!token) throw new AppError('UNAUTHENTICATED', 'Send the agent token as "Authorization: Bearer pwa_…".');
    assertUploadSize(Number(req.headers.get('content-length') ?? 0), maxUploadBytes());
    const body = await req.json().catch(() => {
      throw new AppError('VALIDATION', 'The body must be JSON.');
    });
    return Response.json(await reportInventory(await getDb(), token, body));
  } catch (err) {
    return errorResponse(err, 'POST /api/v1/agents/report');
  }
}
