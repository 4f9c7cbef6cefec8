import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { changeRequests } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { can, rolesIn, type TActor, type TPermission } from '@/lib/auth/permissions';
import { transition, toChangeState, type TChangeEvent, type TChangeType } from '@/lib/domain/change';
import { AppError } from '@/lib/errors';
import { recordChangeEvent } from './events';

/** How every write to a change request starts and ends: lock and check, then a transition or an in-place record, each with its event and audit row. */

export const CHANGE_NOT_FOUND = 'Change not found.';
export const STALE_CHANGE = 'This change was updated after you opened it (a vote, a transition or a new plan): reload the page and check it again.';

/** Inputs every action on a change shares. */
export const ZBase = z.object({
  changeId: z.string().uuid(CHANGE_NOT_FOUND),
  /** The version the caller saw; every person's action sends it. An external system may omit it. */
  expectedVersion: z.number().int().positive().optional(),
});
const ZNote = z.string().trim().max(4000, 'Keep the note under 4,000 characters.');

export const ZChangeAction = ZBase.extend({ note: ZNote.optional() });
export type TChangeAction = z.input<typeof ZChangeAction>;
export const ZChangeReasoned = ZBase.extend({ note: ZNote.min(1, 'Say why.') });
export type TChangeReasoned = z.input<typeof ZChangeReasoned>;

export type TChangeRow = typeof changeRequests.$inferSelect;
type TTx = TDb;

/** Locks the change; a change of a tenant the actor has no role in reads as not found; `permission` is checked in its tenant. */
export async function loadForWrite(tx: TTx, actor: TActor, changeId: string, permission: TPermission | null): Promise<TChangeRow> {
  const [change] = await tx.select().from(changeRequests).where(eq(changeRequests.id, changeId)).for('update');
  if (!change) throw new AppError('NOT_FOUND', CHANGE_NOT_FOUND);
  if (actor.kind === 'system') return change;
  if (rolesIn(actor, change.tenantId).length === 0) throw new AppError('NOT_FOUND', CHANGE_NOT_FOUND);
  if (permission && !can(actor, permission, change.tenantId))
    throw new AppError('FORBIDDEN', 'Your role does not allow this action on changes in this tenant.');
  return change;
}

export function assertVersion(change: TChangeRow, expected: number | undefined) {
  if (expected !== undefined && expected !== change.version) throw new AppError('CONFLICT', STALE_CHANGE);
}

/** Applies a state-machine event (refused with the machine's reason), bumps the version, records the event and the audit row. */
export async function move(
  tx: TTx,
  actor: TActor,
  change: TChangeRow,
  event: TChangeEvent,
  extra: Partial<typeof changeRequests.$inferInsert> = {},
  payload: Record<string, unknown> = {},
  now = new Date(),
): Promise<{ state: string; version: number; eventId: number }> {
  const from = toChangeState(change.state);
  const t = transition(from, event, { type: change.type as TChangeType, hasEvidence: change.evidence !== null });
  if (!t.ok) throw new AppError('CONFLICT', t.reason);
  const version = change.version + 1;
  await tx
    .update(changeRequests)
    .set({ ...extra, state: t.state, version, updatedAt: now })
    .where(eq(changeRequests.id, change.id));
  const eventId = await recordChangeEvent(tx, actor, change, event, from, t.state, payload);
  await writeAudit(
    tx,
    actor,
    {
      tenantId: change.tenantId,
      action: `change.${event}`,
      targetType: 'change',
      targetId: change.id,
      before: { state: from, version: change.version },
      after: { state: t.state, version, ...payload },
    },
    now,
  );
  return { state: t.state, version, eventId };
}

/**
 * Records something that happened to a change whose state stays (a vote short of the quorum, an
 * after-the-fact decision, a replan, an implementation window): bumps the version (an open page is
 * then stale), with its event and audit row. The audit row holds `audit` (default: the event's
 * payload) and the new version.
 */
export async function recordInPlace(
  tx: TTx,
  actor: TActor,
  change: TChangeRow,
  r: { event: string; action: string; payload: Record<string, unknown>; audit?: Record<string, unknown>; set?: Partial<typeof changeRequests.$inferInsert> },
  now = new Date(),
): Promise<number> {
  const version = change.version + 1;
  await tx
    .update(changeRequests)
    .set({ ...r.set, version, updatedAt: now })
    .where(eq(changeRequests.id, change.id));
  await recordChangeEvent(tx, actor, change, r.event, change.state, change.state, r.payload);
  await writeAudit(
    tx,
    actor,
    { tenantId: change.tenantId, action: r.action, targetType: 'change', targetId: change.id, after: { ...(r.audit ?? r.payload), version } },
    now,
  );
  return version;
}
