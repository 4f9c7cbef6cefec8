import { and, eq, inArray, or } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { applications, assets, memberships, notifications, patches } from '@/db/schema';
import { smtpSettings } from '@/lib/env';

/**
 * Newly applicable critical or KEV patches notify the tenant's security team and the owners of the
 * affected applications (a private advisory only in its own tenant): one in-app message per patch × recipient (the outbox page lists them). With
 * SMTP configured each is also queued for e-mail (lib/notifications/deliver-email.ts sends them);
 * `isEmailEnabled` defaults to the environment, tests pass it.
 */
export async function notifyNewlyApplicable(
  db: TDb,
  pairs: { patchId: string; assetId: string; tenantId: string }[],
  { isEmailEnabled = smtpSettings() !== null }: { isEmailEnabled?: boolean } = {},
): Promise<number> {
  if (pairs.length === 0) return 0;
  const patchIds = [...new Set(pairs.map((p) => p.patchId))];
  const urgent = await db
    .select({ id: patches.id, tenantId: patches.tenantId, vendorId: patches.vendorId, title: patches.title, severity: patches.severity, isKev: patches.isKev })
    .from(patches)
    .where(and(inArray(patches.id, patchIds), or(eq(patches.severity, 'critical'), eq(patches.isKev, true))));
  if (urgent.length === 0) return 0;
  // A tenant's private advisory notifies that tenant only, whatever pairs the caller passed.
  const scopeOf = new Map(urgent.map((u) => [u.id, u.tenantId]));
  const relevant = pairs.filter((p) => scopeOf.has(p.patchId) && (scopeOf.get(p.patchId) === null || scopeOf.get(p.patchId) === p.tenantId));
  if (relevant.length === 0) return 0;
  const assetRows = await db
    .select({ id: assets.id, name: assets.name, ownerId: applications.ownerId })
    .from(assets)
    .leftJoin(applications, eq(applications.id, assets.applicationId))
    .where(inArray(assets.id, [...new Set(relevant.map((r) => r.assetId))]));
  const assetById = new Map(assetRows.map((a) => [a.id, a]));
  const tenantIds = [...new Set(relevant.map((r) => r.tenantId))];
  const security = await db
    .select()
    .from(memberships)
    .where(and(inArray(memberships.tenantId, tenantIds), eq(memberships.role, 'security')));
  const out = new Map<string, typeof notifications.$inferInsert>();
  for (const patch of urgent) {
    const byTenant = new Map<string, string[]>();
    for (const r of relevant.filter((x) => x.patchId === patch.id)) byTenant.set(r.tenantId, [...(byTenant.get(r.tenantId) ?? []), r.assetId]);
    for (const [tenantId, assetIds] of byTenant) {
      const label = `${patch.isKev ? 'KEV ' : ''}${patch.severity}`;
      const recipients = new Set([...security.filter((m) => m.tenantId === tenantId).map((m) => m.userId)]);
      for (const id of assetIds) {
        const owner = assetById.get(id)?.ownerId;
        if (owner) recipients.add(owner);
      }
      const names = assetIds.map((id) => assetById.get(id)?.name ?? id);
      for (const recipientId of recipients) {
        out.set(`${tenantId}/${patch.id}/${recipientId}`, {
          tenantId,
          recipientId,
          kind: 'patch.applicable',
          patchId: patch.id,
          subject: `${patch.vendorId} (${label}) applies to ${assetIds.length} asset(s)`,
          body: `${patch.title}\n\nNewly affected: ${names.slice(0, 20).join(', ')}${names.length > 20 ? ` and ${names.length - 20} more` : ''}.`,
          emailStatus: isEmailEnabled ? 'queued' : null,
        });
      }
    }
  }
  const values = [...out.values()];
  for (let i = 0; i < values.length; i += 500) await db.insert(notifications).values(values.slice(i, i + 500));
  return values.length;
}
