import { and, eq, inArray, sql } from 'drizzle-orm';
import { rawRows, type TDb } from '@/db/client';
import { changeRequests, notifications } from '@/db/schema';
import { smtpSettings } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { findContactRecipients } from './recipients';

export const CHANGE_NOTICE_KINDS = ['approved', 'started', 'ended'] as const;
export type TChangeNoticeKind = (typeof CHANGE_NOTICE_KINDS)[number];

const VERB: Record<TChangeNoticeKind, string> = { approved: 'approved', started: 'started', ended: 'ended' };

export type TNotifyChangeResult = { notified: number; skippedExternal: number; assetCount: number };

const fmt = (d: Date | null) => (d ? d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : 'not planned yet');

/**
 * Tells the contacts of a change's tenant (notifyChanges) that the change was approved, started or
 * ended, and which of their systems it touches: how many, in which applications, planned from when
 * to when (the change's assets' slots, else the change's own plan). In-app with `changeId` set, and
 * e-mail when SMTP is configured. Calling it twice for the same change and kind tells nobody twice.
 * Contacts without a user account are counted, not told (a notification needs a recipient user).
 */
export async function notifyChangeContacts(
  db: TDb,
  changeId: string,
  kind: TChangeNoticeKind,
  { isEmailEnabled = smtpSettings() !== null }: { isEmailEnabled?: boolean } = {},
): Promise<TNotifyChangeResult> {
  const [change] = await db
    .select({
      id: changeRequests.id,
      tenantId: changeRequests.tenantId,
      number: changeRequests.number,
      title: changeRequests.title,
      plannedStart: changeRequests.plannedStart,
      plannedEnd: changeRequests.plannedEnd,
    })
    .from(changeRequests)
    .where(eq(changeRequests.id, changeId));
  if (!change) throw new AppError('NOT_FOUND', 'Change not found.');
  const [scope] = await rawRows<{ n: number; first: string | null; last: string | null; apps: string[] | null }>(
    db,
    sql`select count(*)::int as n, min(ca.planned_start) as first, max(ca.planned_end) as last,
          array_agg(distinct coalesce(ap.name, 'no application')) as apps
        from change_assets ca
        join assets s on s.id = ca.asset_id and s.tenant_id = ca.tenant_id
        left join applications ap on ap.id = s.application_id
        where ca.change_id = ${changeId} and ca.tenant_id = ${change.tenantId}`,
  );
  const assetCount = scope?.n ?? 0;
  const recipients = (await findContactRecipients(db, [change.tenantId], 'changes')).get(change.tenantId);
  if (!recipients) return { notified: 0, skippedExternal: 0, assetCount };
  const noticeKind = `change.${kind}`;
  const already = await db
    .select({ recipientId: notifications.recipientId, recipientEmail: notifications.recipientEmail })
    .from(notifications)
    .where(and(eq(notifications.changeId, changeId), eq(notifications.kind, noticeKind)));
  const told = new Set(already.map((r) => r.recipientId).filter((id): id is string => !!id));
  const toldExternal = new Set(already.filter((r) => !r.recipientId).map((r) => r.recipientEmail));
  const start = scope?.first ? new Date(scope.first) : change.plannedStart;
  const end = scope?.last ? new Date(scope.last) : change.plannedEnd;
  const number = `CHG-${String(change.number).padStart(6, '0')}`;
  const apps = (scope?.apps ?? []).sort();
  const subject = `${number} ${VERB[kind]}: it touches ${assetCount} of your system${assetCount === 1 ? '' : 's'}`;
  const body = `${change.title}\n\nApplications: ${apps.length ? apps.join(', ') : 'none'}.\nPlanned: ${fmt(start)} to ${fmt(end)}.`;
  const base = { tenantId: change.tenantId, kind: noticeKind, changeId, subject, body };
  const values: (typeof notifications.$inferInsert)[] = recipients.userIds
    .filter((id) => !told.has(id))
    .map((recipientId) => ({
      ...base,
      recipientId,
      recipientEmail: recipients.emailOf.get(recipientId) ?? null,
      emailStatus: isEmailEnabled ? 'queued' : null,
    }));
  // Contacts without an account: by e-mail only, so only with SMTP configured.
  if (isEmailEnabled)
    for (const email of recipients.externalEmails.filter((e) => !toldExternal.has(e)))
      values.push({ ...base, recipientId: null, recipientEmail: email, emailStatus: 'queued' });
  if (values.length) await db.insert(notifications).values(values);
  return { notified: values.length, skippedExternal: isEmailEnabled ? 0 : recipients.externalCount, assetCount };
}
