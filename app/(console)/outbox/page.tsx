import Link from 'next/link';
import { EmailStatusBadge } from '@/components/notifications/email-status-badge';
import { Card } from '@/components/ui/card';
import { formatDateTime } from '@/components/ui/format';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/server';
import { getActor } from '@/lib/auth/session';
import { findNotifications } from '@/lib/intake/queries';

export const metadata = { title: 'Notifications' };

export default async function OutboxPage() {
  const actor = (await getActor())!;
  const rows = await findNotifications(await getDb(), actor);
  return (
    <>
      <PageHeader title="Notifications" description="Newly applicable critical and KEV patches for your tenants and applications. With SMTP configured they are also e-mailed." />
      <Card>
        {rows.length === 0 ? (
          <EmptyState title="No notifications">You will be told here when a critical or actively exploited (KEV) patch starts to apply to assets you are responsible for.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Notifications">
            {rows.map((n) => (
              <li key={n.id} className="px-5 py-3">
                <div className="flex items-center justify-between gap-4">
                  <p className="text-sm font-medium text-slate-900">
                    {n.patchId ? <Link className="hover:underline" href={`/patches/${n.patchId}`}>{n.subject}</Link> : n.subject}
                  </p>
                  <span className="flex items-center gap-2 whitespace-nowrap text-xs text-slate-500">
                    <EmailStatusBadge status={n.emailStatus} attempts={n.emailAttempts} error={n.emailError} sentAt={n.sentAt} />
                    {formatDateTime(n.createdAt)}
                  </span>
                </div>
                <p className="mt-1 whitespace-pre-line text-sm text-slate-600">{n.body}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
