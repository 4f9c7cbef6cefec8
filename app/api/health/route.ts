import { pingDb } from '@/lib/runtime/db';

export const dynamic = 'force-dynamic';

/** Ready once migrations (and the first-start demo seed) are done. */
export async function GET() {
  try {
    await pingDb();
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false }, { status: 503 });
  }
}
