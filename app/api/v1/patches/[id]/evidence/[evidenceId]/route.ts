import { z } from 'zod';
import { apiRoute, ZIdParams } from '@/lib/auth/api';
import { getEvidenceFile } from '@/lib/authorisation/queries';

export const dynamic = 'force-dynamic';

/** Types a browser may show inline safely; anything else (HTML, SVG, scripts) downloads as bytes. */
const SAFE_TYPES = new Set(['text/plain', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'application/json']);

/** GET — one uploaded evidence file, only within the actor's tenants (otherwise 404). Always a download. */
export const GET = apiRoute(
  { route: 'GET /api/v1/patches/:id/evidence/:evidenceId', permission: 'patch:read', params: ZIdParams.extend({ evidenceId: z.string().uuid() }) },
  async (actor, { db, params }) => {
    const file = await getEvidenceFile(db, actor, params.id, params.evidenceId);
    const type = SAFE_TYPES.has(file.contentType) ? file.contentType : 'application/octet-stream';
    return new Response(Buffer.from(file.data), {
      headers: {
        'Content-Type': type,
        'Content-Length': String(file.size),
        'Content-Disposition': `attachment; filename="${file.filename.replace(/[^\w.\- ]/g, '_')}"`,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, no-store',
        ETag: `"${file.sha256}"`,
      },
    });
  },
);
