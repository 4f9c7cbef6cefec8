import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { rawRows, type TDb } from '@/db/client';
import { memberships, patchDecisions, tenants, users } from '@/db/schema';
import { loadActorFromDb } from '@/lib/auth/load-actor';
import { approveDecision } from '@/lib/authorisation/approve-decision';
import { loadPatchState } from '@/lib/authorisation/patch-state';
import { recordTestResults } from '@/lib/authorisation/record-test-results';
import { requestDecision } from '@/lib/authorisation/request-decision';
import { startTestRun } from '@/lib/authorisation/start-test-run';
import { generateChanges } from '@/lib/changes/generate-changes';

/** How many patches the demo authorises per tenant (most widely missing high and medium ones). */
const PER_TENANT = 3;

/**
 * The demo's change management: in each tenant the security team tests the most widely missing high
 * and medium patches on the test ring, one security user requests authorisation and another approves
 * (the real use-cases, four eyes and audit included), then operations generates the changes. Test and
 * dev rings get standard changes under the default pre-approval; production changes wait for their
 * application owners and the CAB, so the approvals inbox has work on first start.
 */
export async function seedChanges(db: TDb, now = new Date()): Promise<{ authorised: number; changes: number }> {
  const staff = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, ['security@patchward.demo', 'security2@patchward.demo', 'operator@patchward.demo']));
  const byEmail = new Map(staff.map((u) => [u.email, u.id]));
  if (staff.length < 3) return { authorised: 0, changes: 0 };
  const [requester, approver, operator] = await Promise.all(
    ['security@patchward.demo', 'security2@patchward.demo', 'operator@patchward.demo'].map((e) => loadActorFromDb(db, byEmail.get(e) as string)),
  );
  let authorised = 0;
  let changes = 0;
  for (const tenant of await db.select().from(tenants).orderBy(tenants.slug)) {
    const isMember = await db
      .select({ u: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.tenantId, tenant.id), eq(memberships.userId, byEmail.get('operator@patchward.demo') as string)));
    if (isMember.length === 0) continue;
    const candidates = await rawRows<{ patch_id: string }>(
      db,
      sql`select c.patch_id from applicability_counts c join patches p on p.id = c.patch_id
          where c.tenant_id = ${tenant.id}::uuid and c.state = 'missing' and c.n > 0 and p.severity in ('high', 'medium') and (p.tenant_id is null or p.tenant_id = ${tenant.id}::uuid)
            and exists (select 1 from applicability a join assets s on s.id = a.asset_id join rings r on r.id = s.ring_id
                        where a.patch_id = c.patch_id and a.tenant_id = c.tenant_id and r.name = 'test' and s.lifecycle = 'active')
          order by c.n desc, p.vendor_id limit ${PER_TENANT}`,
    );
    for (const { patch_id: patchId } of candidates) {
      const run = await startTestRun(db, requester, { patchId, tenantId: tenant.id, targetKind: 'ring', target: 'test' }, now);
      if (run.assets === 0) continue;
      await recordTestResults(
        db,
        requester,
        { runId: run.runId, all: true, outcome: 'passed', notes: 'Demo: smoke tests and service health checks passed.' },
        now,
      );
      const state = await loadPatchState(db, patchId, tenant.id, now);
      await requestDecision(
        db,
        requester,
        {
          patchId,
          kind: 'authorise',
          justification: 'Passed on the test ring; vendor fix for exploitable issues in a widely installed package.',
          impact: { downtimeMinutes: 20, rebootRequired: true, dependencies: [] },
          scope: { tenantIds: [tenant.id] },
          expectedVersions: { [tenant.id]: state.version },
          expectedContentHash: state.patch.contentHash,
        },
        now,
      );
      const [decision] = await db
        .select()
        .from(patchDecisions)
        .where(and(eq(patchDecisions.patchId, patchId), eq(patchDecisions.tenantId, tenant.id), eq(patchDecisions.status, 'requested')))
        .orderBy(desc(patchDecisions.requestedAt))
        .limit(1);
      const fresh = await loadPatchState(db, patchId, tenant.id, now);
      await approveDecision(
        db,
        approver,
        { decisionId: decision.id, expectedVersion: fresh.version, expectedContentHash: fresh.patch.contentHash, note: 'Agreed.' },
        now,
      );
      authorised++;
    }
    const out = await generateChanges(db, operator, { tenantId: tenant.id }, now);
    changes += out.created.length;
  }
  return { authorised, changes };
}
