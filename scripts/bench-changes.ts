// Change management at fleet scale (issue 11): 200 authorised patches become change requests over the
// generated fleet (grouping, planning into windows, conflict check, persistence), then the approvals inbox.
// Runs after the applicability section, on its patches and missing pairs.
import { sql } from 'drizzle-orm';
import { rawRows, type TDbHandle } from '../db/client';
import type { TActor } from '../lib/auth/permissions';
import { countChangesAwaitingMe, findChangeIdsAwaitingMe } from '../lib/changes/approvers';
import { generateChanges } from '../lib/changes/generate-changes';

type TTime = <T>(label: string, fn: () => Promise<T>, runs?: number) => Promise<T>;

const AUTHORISED = 200;

/**
 * Without the applicability section (`--only changes`), 200 advisories and their missing pairs are
 * written directly: each deployable asset misses about 12% of them (2.4 million pairs at 100k assets),
 * so the change section measures change management, not the assessment.
 */
async function synthesiseApplicability(h: TDbHandle) {
  const db = h.db;
  await db.execute(sql`
    insert into patches (source, vendor_id, title, cves, severity, cvss, "references", content_hash, epss, published)
    select 'osv', 'BENCH-CHG-' || g, 'bench advisory ' || g, '{}',
           (case when g % 10 = 0 then 'critical' when g % 10 < 5 then 'high' when g % 10 < 9 then 'medium' else 'low' end)::severity,
           '[]', '[]', md5(g::text), (g % 100) / 100.0, now() - interval '10 days'
    from generate_series(1, ${AUTHORISED}) g`);
  await db.execute(sql`
    insert into applicability (tenant_id, patch_id, asset_id, state, detected_at)
    select a.tenant_id, p.id, a.id, 'missing', now() - ((abs(hashtext(a.id::text)) % 20) || ' days')::interval
    from assets a cross join patches p
    where a.kind <> 'image' and abs(hashtext(a.id::text || p.id::text)) % 100 < 12`);
  await db.execute(sql`analyze`);
}

export async function benchChanges(h: TDbHandle, time: TTime) {
  const db = h.db;
  const [{ n: pairsBefore }] = await rawRows<{ n: number }>(db, sql`select count(*)::int as n from applicability`);
  if (pairsBefore === 0) {
    const t = performance.now();
    await synthesiseApplicability(h);
    console.log(
      `  wrote ${AUTHORISED} advisories and their missing pairs directly in ${((performance.now() - t) / 1000).toFixed(1)} s (no applicability section ran)`,
    );
  }
  const tenants = await rawRows<{ id: string; slug: string; name: string }>(db, sql`select id, slug, name from tenants order by slug`);
  // The 200 patches missing on most assets, authorised in every tenant (as an approved decision leaves them).
  await db.execute(sql`
    insert into patch_tenant_status (tenant_id, patch_id, status, version)
    select t.id, p.patch_id, 'authorised', 2
    from (select patch_id from applicability where state = 'missing' group by patch_id order by count(*) desc limit ${AUTHORISED}) p
    cross join tenants t`);
  await db.execute(sql`
    insert into patch_decisions (patch_id, tenant_id, request_group_id, kind, status, justification, impact, patch_version, patch_content_hash, decided_at)
    select s.patch_id, s.tenant_id, gen_random_uuid(), 'authorise', 'approved', 'bench', '{"downtimeMinutes": 15, "rebootRequired": true, "dependencies": [], "order": null}', 1, 'x', now()
    from patch_tenant_status s`);
  // A nightly four-hour window in each asset's own zone, and owners for the applications.
  await db.execute(sql`
    insert into maintenance_windows (tenant_id, name, def)
    select id, 'Nightly', '{"name":"Nightly","recurrence":{"kind":"weekly","days":["MO","TU","WE","TH","FR","SA","SU"]},"start":"01:00","durationMinutes":240,"zone":"asset","scope":{}}'::jsonb from tenants`);
  await db.execute(
    sql`insert into users (id, email, name) values ('00000000-0000-4000-8000-00000000000a', 'bench-owner@bench', 'Bench owner') on conflict do nothing`,
  );
  await db.execute(sql`update applications set owner_id = '00000000-0000-4000-8000-00000000000a'`);
  const [pairs] = await rawRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from applicability a join patch_tenant_status s on s.patch_id = a.patch_id and s.tenant_id = a.tenant_id where a.state = 'missing'`,
  );
  console.log(
    `  ${AUTHORISED} authorised patches in ${tenants.length} tenants; ${pairs.n.toLocaleString('en-US')} missing patch × asset pairs to put into changes`,
  );

  const system: TActor = { kind: 'system', label: 'bench' };
  let created = 0;
  const t0 = performance.now();
  for (const t of tenants) {
    const out = await time(`generate changes, tenant ${t.slug}`, () => generateChanges(db, system, { tenantId: t.id }), 1);
    created += out.created.length;
  }
  const total = performance.now() - t0;
  const [rows] = await rawRows<{ n: number }>(db, sql`select count(*)::int as n from change_assets`);
  console.log(
    `  → ${created} change requests with ${rows.n.toLocaleString('en-US')} planned asset slots, all tenants in ${(total / 1000).toFixed(2)} s (target < 5 s on PostgreSQL at 100k assets)`,
  );

  // As autovacuum would after a burst of writes: the inbox's plans depend on the new tables' statistics.
  await db.execute(sql`analyze change_requests`);
  await db.execute(sql`analyze change_assets`);
  await db.execute(sql`analyze change_approvals`);
  const owner: TActor = {
    kind: 'user',
    userId: '00000000-0000-4000-8000-00000000000a',
    email: 'bench-owner@bench',
    name: 'Bench owner',
    memberships: tenants.map((t) => ({ tenantId: t.id, tenantSlug: t.slug, tenantName: t.name, role: 'app_owner' as const })),
  };
  const security: TActor = {
    ...owner,
    userId: '00000000-0000-4000-8000-00000000000b',
    memberships: owner.memberships.map((m) => ({ ...m, role: 'security' as const })),
  };
  const n = await time('approvals inbox: an owner of every application (count)', () => countChangesAwaitingMe(db, owner), 5);
  await time('approvals inbox: security of every tenant (ids)', () => findChangeIdsAwaitingMe(db, security), 5);
  console.log(`  → ${n} changes waiting for the owner (target < 100 ms on PostgreSQL at 100k assets)`);
}
