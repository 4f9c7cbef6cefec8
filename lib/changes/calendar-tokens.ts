import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { calendarTokens, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { loadActorFromDb } from '@/lib/auth/load-actor';
import { requirePermission, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';

/**
 * Personal calendar tokens: the secret in a subscribe URL that calendar apps poll without a session.
 * 32 random bytes, so a sha256 is enough (no slow hash); only the hash and a display prefix are kept.
 * A token reads what its user reads *now* (memberships are loaded at each use), and stops at once
 * when revoked or when the user is disabled.
 */
const TOKEN_PATTERN = /^pwc_[A-Za-z0-9_-]{43}$/;
/** How many live tokens a user may hold: one per device or calendar app is plenty. */
export const MAX_CALENDAR_TOKENS = 10;

export const hashCalendarToken = (token: string) => createHash('sha256').update(token).digest('hex');

function newCalendarToken() {
  const token = `pwc_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashCalendarToken(token), prefix: token.slice(0, 10) };
}

function requireUser(actor: TActor): Extract<TActor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN', 'Only a signed-in user has calendar tokens.');
  requirePermission(actor, 'change:read');
  return actor;
}

/** Issues a calendar token for the actor. The token is returned once; only its hash is stored. */
export async function createCalendarToken(db: TDb, actor: TActor, now = new Date()) {
  const user = requireUser(actor);
  return db.transaction(async (tx) => {
    const live = await tx
      .select({ id: calendarTokens.id })
      .from(calendarTokens)
      .where(and(eq(calendarTokens.userId, user.userId), isNull(calendarTokens.revokedAt)));
    if (live.length >= MAX_CALENDAR_TOKENS)
      throw new AppError('CONFLICT', `You already have ${MAX_CALENDAR_TOKENS} calendar tokens: revoke one you no longer use first.`);
    const { token, hash, prefix } = newCalendarToken();
    const [row] = await tx.insert(calendarTokens).values({ userId: user.userId, tokenHash: hash, tokenPrefix: prefix, createdAt: now }).returning();
    await writeAudit(
      tx,
      actor,
      { tenantId: null, action: 'calendar_token.create', targetType: 'calendar_token', targetId: row.id, after: { tokenPrefix: prefix } },
      now,
    );
    return { id: row.id, prefix, token };
  });
}

export const ZRevokeCalendarToken = z.object({ tokenId: z.string().uuid() });

/** Revokes one of the actor's own tokens; someone else's reads as not found. Revoking twice is refused. */
export async function revokeCalendarToken(db: TDb, actor: TActor, input: z.infer<typeof ZRevokeCalendarToken>, now = new Date()) {
  const user = requireUser(actor);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(calendarTokens)
      .where(and(eq(calendarTokens.id, input.tokenId), eq(calendarTokens.userId, user.userId)))
      .for('update');
    if (!row) throw new AppError('NOT_FOUND', 'Calendar token not found.');
    if (row.revokedAt) throw new AppError('CONFLICT', 'This calendar token is already revoked.');
    await tx.update(calendarTokens).set({ revokedAt: now }).where(eq(calendarTokens.id, row.id));
    await writeAudit(
      tx,
      actor,
      { tenantId: null, action: 'calendar_token.revoke', targetType: 'calendar_token', targetId: row.id, before: { tokenPrefix: row.tokenPrefix } },
      now,
    );
    return { id: row.id, revokedAt: now.toISOString() };
  });
}

/** The actor's tokens, live first, without their secret. */
export async function findCalendarTokens(db: TDb, actor: TActor) {
  if (actor.kind !== 'user') return [];
  return db
    .select({
      id: calendarTokens.id,
      prefix: calendarTokens.tokenPrefix,
      createdAt: calendarTokens.createdAt,
      lastUsedAt: calendarTokens.lastUsedAt,
      revokedAt: calendarTokens.revokedAt,
    })
    .from(calendarTokens)
    .where(eq(calendarTokens.userId, actor.userId))
    .orderBy(isNull(calendarTokens.revokedAt), desc(calendarTokens.createdAt))
    .limit(50);
}

/**
 * The user a subscribe URL's token stands for, with their memberships as they are now. An ill-formed
 * token is NOT_FOUND (nothing to look up); an unknown, revoked or disabled user's token is
 * UNAUTHENTICATED. Marks the token used (at most once a minute, to spare writes on frequent polls).
 */
export async function actorForCalendarToken(db: TDb, token: string, now = new Date()): Promise<TActor> {
  if (!TOKEN_PATTERN.test(token)) throw new AppError('NOT_FOUND', 'Unknown calendar.');
  const [row] = await db
    .select({
      id: calendarTokens.id,
      userId: calendarTokens.userId,
      revokedAt: calendarTokens.revokedAt,
      lastUsedAt: calendarTokens.lastUsedAt,
      isDisabled: users.isDisabled,
    })
    .from(calendarTokens)
    .innerJoin(users, eq(users.id, calendarTokens.userId))
    .where(eq(calendarTokens.tokenHash, hashCalendarToken(token)));
  if (!row || row.revokedAt || row.isDisabled)
    throw new AppError('UNAUTHENTICATED', 'This calendar link is revoked or unknown. Create a new one in Patchward.');
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000)
    await db.update(calendarTokens).set({ lastUsedAt: now }).where(eq(calendarTokens.id, row.id));
  return loadActorFromDb(db, row.userId);
}
