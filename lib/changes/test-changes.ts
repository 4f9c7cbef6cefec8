import type { TDb } from '@/db/client';
import { changeAssets, changeRequests } from '@/db/schema';

/**
 * Inserts a change request row directly, for read-side tests (list, detail, calendar) that must not
 * depend on how changes are generated. Only the columns the reads use are chosen by the caller.
 */
export async function insertTestChange(
  db: TDb,
  v: {
    tenantId: string;
    title: string;
    type?: string;
    state?: string;
    riskScore?: number;
    riskLevel?: 'low' | 'medium' | 'high';
    plannedStart?: string | null;
    plannedEnd?: string | null;
    slots?: { assetId: string; ring: string; start: string; end: string; wave?: number; applicationId?: string }[];
  },
) {
  const riskScore = v.riskScore ?? 20;
  const [row] = await db
    .insert(changeRequests)
    .values({
      tenantId: v.tenantId,
      title: v.title,
      type: v.type ?? 'normal',
      state: v.state ?? 'submitted',
      grouping: 'ring_window',
      groupKey: `test:${v.title}`,
      releaseAt: new Date('2026-12-01T00:00:00Z'),
      timeMode: 'local',
      riskScore,
      riskLevel: v.riskLevel ?? 'low',
      risk: { score: riskScore, level: v.riskLevel ?? 'low', factors: [{ factor: 'severity high', points: riskScore }] },
      backoutPlan: 'Uninstall the update and restore the snapshot.',
      scopeHash: 'test',
      plannedStart: v.plannedStart ? new Date(v.plannedStart) : null,
      plannedEnd: v.plannedEnd ? new Date(v.plannedEnd) : null,
    })
    .returning();
  if (v.slots?.length)
    await db.insert(changeAssets).values(
      v.slots.map((s) => ({
        changeId: row.id,
        assetId: s.assetId,
        tenantId: v.tenantId,
        ring: s.ring,
        applicationId: s.applicationId ?? null,
        waveIndex: s.wave ?? 0,
        plannedStart: new Date(s.start),
        plannedEnd: new Date(s.end),
      })),
    );
  return row;
}
