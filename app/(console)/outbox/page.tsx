import Link from 'next/link';
import { MarkAllRead, NotificationsTable } from '@/components/notifications/notifications-table';
import { Badge } from '@/components/ui/badge';
import { buttonVariants } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/lib/runtime/db';
import { getActor } from '@/lib/auth/session';
import { findNotifications, NOTIFICATION_EMAIL_STATES, ZNotificationListQuery } from '@/lib/notifications/queries';
import { markNotificationsReadAction } from './actions';

export const metadata = { title: 'Notifications' };

const EMAIL_LABEL = { queued: 'e-mail queued', sending: 'e-mail sending', sent: 'e-mailed', failed: 'e-mail failed', 'in-app': 'in-app only' } as const;

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = (await getActor())!;
  const query = ZNotificationListQuery.parse(await searchParams);
  const page = await findNotifications(await getDb(), actor, query);
  return (
    <>
      <PageHeader
        title={
          <span className="flex items-center gap-2">
            Notifications
            <Badge tone={page.unread ? 'brand' : 'neutral'} data-testid="unread-count" data-count={page.unread}>
              {page.unread} unread
            </Badge>
          </span>
        }
        description="Newly applicable critical and KEV patches in your tenants and applications, one per patch and tenant. With SMTP configured they are also e-mailed."
        actions={page.all > 0 ? <MarkAllRead unread={page.unread} markRead={markNotificationsReadAction} /> : null}
      />
      <Card>
        {page.all === 0 ? (
          <EmptyState
            title="No notifications yet"
            action={
              <Link href="/patches?applicable=yes" className={buttonVariants({ variant: 'secondary' })}>
                Review applicable patches
              </Link>
            }
          >
            You will be told here when a critical or actively exploited (KEV) patch starts to apply to assets you are responsible for. Until then, the Patches
            list shows what is missing where.
          </EmptyState>
        ) : (
          <NotificationsTable
            rows={page.rows.map((r) => ({
              ...r,
              sentAt: r.sentAt ? r.sentAt.toISOString() : null,
              readAt: r.readAt ? r.readAt.toISOString() : null,
              createdAt: r.createdAt.toISOString(),
            }))}
            total={page.total}
            page={page.page}
            pageSize={page.size}
            sort={query.sort}
            markRead={markNotificationsReadAction}
            filters={[
              ...(page.tenants.length > 1 ? [{ key: 'tenant', label: 'Tenant', options: page.tenants.map((t) => ({ value: t.id, label: t.name })) }] : []),
              {
                key: 'state',
                label: 'State',
                options: [
                  { value: 'unread', label: 'unread' },
                  { value: 'read', label: 'read' },
                ],
              },
              { key: 'email', label: 'E-mail', options: NOTIFICATION_EMAIL_STATES.map((s) => ({ value: s, label: EMAIL_LABEL[s] })) },
            ]}
          />
        )}
      </Card>
    </>
  );
}
