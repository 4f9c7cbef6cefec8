import type { TDb } from '@/db/client';
import { notifyApplicableContacts } from '@/lib/contacts/notify-applicable';
import { applicationsOfAssets, syncTracking, type TTrackingScope } from './sync-tracking';

type TPair = { patchId: string; assetId: string; tenantId: string };

/**
 * What follows an assessment once it has committed, beside notifyNewlyApplicable: tracking records
 * follow applicability (open, refresh, close) and the tenants' contacts get one digest each of what
 * newly applies. Tracking is derived state that the next synchronisation repairs, so a failure here
 * is logged and does not fail the import that has already committed: the next synchronisation of
 * the same patches or applications repairs it.
 */
export async function trackAfterAssessment(
  db: TDb,
  {
    scope,
    newlyMissing,
  }: { scope: TTrackingScope | { assetIds: string[]; previousApplications?: { tenantId: string; applicationId: string | null }[] }; newlyMissing: TPair[] },
): Promise<void> {
  try {
    const resolved: TTrackingScope =
      'assetIds' in scope ? { applications: [...(await applicationsOfAssets(db, scope.assetIds)), ...(scope.previousApplications ?? [])] } : scope;
    await syncTracking(db, resolved);
    await notifyApplicableContacts(db, newlyMissing);
  } catch (err) {
    console.error('[patchward] tracking after assessment failed; the next assessment or start-up sync repairs it:', err);
  }
}
