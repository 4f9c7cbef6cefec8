import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import { landingPath } from '@/lib/my-applications/landing';

/** The console's front door: each role starts where its work is (lib/my-applications/landing.ts). */
export default async function LandingPage() {
  const actor = await getActor();
  if (!actor || actor.kind !== 'user') redirect('/login');
  redirect(landingPath(actor.memberships.map((m) => m.role)));
}
