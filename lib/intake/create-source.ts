import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { advisorySources } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { requirePermission, type TActor } from '@/lib/auth/permissions';
import { ZAdvisoryFeedConfig } from '@/lib/connectors/feeds/feed-config';
import { AppError, parseInput } from '@/lib/errors';
import { assertCanImport, type TScope } from './scope';

/** 'global' (the shared catalogue, platform users only) or the id of one of the actor's tenants. Nothing chosen is refused. */
export const ZScopeField = z.union([z.literal('global'), z.string().uuid()], { error: 'Choose a tenant, or Global' });

export const ZCreateSource = z.object({
  name: z.string().trim().min(2, 'Name is required').max(80),
  scope: ZScopeField,
  config: ZAdvisoryFeedConfig,
});

export function scopeOf(field: z.infer<typeof ZScopeField>): TScope {
  return field === 'global' ? null : field;
}

/**
 * Registers a folder or URL feed; the poller runs it every `pollMinutes`. Its advisories land in its
 * scope: a tenant's private advisories (security/admin of that tenant), or the global catalogue
 * (platform users only). Names are unique per scope.
 */
export async function createSource(db: TDb, actor: TActor, raw: z.input<typeof ZCreateSource>) {
  requirePermission(actor, 'patch:import');
  const input = parseInput(ZCreateSource, raw);
  const tenantId = scopeOf(input.scope);
  assertCanImport(actor, tenantId);
  if (input.config.source === 'upload') throw new AppError('VALIDATION', 'Uploads need no source: use the upload form.');
  return db.transaction(async (tx) => {
    const sameScope = tenantId === null ? isNull(advisorySources.tenantId) : eq(advisorySources.tenantId, tenantId);
    const [dup] = await tx
      .select({ id: advisorySources.id })
      .from(advisorySources)
      .where(and(eq(advisorySources.name, input.name), sameScope));
    if (dup) throw new AppError('CONFLICT', `A source named "${input.name}" already exists here.`, [{ field: 'name', message: 'Name already used' }]);
    const pollMinutes = 'pollMinutes' in input.config ? input.config.pollMinutes : null;
    const [row] = await tx.insert(advisorySources).values({ tenantId, name: input.name, connector: 'auto', config: input.config, pollMinutes }).returning();
    await writeAudit(tx, actor, { tenantId, action: 'intake.source.create', targetType: 'advisory_source', targetId: row.id, after: input });
    return row;
  });
}
