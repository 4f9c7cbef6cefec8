import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { advisorySources } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { requirePermission, type TActor } from '@/lib/auth/permissions';
import { ZAdvisoryFeedConfig } from '@/lib/connectors/feeds/feed-config';
import { AppError } from '@/lib/errors';

export const ZCreateSource = z.object({
  name: z.string().trim().min(2, 'Name is required').max(80),
  config: ZAdvisoryFeedConfig,
});

/** Registers a folder or URL feed; the poller runs it every `pollMinutes`. Advisories are global, so any security/admin may. */
export async function createSource(db: TDb, actor: TActor, input: z.infer<typeof ZCreateSource>) {
  requirePermission(actor, 'patch:import');
  if (input.config.source === 'upload') throw new AppError('VALIDATION', 'Uploads need no source: use the upload form.');
  return db.transaction(async (tx) => {
    const [dup] = await tx.select({ id: advisorySources.id }).from(advisorySources).where(eq(advisorySources.name, input.name));
    if (dup) throw new AppError('CONFLICT', `A source named "${input.name}" already exists.`, [{ field: 'name', message: 'Name already used' }]);
    const pollMinutes = 'pollMinutes' in input.config ? input.config.pollMinutes : null;
    const [row] = await tx.insert(advisorySources).values({ name: input.name, connector: 'auto', config: input.config, pollMinutes }).returning();
    await writeAudit(tx, actor, { tenantId: null, action: 'intake.source.create', targetType: 'advisory_source', targetId: row.id, after: input });
    return row;
  });
}
