import bcrypt from 'bcryptjs';
import { count } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { applications, assets, memberships, rings, tenants, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { normaliseSoftware, softwareHash } from '@/lib/domain/software-list';
import { insertSoftwareRows } from '@/lib/inventory/replace-software';
import { importDocuments } from '@/lib/intake/import-documents';
import { demoAdvisoryFiles } from './data/advisories';
import { generateDemoFleet } from './data/fleet';
import { seedChangeManagementDemo } from './change-management-seed';
import { seedChanges } from './changes-seed';
import { seedScheduling } from './scheduling-seed';
import { DEMO_PASSWORD, DEMO_STAFF, ownerEmail } from './demo-users';

/** Seeds the demo fleet when the database has no tenant yet. Returns whether it seeded. */
export async function seedDemoIfEmpty(db: TDb): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(tenants);
  if (n > 0) return false;
  const started = Date.now();
  await seedDemo(db);
  console.log(`[patchward] demo fleet seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

export async function seedDemo(db: TDb): Promise<void> {
  await seedFleet(db);
  // The demo feed goes through the real intake: transforms, upsert, KEV enrichment, applicability.
  const docs = demoAdvisoryFiles().map((f) => ({ name: f.filename, text: f.text }));
  const summary = await importDocuments(db, { kind: 'system', label: 'seed' }, docs, { trigger: 'seed' });
  if (summary.rejected)
    console.warn(
      '[patchward] demo advisories rejected:',
      summary.results.filter((r) => r.outcome === 'rejected'),
    );
  // Resolver groups, the CAB and contacts first, so the generated changes find their approvers.
  await seedChangeManagementDemo(db);
  await seedChanges(db);
}

async function seedFleet(db: TDb): Promise<void> {
  const fleet = generateDemoFleet();
  const hash = await bcrypt.hash(DEMO_PASSWORD, 10);
  await db.transaction(async (tx) => {
    const tenantRows = await tx
      .insert(tenants)
      .values(fleet.tenants.map((t) => ({ slug: t.slug, name: t.name })))
      .returning();
    const tenantId = new Map(tenantRows.map((t) => [t.slug, t.id]));
    const tid = (slug: string) => tenantId.get(slug) as string;

    const ringRows = await tx
      .insert(rings)
      .values(fleet.rings.map((r) => ({ tenantId: tid(r.tenantSlug), name: r.name, position: r.position })))
      .returning();
    const ringId = new Map(ringRows.map((r) => [`${r.tenantId}/${r.name}`, r.id]));

    const ownerKeys = [...new Set(fleet.applications.map((a) => a.ownerKey))];
    const ownerTenant = new Map(fleet.applications.map((a) => [a.ownerKey, a.tenantSlug]));
    const userRows = await tx
      .insert(users)
      .values([
        // Staff admin and security of every tenant curate the global advisory catalogue.
        ...DEMO_STAFF.map((u) => ({
          email: u.email,
          name: u.name,
          passwordHash: hash,
          platformRole: u.tenants === 'all' && (u.role === 'admin' || u.role === 'security') ? ('catalogue_admin' as const) : null,
        })),
        ...ownerKeys.map((k) => ({ email: ownerEmail(k), name: ownerName(k), passwordHash: hash })),
      ])
      .returning();
    const userId = new Map(userRows.map((u) => [u.email, u.id]));
    await tx.insert(memberships).values([
      ...DEMO_STAFF.flatMap((u) =>
        (u.tenants === 'all' ? fleet.tenants.map((t) => t.slug) : u.tenants).map((slug) => ({
          userId: userId.get(u.email) as string,
          tenantId: tid(slug),
          role: u.role,
        })),
      ),
      ...ownerKeys.map((k) => ({ userId: userId.get(ownerEmail(k)) as string, tenantId: tid(ownerTenant.get(k) as string), role: 'app_owner' as const })),
    ]);

    const appRows = await tx
      .insert(applications)
      .values(
        fleet.applications.map((a) => ({
          tenantId: tid(a.tenantSlug),
          slug: a.slug,
          name: a.name,
          ownerId: userId.get(ownerEmail(a.ownerKey)),
          criticality: a.criticality,
        })),
      )
      .returning();
    const appId = new Map(appRows.map((a) => [`${a.tenantId}/${a.slug}`, a.id]));

    // Images first, then hosts, then VMs, so parent and source references resolve by name.
    const order = { image: 0, host: 1, vm: 2 } as const;
    const sorted = [...fleet.assets].sort((a, b) => order[a.kind] - order[b.kind]);
    const assetId = new Map<string, string>();
    const softwareRows: Parameters<typeof insertSoftwareRows>[1] = [];
    const now = new Date();
    for (const kind of ['image', 'host', 'vm'] as const) {
      const batch = sorted.filter((a) => a.kind === kind);
      for (let i = 0; i < batch.length; i += 500) {
        const slice = batch.slice(i, i + 500);
        const values = slice.map((a) => {
          const t = tid(a.tenantSlug);
          const list = normaliseSoftware(a.software);
          return {
            tenantId: t,
            applicationId: a.appSlug ? appId.get(`${t}/${a.appSlug}`) : null,
            name: a.name,
            kind: a.kind,
            ringId: ringId.get(`${t}/${a.ring}`) as string,
            zone: a.zone,
            criticality: a.criticality,
            lifecycle: a.lifecycle,
            osFamily: a.osFamily,
            osRelease: a.osRelease,
            cluster: a.cluster,
            parentHostId: a.parentHostName ? assetId.get(`${t}/${a.parentHostName}`) : null,
            sourceImageId: a.sourceImageName ? assetId.get(`${t}/${a.sourceImageName}`) : null,
            imageVersion: a.imageVersion,
            tags: a.tags,
            softwareCount: list.length,
            softwareHash: softwareHash(list),
            lastSeenAt: a.lifecycle === 'active' ? now : null,
          };
        });
        const inserted = await tx.insert(assets).values(values).returning({ id: assets.id, tenantId: assets.tenantId, name: assets.name });
        inserted.forEach((row, j) => {
          assetId.set(`${row.tenantId}/${row.name}`, row.id);
          for (const item of normaliseSoftware(slice[j].software)) softwareRows.push({ tenantId: row.tenantId, assetId: row.id, item });
        });
      }
    }
    await insertSoftwareRows(tx, softwareRows);
    await seedScheduling(
      tx,
      tenantRows.map((t) => ({ id: t.id, slug: t.slug })),
    );
    await writeAudit(
      tx,
      { kind: 'system', label: 'seed' },
      {
        tenantId: null,
        action: 'seed.demo',
        targetType: 'system',
        targetId: null,
        after: { tenants: tenantRows.length, assets: fleet.assets.length, softwareRows: softwareRows.length },
      },
    );
  });
}

function ownerName(ownerKey: string): string {
  const [, tenant, n] = ownerKey.split('.');
  return `App owner ${n ?? ''} (${tenant ?? ownerKey})`.replace('  ', ' ');
}
