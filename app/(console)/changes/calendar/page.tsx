import { ChevronLeft, ChevronRight, Download, List } from 'lucide-react';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { CalendarGrid } from '@/components/changes/calendar-grid';
import { SubscribePanel } from '@/components/changes/subscribe-panel';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { calendarRange, findCalendarChanges, ZChangeCalendarQuery } from '@/lib/changes/calendar';
import { findCalendarTokens } from '@/lib/changes/calendar-tokens';
import { changeTenants, pickChangeTenant } from '@/lib/changes/queries';
import { getDb } from '@/lib/runtime/db';
import { createCalendarTokenAction, revokeCalendarTokenAction } from '../actions';

export const metadata = { title: 'Change calendar' };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export default async function ChangeCalendarPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = (await getActor())!;
  if (!can(actor, 'change:read')) forbidden();
  const query = ZChangeCalendarQuery.parse(await searchParams);
  const today = new Date().toISOString().slice(0, 10);
  const day = query.day ?? today;
  const range = calendarRange(query.view, day);
  const tenants = changeTenants(actor);
  const tenant = pickChangeTenant(tenants, query.tenant);
  const db = await getDb();
  const [changes, tokens] = await Promise.all([findCalendarChanges(db, actor, range, tenant?.slug), findCalendarTokens(db, actor)]);
  const href = (over: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    const merged = { view: query.view, day, tenant: tenant?.slug, ...over };
    for (const [k, v] of Object.entries(merged)) if (v) p.set(k, v);
    return `/changes/calendar?${p.toString()}`;
  };
  const [y, m] = range.month.split('-').map(Number);
  const heading = query.view === 'month' ? `${MONTHS[m - 1]} ${y}` : `Week of ${range.days[0]}`;
  const pill = (active: boolean) =>
    `rounded-full px-3 py-1 text-sm ${active ? 'bg-brand-600 text-white' : 'bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50'}`;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/changes" className="hover:underline">
            Changes
          </Link>
        }
        title="Change calendar"
        description="When each change patches its assets: a change shows on the days its slots start (UTC), coloured by state."
        actions={
          <>
            <a className={buttonVariants({ variant: 'secondary', size: 'sm' })} href={`/api/v1/changes.ics${tenant ? `?tenant=${tenant.slug}` : ''}`} download>
              <Download /> Export .ics
            </a>
            <Link className={buttonVariants({ variant: 'secondary', size: 'sm' })} href="/changes">
              <List /> List
            </Link>
          </>
        }
      />
      {tenants.length > 1 ? (
        <nav className="mb-4 flex flex-wrap gap-2" aria-label="Tenants">
          <Link href={href({ tenant: undefined })} aria-current={!tenant ? 'page' : undefined} className={pill(!tenant)}>
            All tenants
          </Link>
          {tenants.map((t) => (
            <Link key={t.id} href={href({ tenant: t.slug })} aria-current={tenant?.id === t.id ? 'page' : undefined} className={pill(tenant?.id === t.id)}>
              {t.name}
            </Link>
          ))}
        </nav>
      ) : null}
      <div className="space-y-6">
        <Card className="min-w-0">
          <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-100 px-5 py-3">
            <div className="flex items-center gap-2">
              <Link className={buttonVariants({ variant: 'secondary', size: 'icon' })} href={href({ day: range.prev })} aria-label="Previous">
                <ChevronLeft />
              </Link>
              <Link className={buttonVariants({ variant: 'secondary', size: 'sm' })} href={href({ day: today })}>
                Today
              </Link>
              <Link className={buttonVariants({ variant: 'secondary', size: 'icon' })} href={href({ day: range.next })} aria-label="Next">
                <ChevronRight />
              </Link>
              <h2 className="ml-2 text-base font-semibold text-slate-900" data-testid="calendar-heading">
                {heading}
              </h2>
            </div>
            <div className="flex gap-1" role="group" aria-label="Calendar view">
              {(['month', 'week'] as const).map((v) => (
                <Link
                  key={v}
                  href={href({ view: v })}
                  aria-current={query.view === v ? 'true' : undefined}
                  className={buttonVariants({ variant: query.view === v ? 'primary' : 'secondary', size: 'sm' })}
                >
                  {v === 'month' ? 'Month' : 'Week'}
                </Link>
              ))}
            </div>
          </div>
          <CalendarGrid
            view={query.view}
            days={range.days}
            month={range.month}
            today={today}
            showTenant={!tenant && tenants.length > 1}
            changes={changes}
            weekHref={(d) => href({ view: 'week', day: d })}
          />
          {changes.length === 0 ? (
            <EmptyState title={`No change planned in this ${query.view}`}>
              Changes appear here once they are generated and planned. Move to another {query.view}, or see every change in the{' '}
              <Link className="text-brand-700 hover:underline" href="/changes">
                list
              </Link>
              .
            </EmptyState>
          ) : null}
        </Card>
        <Card className="min-w-0 max-w-2xl">
          <CardHeader title="Subscribe" description="A personal, revocable calendar link" />
          <CardBody>
            <SubscribePanel
              tokens={tokens.map((t) => ({
                id: t.id,
                prefix: t.prefix,
                createdAt: t.createdAt.toISOString(),
                lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
                revokedAt: t.revokedAt?.toISOString() ?? null,
              }))}
              create={createCalendarTokenAction}
              revoke={revokeCalendarTokenAction}
            />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
