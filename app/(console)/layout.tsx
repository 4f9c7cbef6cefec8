import {
  Bell,
  Briefcase,
  SlidersHorizontal,
  CalendarClock,
  CalendarRange,
  DownloadCloud,
  FlaskConical,
  GitPullRequestArrow,
  ListTodo,
  Stamp,
  History,
  LayoutDashboard,
  PackageCheck,
  ScrollText,
  Server,
  Settings,
  ShieldCheck,
  UserCheck,
} from 'lucide-react';
import { redirect } from 'next/navigation';
import { Providers } from '@/components/providers';
import { NavLink } from '@/components/shell/nav-link';
import { UserMenu } from '@/components/shell/user-menu';
import { getDb } from '@/lib/runtime/db';
import { signOut } from '@/lib/auth';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { countUnreadNotifications } from '@/lib/notifications/queries';
import { countAwaitingMyApproval } from '@/lib/authorisation/queries';
import { countChangesAwaitingMe } from '@/lib/changes/approvers';
import { ownsAnyApplication } from '@/lib/my-applications/scope';

export const dynamic = 'force-dynamic';

async function signOutAction() {
  'use server';
  await signOut({ redirectTo: '/login' });
}

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  if (!actor || actor.kind !== 'user') redirect('/login');
  const unread = await countUnreadNotifications(await getDb(), actor);
  const awaiting = can(actor, 'patch:authorize') ? await countAwaitingMyApproval(await getDb(), actor) : 0;
  const changesAwaiting = can(actor, 'change:read') ? await countChangesAwaitingMe(await getDb(), actor) : 0;
  const isOwner = actor.memberships.some((m) => m.role === 'app_owner') || (await ownsAnyApplication(await getDb(), actor));
  return (
    <div className="flex min-h-screen">
      <aside className="fixed inset-y-0 left-0 flex w-56 flex-col bg-slate-900 px-3 py-4">
        <div className="mb-6 flex items-center gap-2 px-3 text-white">
          <ShieldCheck className="size-6 text-brand-500" />
          <span className="text-base font-semibold tracking-tight">Patchward</span>
        </div>
        <nav className="flex flex-1 flex-col gap-1" aria-label="Main">
          <NavLink href="/overview">
            <LayoutDashboard /> Overview
          </NavLink>
          {isOwner ? (
            <NavLink href="/my">
              <Briefcase /> My applications
            </NavLink>
          ) : null}
          {can(actor, 'asset:read') ? (
            <NavLink href="/assets">
              <Server /> Inventory
            </NavLink>
          ) : null}
          {can(actor, 'schedule:read') ? (
            <NavLink href="/schedule">
              <CalendarClock /> Schedule
            </NavLink>
          ) : null}
          {can(actor, 'schedule:read') ? (
            <NavLink href="/windows">
              <CalendarRange /> Windows
            </NavLink>
          ) : null}
          {can(actor, 'patch:read') ? (
            <NavLink href="/patches">
              <PackageCheck /> Patches
            </NavLink>
          ) : null}
          {can(actor, 'patch:test') ? (
            <NavLink href="/testing" exclusiveOf="/testing?status=awaiting">
              <FlaskConical /> Testing
            </NavLink>
          ) : null}
          {can(actor, 'patch:authorize') ? (
            <NavLink href="/testing?status=awaiting">
              <UserCheck /> Awaiting my approval
              {awaiting > 0 ? (
                <span className="ml-auto rounded-full bg-purple-600 px-1.5 text-xs tabular-nums text-white" data-testid="nav-awaiting">
                  {awaiting}
                </span>
              ) : null}
            </NavLink>
          ) : null}
          {can(actor, 'change:read') ? (
            <NavLink href="/changes" exclusiveOf="/changes?view=awaiting">
              <GitPullRequestArrow /> Changes
            </NavLink>
          ) : null}
          {changesAwaiting > 0 || isOwner || can(actor, 'patch:authorize') ? (
            <NavLink href="/changes?view=awaiting&sort=number:asc">
              <Stamp /> Change approvals
              {changesAwaiting > 0 ? (
                <span className="ml-auto rounded-full bg-purple-600 px-1.5 text-xs tabular-nums text-white" data-testid="nav-change-awaiting">
                  {changesAwaiting}
                </span>
              ) : null}
            </NavLink>
          ) : null}
          {can(actor, 'change:read') ? (
            <NavLink href="/queue">
              <ListTodo /> My queue
            </NavLink>
          ) : null}
          {can(actor, 'patch:read') ? (
            <NavLink href="/history">
              <History /> History
            </NavLink>
          ) : null}
          {can(actor, 'patch:import') ? (
            <NavLink href="/intake">
              <DownloadCloud /> Intake
            </NavLink>
          ) : null}
          <NavLink href="/outbox">
            <Bell /> Notifications
            {unread > 0 ? (
              <span className="ml-auto rounded-full bg-brand-600 px-1.5 text-xs tabular-nums text-white" data-testid="nav-unread">
                {unread}
                <span className="sr-only"> unread</span>
              </span>
            ) : null}
          </NavLink>
          {can(actor, 'audit:read') ? (
            <NavLink href="/audit">
              <ScrollText /> Audit log
            </NavLink>
          ) : null}
          {can(actor, 'policy:write') ? (
            <NavLink href="/settings">
              <SlidersHorizontal /> Policy
            </NavLink>
          ) : null}
          {can(actor, 'tenant:admin') ? (
            <NavLink href="/admin">
              <Settings /> Administration
            </NavLink>
          ) : null}
        </nav>
        <p className="px-3 text-xs text-slate-500">
          v0.1 · {actor.memberships.length ? `${new Set(actor.memberships.map((m) => m.tenantId)).size} tenant(s)` : 'no tenant'}
        </p>
      </aside>
      <div className="ml-56 flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-10 flex h-14 items-center justify-end border-b border-slate-200 bg-white/90 px-6 backdrop-blur">
          <UserMenu
            name={actor.name}
            email={actor.email}
            roles={actor.memberships.map((m) => ({ tenant: m.tenantName, role: m.role }))}
            signOutAction={signOutAction}
          />
        </header>
        <main className="mx-auto w-full max-w-7xl flex-1 px-6 py-6">
          <Providers>{children}</Providers>
        </main>
      </div>
    </div>
  );
}
