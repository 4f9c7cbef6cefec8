import type { TDb } from '@/db/client';
import { changeEvents, changeRequests } from '@/db/schema';

/**
 * Test helpers: a change row and its events written directly, so the connector is tested without
 * going through change generation (what the change use-cases would have written).
 */
export async function insertTestChange(db: TDb, tenantId: string, over: Partial<typeof changeRequests.$inferInsert> = {}) {
  const [row] = await db
    .insert(changeRequests)
    .values({
      tenantId,
      title: 'Monthly security patches (prod)',
      type: 'normal',
      state: 'submitted',
      grouping: 'ring_window',
      groupKey: 'prod',
      releaseAt: new Date('2026-03-01T00:00:00Z'),
      timeMode: 'local',
      riskScore: 40,
      riskLevel: 'medium',
      risk: { score: 40, level: 'medium', factors: [] },
      backoutPlan: 'Reinstall the previous package versions.',
      scopeHash: 'empty',
      ...over,
    })
    .returning();
  return row;
}

export async function insertTestEvent(
  db: TDb,
  change: { id: string; tenantId: string },
  over: Partial<typeof changeEvents.$inferInsert> = {},
): Promise<typeof changeEvents.$inferSelect> {
  const [row] = await db
    .insert(changeEvents)
    .values({
      tenantId: change.tenantId,
      changeId: change.id,
      type: 'submit',
      fromState: 'draft',
      toState: 'submitted',
      actor: 'operator@t',
      payload: { note: 'go' },
      ...over,
    })
    .returning();
  return row;
}
