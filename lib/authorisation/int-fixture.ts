import { count, eq } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { assets, auditLog, patchDecisions, patches } from '@/db/schema';
import { seedFixture } from '@/lib/testing/fixtures';
import { createAsset } from '@/lib/assets/create-asset';
import type { TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { importDocuments } from '@/lib/intake/import-documents';
import { replaceSoftware } from '@/lib/inventory/replace-software';
import { loadPatchState } from './patch-state';

/** Test-only helpers for the authorisation integration tests (imported by *.int.test.ts only). */

export const systemActor: TActor = { kind: 'system', label: 'test' };

/** A hand-written OSV record (our own test data) fixing `pkg` in Debian 12 at `fixed`. */
export function osvDoc(id: string, pkg: string, fixed: string, severity = 'HIGH', modified = '2026-01-01T00:00:00Z') {
  return JSON.stringify({
    schema_version: '1.6.0',
    id,
    modified,
    published: '2026-01-01T00:00:00Z',
    aliases: [`CVE-2026-${id.replace(/\D/g, '').padStart(4, '0')}`],
    summary: `${pkg} security update`,
    affected: [{ package: { ecosystem: 'Debian:12', name: pkg }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }] }],
    database_specific: { severity },
  });
}

/** Packages every test asset runs: each test patch fixes one of them at a higher version. */
export const TEST_PACKAGES = ['pkg-a', 'pkg-b', 'pkg-c', 'pkg-d', 'pkg-e', 'pkg-f', 'pkg-g', 'pkg-h', 'pkg-i', 'pkg-j', 'pkg-k', 'pkg-l', 'pkg-m', 'pkg-n'];

/**
 * The shared fixture plus two test-ring assets in alpha (one tagged `staging-eu`) and one in beta,
 * all running version 1.0-1 of every test package, so any patch from `importPatch` is missing there.
 */
export async function seedAuthorisation(db: TDb) {
  const fx = await seedFixture(db, { singleTenantSecurity: true });
  const ops = await fx.actor('operator@t');
  const mk = (tenant: string, name: string, tags: string[] = []) =>
    createAsset(db, ops, { tenant, name, kind: 'vm', ring: 'test', zone: 'UTC', osFamily: 'debian', osRelease: '12', tags });
  const testAssets = {
    alpha1: await mk('alpha', 'alpha-test-01'),
    alpha2: await mk('alpha', 'alpha-test-02', ['staging-eu']),
    beta1: await mk('beta', 'beta-test-01'),
  };
  const items = TEST_PACKAGES.map((name) => ({ ecosystem: 'deb' as const, name, version: '1.0-1', arch: 'amd64', sourceName: name, sourceVersion: '1.0-1' }));
  for (const a of [...Object.values(testAssets), fx.assets.shopWeb, fx.assets.ledgerApp]) {
    await db.transaction(async (tx) => {
      const [row] = await tx.select().from(assets).where(eq(assets.id, a.id));
      await replaceSoftware(tx, row, items);
    });
  }
  const importPatch = async (vendorId: string, pkg: string, opts: { severity?: string; fixed?: string; modified?: string } = {}) => {
    await importDocuments(
      db,
      systemActor,
      [{ name: `${vendorId}.json`, text: osvDoc(vendorId, pkg, opts.fixed ?? '2.0-1', opts.severity ?? 'HIGH', opts.modified) }],
      { trigger: 'test' },
    );
    const [p] = await db.select().from(patches).where(eq(patches.vendorId, vendorId));
    return p;
  };
  /** What a page shows at load: the concurrency token of the patch in one tenant (alpha unless named). */
  const seen = async (patchId: string, tenantId: string = fx.alpha.id, now = new Date()) => {
    const s = await loadPatchState(db, patchId, tenantId, now);
    return { expectedVersion: s.version, expectedContentHash: s.patch.contentHash };
  };
  /** The same for a request: every listed tenant's version. */
  const seenAll = async (patchId: string, tenantIds: string[], now = new Date()) => {
    const states = await Promise.all(tenantIds.map((t) => loadPatchState(db, patchId, t, now)));
    return { expectedVersions: Object.fromEntries(states.map((s) => [s.tenantId, s.version])), expectedContentHash: states[0].patch.contentHash };
  };
  return { ...fx, testAssets, importPatch, seen, seenAll };
}

export const auditCount = async (db: TDb) => (await db.select({ n: count() }).from(auditLog))[0].n;
export const decisionCount = async (db: TDb) => (await db.select({ n: count() }).from(patchDecisions))[0].n;

/** The AppError code and message a promise fails with ('ok' when it succeeds). */
export const failure = (p: Promise<unknown>) =>
  p.then(
    () => ({ code: 'ok', message: '', fields: [] as (string | undefined)[] }),
    (e) =>
      e instanceof AppError
        ? { code: e.code as string, message: e.message, fields: e.issues.map((i) => i.field) }
        : { code: `unexpected: ${e}`, message: '', fields: [] },
  );
