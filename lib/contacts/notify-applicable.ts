import { inArray } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { applications, assets, changeEvents, notifications, patches } from '@/db/schema';
import { kickChangeDeliveries } from '@/lib/changes/connector/kick';
import { SEVERITIES } from '@/lib/domain/types';
import { smtpSettings } from '@/lib/env';
import { findContactRecipients } from './recipients';

/** What one tenant is told after one assessment: the patches that newly apply to its systems. */
export type TApplicableDigest = {
  tenantId: string;
  patches: { id: string; vendorId: string; title: string; severity: string; isKev: boolean }[];
  assetCount: number;
  applications: string[];
  subject: string;
  body: string;
};

export type TNotifyApplicableResult = {
  digests: TApplicableDigest[];
  /** Notification rows written (one per contact user per tenant). */
  notified: number;
  /** Contacts with no user account not told (no SMTP configured: e-mail is their only channel). */
  skippedExternal: number;
};

const LIST_LIMIT = 15;

/**
 * Customer notification: the patches that became applicable to a tenant's systems in one intake
 * run or assessment call reach that tenant's contacts (notifyApplicable) as ONE digest per tenant,
 * whatever the number of patches and assets. Contacts who are users get it in-app, and by e-mail
 * when SMTP is configured (queued like notifyNewlyApplicable's, to the contact's own address);
 * contacts without an account by e-mail only. Each digest is also a tenant event
 * ('patches.applicable') that the tenant's webhook connector delivers.
 */
export async function notifyApplicableContacts(
  db: TDb,
  pairs: { patchId: string; assetId: string; tenantId: string }[],
  { isEmailEnabled = smtpSettings() !== null }: { isEmailEnabled?: boolean } = {},
): Promise<TNotifyApplicableResult> {
  const none: TNotifyApplicableResult = { digests: [], notified: 0, skippedExternal: 0 };
  if (pairs.length === 0) return none;
  const recipients = await findContactRecipients(db, [...new Set(pairs.map((p) => p.tenantId))], 'applicable');
  const wanted = pairs.filter((p) => recipients.has(p.tenantId));
  if (wanted.length === 0) return none;
  const patchRows = await db
    .select({ id: patches.id, tenantId: patches.tenantId, vendorId: patches.vendorId, title: patches.title, severity: patches.severity, isKev: patches.isKev })
    .from(patches)
    .where(inArray(patches.id, [...new Set(wanted.map((p) => p.patchId))]));
  const patchById = new Map(patchRows.map((p) => [p.id, p]));
  // A tenant's private advisory is told in that tenant only, whatever pairs the caller passed.
  const relevant = wanted.filter((p) => {
    const patch = patchById.get(p.patchId);
    return !!patch && (patch.tenantId === null || patch.tenantId === p.tenantId);
  });
  const assetRows = relevant.length
    ? await db
        .select({ id: assets.id, applicationId: assets.applicationId })
        .from(assets)
        .where(inArray(assets.id, [...new Set(relevant.map((r) => r.assetId))]))
    : [];
  const appIds = [...new Set(assetRows.map((a) => a.applicationId).filter((id): id is string => !!id))];
  const appRows = appIds.length
    ? await db.select({ id: applications.id, name: applications.name }).from(applications).where(inArray(applications.id, appIds))
    : [];
  const appOfAsset = new Map(assetRows.map((a) => [a.id, a.applicationId]));
  const appName = new Map(appRows.map((a) => [a.id, a.name]));

  const digests: TApplicableDigest[] = [];
  const values: (typeof notifications.$inferInsert)[] = [];
  let skippedExternal = 0;
  for (const [tenantId, who] of recipients) {
    const mine = relevant.filter((r) => r.tenantId === tenantId);
    if (mine.length === 0) continue;
    const digest = buildDigest(
      tenantId,
      [...new Set(mine.map((r) => r.patchId))].map((id) => patchById.get(id)!),
      new Set(mine.map((r) => r.assetId)).size,
      [...new Set(mine.map((r) => appOfAsset.get(r.assetId)).map((id) => (id ? (appName.get(id) ?? id) : 'no application')))].sort(),
    );
    digests.push(digest);
    const base = {
      tenantId,
      kind: 'contact.applicable',
      subject: digest.subject,
      body: digest.body,
      patchId: digest.patches.length === 1 ? digest.patches[0].id : null,
    };
    for (const recipientId of who.userIds)
      values.push({ ...base, recipientId, recipientEmail: who.emailOf.get(recipientId) ?? null, emailStatus: isEmailEnabled ? 'queued' : null });
    // A contact without an account is told by e-mail only: with no SMTP there is no way to reach them.
    if (isEmailEnabled) for (const email of who.externalEmails) values.push({ ...base, recipientId: null, recipientEmail: email, emailStatus: 'queued' });
    else skippedExternal += who.externalCount;
  }
  for (let i = 0; i < values.length; i += 500) await db.insert(notifications).values(values.slice(i, i + 500));
  // The tenant's change connector gets the digest too: a tenant event (no change) on the webhook.
  if (digests.length) {
    await db.insert(changeEvents).values(
      digests.map((d) => ({
        tenantId: d.tenantId,
        changeId: null,
        type: 'patches.applicable',
        fromState: null,
        toState: '',
        actor: 'system:intake',
        payload: { subject: d.subject, assetCount: d.assetCount, applications: d.applications, patches: d.patches },
      })),
    );
    await kickChangeDeliveries(db);
  }
  return { digests, notified: values.length, skippedExternal };
}

function buildDigest(tenantId: string, list: TApplicableDigest['patches'], assetCount: number, apps: string[]): TApplicableDigest {
  const rank = (p: TApplicableDigest['patches'][number]) => (p.isKev ? -1 : SEVERITIES.indexOf(p.severity as (typeof SEVERITIES)[number]));
  const sorted = [...list].sort((a, b) => rank(a) - rank(b) || a.vendorId.localeCompare(b.vendorId));
  const lines = sorted.slice(0, LIST_LIMIT).map((p) => `- ${p.vendorId} (${p.isKev ? 'KEV ' : ''}${p.severity}): ${p.title}`);
  if (sorted.length > LIST_LIMIT) lines.push(`- and ${sorted.length - LIST_LIMIT} more`);
  const patchWord = sorted.length === 1 ? 'patch applies' : 'patches apply';
  return {
    tenantId,
    patches: sorted,
    assetCount,
    applications: apps,
    subject: `${sorted.length} ${patchWord} to ${assetCount} of your system${assetCount === 1 ? '' : 's'}`,
    body: `Newly applicable to your systems:\n${lines.join('\n')}\n\nApplications: ${apps.join(', ')}.\nTracking records are open for each; their due dates follow your SLA policy.`,
  };
}
