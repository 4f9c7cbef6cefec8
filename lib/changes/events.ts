import type { TDb } from '@/db/client';
import { changeEvents } from '@/db/schema';
import { actorLabel, type TActor } from '@/lib/auth/permissions';

/**
 * Appends one event to a change's history, in the transaction of the transition: the change page's
 * timeline and the outbound webhook (lib/changes/connector) read these.
 */
export async function recordChangeEvent(
  tx: TDb,
  actor: TActor,
  change: { id: string; tenantId: string },
  type: string,
  fromState: string | null,
  toState: string,
  payload: Record<string, unknown> = {},
): Promise<number> {
  const [row] = await tx
    .insert(changeEvents)
    .values({ tenantId: change.tenantId, changeId: change.id, type, fromState, toState, actor: actorLabel(actor), payload })
    .returning({ id: changeEvents.id });
  return row.id;
}
