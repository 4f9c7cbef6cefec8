import { and, eq, inArray } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { applications, rings } from '@/db/schema';
import type { TScope } from '@/lib/domain/windows';
import { AppError, type TIssue } from '@/lib/errors';

/**
 * A scope may only name the tenant's own applications and rings: a typo would otherwise make a window
 * match nothing, or a blackout protect nothing, without anyone noticing. Returns the scope as stored
 * (the tenant id is implied by the row and not repeated).
 */
export async function checkScope(tx: TDb, tenantId: string, scope: TScope, field: string): Promise<TScope> {
  const issues: TIssue[] = [];
  const appIds = [...new Set(scope.applicationIds ?? [])];
  if (appIds.length) {
    const found = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.tenantId, tenantId), inArray(applications.id, appIds)));
    if (found.length !== appIds.length)
      issues.push({ field: `${field}.applicationIds`, message: 'An application of this scope does not exist in this tenant.' });
  }
  const ringNames = [...new Set(scope.rings ?? [])];
  if (ringNames.length) {
    const found = await tx
      .select({ name: rings.name })
      .from(rings)
      .where(and(eq(rings.tenantId, tenantId), inArray(rings.name, ringNames)));
    const missing = ringNames.filter((r) => !found.some((f) => f.name === r));
    if (missing.length) issues.push({ field: `${field}.rings`, message: `Unknown ring ${missing.map((r) => `"${r}"`).join(', ')} in this tenant.` });
  }
  if (issues.length) throw new AppError('VALIDATION', issues[0].message, issues);
  const tags = [...new Set((scope.assetTags ?? []).map((t) => t.trim()).filter(Boolean))];
  return {
    ...(appIds.length ? { applicationIds: appIds } : {}),
    ...(ringNames.length ? { rings: ringNames } : {}),
    ...(tags.length ? { assetTags: tags } : {}),
  };
}
