import type { TDb } from '@/db/client';
import { requireTenantAccess, type TActor } from '@/lib/auth/permissions';
import { planToIcs, windowsToIcs } from '@/lib/domain/ics';
import type { TWindowDef } from '@/lib/domain/windows';
import { loadBlackouts, loadTenantZones, loadWindows, toPlannerBlackouts, type TSchedulingTenant } from './queries';
import type { TSchedulePreview } from './preview-schedule';

export const WINDOWS_ICS_DAYS = 90;

/**
 * The tenant's enabled windows for the next 90 days, and its current and future blackouts, as an
 * iCalendar file. A window in the asset zone opens at a different instant in every zone, so it is
 * listed once per zone the tenant's assets live in, named with the zone.
 */
export async function windowsCalendar(db: TDb, actor: TActor, tenant: TSchedulingTenant, clock = new Date()): Promise<string> {
  requireTenantAccess(actor, tenant.id, 'schedule:read');
  const [windows, blackoutRows, zones] = await Promise.all([
    loadWindows(db, tenant.id, { enabledOnly: true }),
    loadBlackouts(db, tenant.id),
    loadTenantZones(db, tenant.id),
  ]);
  const now = clock.toISOString();
  const assetZones = zones.length ? zones.map((z) => z.zone) : ['UTC'];
  const expanded: { id: string; def: TWindowDef }[] = windows.flatMap((w) =>
    w.def.zone === 'asset'
      ? assetZones.map((zone) => ({ id: `${w.id}-${zone}`, def: { ...w.def, zone, name: `${w.def.name} (${zone})` } }))
      : [{ id: w.id, def: w.def }],
  );
  return windowsToIcs(expanded, {
    from: now,
    to: new Date(clock.getTime() + WINDOWS_ICS_DAYS * 86_400_000).toISOString(),
    now,
    blackouts: toPlannerBlackouts(blackoutRows.filter((b) => Date.parse(b.endsAt) > clock.getTime())),
    calName: `Patchward maintenance windows — ${tenant.name}`,
  });
}

/** The previewed waves as an iCalendar file, one event per wave. */
export function scheduleCalendar(preview: TSchedulePreview, tenant: TSchedulingTenant): string {
  return planToIcs({ ...preview.plan, changeId: `preview-${tenant.slug}` }, { calName: `Patchward schedule preview — ${tenant.name}` });
}
