import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { applicabilityPairs, assets, patches } from '@/db/schema';
import { seedFixture } from '@/lib/testing/fixtures';
import { describeDb } from '@/lib/testing/db-harness';
import { createAsset, type TCreateAsset } from '@/lib/assets/create-asset';
import type { TActor } from '@/lib/auth/permissions';
import { parseInventory } from '@/lib/domain/inventory-formats/detect';
import { replaceSoftware } from '@/lib/inventory/replace-software';
import { describeCorpus, listCorpus, readCorpus } from '@/lib/testing/corpus';
import { assessApplicability } from './assess';
import {
  ALMA_EXPECTED,
  ALMA_NOT_AFFECTED,
  ALMA_PACKAGES,
  DEBIAN10_LIST_INSTALLED,
  DEBIAN10_TRACKER_EXPECTED,
  DEBIAN11_DSA_ROWS,
  DEBIAN12_EXPECTED,
  DEBIAN12_NOT_AFFECTED,
  NPM_EXPECTED,
  NPM_NOT_AFFECTED,
} from './corpus-applicability.expected';
import { importDocuments } from './import-documents';
import { findAssetPatches } from './queries';

/**
 * The real corpus end to end: real listings parsed into assets, real advisories imported through
 * importDocuments, and the applicability compared with tables worked out by hand
 * (corpus-applicability.expected.ts). All advisories go into one database, so each asset's exact
 * result also proves that nothing leaks across ecosystems and distro releases.
 */

const system: TActor = { kind: 'system', label: 'corpus test' };

const ADVISORY_FILES = () => [
  ...listCorpus('osv/almalinux'),
  ...listCorpus('osv/debian'),
  ...listCorpus('osv/npm'),
  ...listCorpus('osv/ghsa'),
  'debian/security-tracker-json.excerpt.json',
  'debian/DSA-list.2022-01_2023-03.txt',
  'debian/DLA-list.2022-01_2023-03.txt',
  'debian/DSA-list.excerpt.txt',
];

const ALMA_RPM_QA = 'inventories/almalinux-9.2-rpm-qa.txt';
const DEBIAN_DPKG = 'inventories/debian-12-dpkg-query-W-source.tsv';
const JUICE_SHOP = 'sbom/cyclonedx/juice-shop-11.1.2.bom.json';

describeCorpus('applicability of the real corpus', () => {
  describeDb('corpus applicability', (get) => {
    const ids: Record<'alma' | 'deb12' | 'deb11' | 'deb10' | 'juice', string> = { alma: '', deb12: '', deb11: '', deb10: '', juice: '' };

    let fx: Awaited<ReturnType<typeof seedFixture>>;

    const register = async (name: string, extra: Pick<TCreateAsset, 'kind' | 'osFamily' | 'osRelease'>) => {
      const row = await createAsset(get().db, await fx.actor('operator@t'), { tenant: 'alpha', name, ring: 'test', zone: 'UTC', ...extra });
      return row.id;
    };
    const load = async (assetId: string, file: string) => {
      const parsed = parseInventory(readCorpus(file), { filename: path.basename(file) });
      if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
      await get().db.transaction(async (tx) => {
        const [a] = await tx.select().from(assets).where(eq(assets.id, assetId));
        await replaceSoftware(tx, a, parsed.items);
      });
      return parsed;
    };
    const statesOf = async (assetId: string) => {
      const rows = await get()
        .db.select({ vendorId: patches.vendorId, state: applicabilityPairs.state })
        .from(applicabilityPairs)
        .innerJoin(patches, eq(patches.id, applicabilityPairs.patchId))
        .where(eq(applicabilityPairs.assetId, assetId));
      const states = Object.fromEntries(rows.map((r) => [r.vendorId, r.state]));
      expect(Object.keys(states).length, 'one row per advisory').toBe(rows.length);
      return states;
    };
    /** The package lines the asset page shows for one advisory, as [name, installed, fixed], sorted. */
    const packagesOf = async (assetId: string, vendorId: string) => {
      const rows = await findAssetPatches(get().db, await fx.actor('security@t'), assetId);
      const row = rows.find((r) => r.vendorId === vendorId);
      return (row?.packages ?? []).map((p) => [p.name, p.installed, p.fixed]).sort((a, b) => String(a).localeCompare(String(b)));
    };
    const expectImported = async (vendorIds: string[]) => {
      const found = await get().db.select({ vendorId: patches.vendorId }).from(patches).where(inArray(patches.vendorId, vendorIds));
      // A "not affected" claim means nothing if the advisory never made it into the database.
      expect(new Set(found.map((f) => f.vendorId))).toEqual(new Set(vendorIds));
    };

    beforeAll(async () => {
      fx = await seedFixture(get().db);
      ids.alma = await register('corpus-alma-92', { kind: 'vm', osFamily: 'almalinux', osRelease: '9.2' });
      ids.deb12 = await register('corpus-deb-12', { kind: 'vm', osFamily: 'debian', osRelease: '12' });
      ids.deb11 = await register('corpus-deb-as-11', { kind: 'vm', osFamily: 'debian', osRelease: '11' });
      ids.deb10 = await register('corpus-deb-as-10', { kind: 'vm', osFamily: 'debian', osRelease: '10' });
      ids.juice = await register('corpus-juice-shop', { kind: 'image', osFamily: 'other', osRelease: '11.1.2' });

      // Inventories before advisories: the import's patch-scoped assessment decides these assets.
      // Whole listings (wc -l, and the SBOM's 840 distinct purls), detected by content.
      const alma = await load(ids.alma, ALMA_RPM_QA);
      expect([alma.format, alma.items.length]).toEqual(['rpm-qa', 1277]);
      const deb = await load(ids.deb12, DEBIAN_DPKG);
      expect([deb.format, deb.items.length]).toEqual(['dpkg-query', 825]);
      await load(ids.deb11, DEBIAN_DPKG);
      const juice = await load(ids.juice, JUICE_SHOP);
      expect([juice.format, juice.items.length]).toEqual(['cyclonedx', 840]);

      const files = ADVISORY_FILES();
      const res = await importDocuments(
        get().db,
        system,
        files.map((f) => ({ name: f, text: readCorpus(f) })),
        { trigger: 'corpus-test' },
      );
      expect(res.results.filter((r) => r.outcome === 'rejected')).toEqual([]);
      expect(res.imported).toBe(files.length);

      // …and one inventory after them: the asset-scoped assessment of a new listing decides this one.
      await load(ids.deb10, DEBIAN_DPKG);
    });

    it('AlmaLinux 9.2 rpm -qa: exactly the hand-worked ALSA results, AlmaLinux 8/10 records never match', async () => {
      expect(await statesOf(ids.alma)).toEqual(ALMA_EXPECTED);
      await expectImported(ALMA_NOT_AFFECTED);
    });

    it('AlmaLinux 9.2: the vulnerable packages of an advisory are its installed binaries below the fix', async () => {
      for (const [vendorId, expected] of Object.entries(ALMA_PACKAGES)) {
        expect(await packagesOf(ids.alma, vendorId), vendorId).toEqual([...expected].sort((a, b) => String(a).localeCompare(String(b))));
      }
    });

    it('Debian 12 dpkg listing: only the bookworm tracker entry for chromium applies, and it is installed', async () => {
      expect(await statesOf(ids.deb12)).toEqual(DEBIAN12_EXPECTED);
      await expectImported(DEBIAN12_NOT_AFFECTED);
    });

    it('control: the same listing as Debian 11 meets every bullseye DSA line at its source package', async () => {
      const expected: Record<string, string> = Object.fromEntries(DEBIAN11_DSA_ROWS.map(([id]) => [id, 'installed']));
      expected['DEBIAN-CVE-2022-0456'] = 'installed'; // chromium 156.0.8078.79-1~deb12u1 ≥ 98.0.4758.80-1~deb11u1
      expect(await statesOf(ids.deb11)).toEqual(expected);
    });

    it('control: the same listing as Debian 10 (loaded after the import) is missing the fix that buster never got', async () => {
      const states = await statesOf(ids.deb10);
      const tracker = Object.fromEntries(Object.entries(states).filter(([id]) => id.startsWith('DEBIAN-')));
      expect(tracker).toEqual(DEBIAN10_TRACKER_EXPECTED);
      const lists = Object.entries(states).filter(([id]) => !id.startsWith('DEBIAN-'));
      expect(Object.fromEntries(lists)).toEqual(Object.fromEntries(DEBIAN10_LIST_INSTALLED.map((id) => [id, 'installed'])));
      // Matched at the source package: both chromium binaries are reported under their source.
      expect(await packagesOf(ids.deb10, 'DEBIAN-CVE-2022-0456')).toEqual([['chromium', '156.0.8078.79-1~deb12u1', null]]);
    });

    it('juice-shop CycloneDX SBOM: exactly the npm advisories with an affected component, with those versions', async () => {
      const states = await statesOf(ids.juice);
      expect(states).toEqual(Object.fromEntries(Object.entries(NPM_EXPECTED).map(([id, e]) => [id, e.state])));
      for (const [vendorId, e] of Object.entries(NPM_EXPECTED)) {
        const shown = new Set((await packagesOf(ids.juice, vendorId)).map(([name, installed]) => `${name}@${installed}`));
        expect([...shown].sort(), vendorId).toEqual(e.vulnerable);
      }
      await expectImported(NPM_NOT_AFFECTED);
    });

    it('juice-shop: each vulnerable version is shown with the fix of its own range (none for last_affected)', async () => {
      expect(await packagesOf(ids.juice, 'GHSA-p8p7-x288-28g6')).toEqual([['request', '2.88.2', null]]);
      // qs has nine ranges; 6.5.2 is fixed by 6.5.3 and 6.7.0 by 6.7.3. The other fixes (6.2.4 … 6.10.3)
      // do not fix these versions and would mislead the reader.
      expect(await packagesOf(ids.juice, 'GHSA-hrpp-h998-j3pp')).toEqual([
        ['qs', '6.5.2', '6.5.3'],
        ['qs', '6.7.0', '6.7.3'],
      ]);
    });

    it('a full recompute over every asset gives the same answer as the incremental assessments', async () => {
      const all = Object.values(ids);
      const before = await Promise.all(all.map(statesOf));
      await get().db.transaction((tx) => assessApplicability(tx, { assetIds: all }));
      expect(await Promise.all(all.map(statesOf))).toEqual(before);
    });
  });
});
