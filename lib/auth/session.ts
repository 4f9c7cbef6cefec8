import 'server-only';
import { and, eq } from 'drizzle-orm';
import { cache } from 'react';
import { getDb } from '@/lib/runtime/db';
import { users } from '@/db/schema';
import { loadActorFromDb } from '@/lib/auth/load-actor';
import { AppError } from '@/lib/errors';
import { auth } from './index';
import type { TActor } from './permissions';

/**
 * The signed-in user with memberships read fresh from the database on every request, so a revoked
 * role takes effect at once (the JWT carries only the user id). Cached per request.
 */
export const getActor = cache(async (): Promise<TActor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  return loadUserActor(userId);
});

export async function loadUserActor(userId: string): Promise<TActor | null> {
  const db = await getDb();
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.isDisabled, false)));
  return user ? loadActorFromDb(db, userId) : null;
}

export async function requireActor(): Promise<TActor> {
  const actor = await getActor();
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Please sign in.');
  return actor;
}
