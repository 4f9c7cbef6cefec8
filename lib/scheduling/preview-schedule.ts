import { and, asc, eq, ne, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { applications, assets, rings } from '@/db/schema';
import { requireTenantAccess, type TActor } from '@/lib/auth/permissions';
import { planChange, summarizePlan, type TPlan, type TPlanSummary, type TPlanTarget } from '@/lib/domain/planner';
import { TIME_MODES, type TPolicy } from '@/lib/domain/policy';
import { scopeMatches } from '@/lib/domain/windows';
import type { TAssetKind } from '@/lib/domain/types';
import { loadBlackouts, loadTenantPolicy, loadTenantZones, loadWindows, toPlannerBlackouts, type TBlackoutRow } from './queries';

export const PREVIEW_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

/** The preview's inputs from a query string; anything malformed falls back to its default. */
export const ZSchedulePreviewQuery = z.object({
  severity: z.enum(PREVIEW_SEVERITIES).catch('high'),
  /** Expected minutes per job, reboot included. */
  minutes: z.coerce.number().int().min(1).max(1440).catch(60),
  /** Unset: the policy's default time mode. */
  mode: z.enum(TIME_MODES).optional().catch(undefined),
  app: z.string().uuid().optional().catch(undefined),
  ring: z.string().trim().min(1).max(60).optional().catch(undefined),
  /** The planning instant (tests and "what if" links); unset: now. */
  at: z.iso.datetime({ offset: true }).optional().catch(undefined),
});
export type TSchedulePreviewQuery = z.infer<typeof ZSchedulePreviewQuery>;

export type TPreviewAsset = { id: string; name: string; kind: TAssetKind; ring: string; zone: string; applicationName: string | null };

export type TSchedulePreview = {
  now: string;
  policy: TPolicy;
  plan: TPlan;
  summary: TPlanSummary;
  /** Every target of the preview, by id. */
  assets: Record<string, TPreviewAsset>;
  targetCount: number;
  enabledWindows: number;
  blackouts: TBlackoutRow[];
  /** The tenant's most common asset zone: what "local" display means for tenant-wide figures. */
  mainZone: string;
};

/**
 * Plans a hypothetical change of one patch over the tenant's deployable assets (not decommissioned,
 * not golden images: images are rebuilt, not patched in place), in the tenant's enabled windows,
 * blackouts and policy — the same pure planner the scheduler runs, so what you see is what it does.
 * The SLA runs from `now`, as if the patch were detected at this instant.
 */
export async function previewSchedule(db: TDb, actor: TActor, tenantId: string, query: TSchedulePreviewQuery, clock = new Date()): Promise<TSchedulePreview> {
  requireTenantAccess(actor, tenantId, 'schedule:read');
  const now = query.at ? new Date(query.at).toISOString() : clock.toISOString();
  const where: SQL[] = [eq(assets.tenantId, tenantId), ne(assets.lifecycle, 'decommissioned'), ne(assets.kind, 'image')];
  if (query.app) where.push(eq(assets.applicationId, query.app));
  if (query.ring) where.push(eq(rings.name, query.ring));
  const [policyInfo, windows, blackoutRows, zones, rows] = await Promise.all([
    loadTenantPolicy(db, tenantId),
    loadWindows(db, tenantId, { enabledOnly: true }),
    loadBlackouts(db, tenantId),
    loadTenantZones(db, tenantId),
    db
      .select({
        id: assets.id,
        name: assets.name,
        kind: assets.kind,
        ring: rings.name,
        zone: assets.zone,
        cluster: assets.cluster,
        parentHostId: assets.parentHostId,
        tags: assets.tags,
        applicationId: assets.applicationId,
        applicationName: applications.name,
      })
      .from(assets)
      .innerJoin(rings, eq(rings.id, assets.ringId))
      .leftJoin(applications, eq(applications.id, assets.applicationId))
      .where(and(...where))
      .orderBy(asc(assets.name)),
  ]);

  const targets: TPlanTarget[] = rows.map((a) => {
    const subject = { tenantId, applicationIds: a.applicationId ? [a.applicationId] : [], ring: a.ring, tags: a.tags };
    return {
      assetId: a.id,
      kind: a.kind,
      zone: a.zone,
      clusterId: a.kind === 'host' ? a.cluster : null,
      hostId: a.parentHostId,
      windowIds: windows.filter((w) => scopeMatches(w.def.scope, subject)).map((w) => w.id),
      detectedAt: now,
      ...subject,
    };
  });
  const plan = planChange({
    changeId: 'preview',
    patches: [{ id: 'preview', severity: query.severity, expectedMinutes: query.minutes, timeMode: query.mode, requiresReboot: true }],
    targets,
    windows: windows.map((w) => ({ id: w.id, def: w.def })),
    blackouts: toPlannerBlackouts(blackoutRows.filter((b) => Date.parse(b.endsAt) > Date.parse(now))),
    policy: policyInfo.policy,
    now,
  });
  return {
    now,
    policy: policyInfo.policy,
    plan,
    summary: summarizePlan(plan),
    assets: Object.fromEntries(
      rows.map((a) => [a.id, { id: a.id, name: a.name, kind: a.kind, ring: a.ring, zone: a.zone, applicationName: a.applicationName }]),
    ),
    targetCount: targets.length,
    enabledWindows: windows.length,
    blackouts: blackoutRows,
    mainZone: zones[0]?.zone ?? 'UTC',
  };
}
