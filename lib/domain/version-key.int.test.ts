import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { rawRows } from '@/db/client';
import { describeDb } from '@/lib/testing/db-harness';
import { hasCorpus } from '@/lib/testing/corpus';
import { VERSION_SCHEMES, type TVersionScheme } from './types';
import { keyToHex, versionKey } from './version-key';
import { checkVersion, compareVersions } from './versions';
import { corpusVersions } from './versions/testing';

/** Used where the corpus is absent; a few of each scheme's tricky cases. */
const FALLBACK: Record<TVersionScheme, string[]> = {
  deb: ['1.0', '1.00', '1.0-0', '1.0~rc1', '1.0a', '1.0+b1', '1.0.1', '1:0.1', '1.0-1~bpo11+1', '1.0-1', '1.0-1+deb12u1', '0', '0~'],
  rpm: ['1.0', '1.01', '1.1', '1.0~rc1', '1.0^git1', '1.0.1', '2:1.0', '1.0-1.el9', '1.0-1.el9_1', '1.0-1.el9.alma', '1.0a', '10'],
  semver: ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-beta.11', '1.0.0-beta.2', '1.0.0', 'v1.0.0+x', '0.0.0-20210520170846-37e1c6afe023', '1.22.0-0'],
  apk: ['1.0', '1.00', '1.0-r0', '1.0_rc1', '1.0_p1', '1.0a', '1.0.1', '8.2.001', '8.2.0', '1.0~abc-r1'],
  pypi: ['1.0.dev0', '1.0a1', '1.0rc1', '1.0', '1.0.0', '1.0.post1', '1.0+abc', '1.0+5', '1!0.1'],
  generic: ['4.0.0.Beta1', '4.0.0.CR1', '4.0.0', '4.0.0.Final', '4.0.0.sp1', '4.0.1', '10.0.20348.2227', '1.1.1k'],
};

/**
 * The point of the keys: PostgreSQL's own bytea ordering (and a btree index on it) must order
 * versions as compareVersions does. Checked on the real corpus, in the database.
 */
describeDb('version keys in PostgreSQL', (get) => {
  const sets = hasCorpus ? corpusVersions() : FALLBACK;
  const rows = VERSION_SCHEMES.flatMap((scheme) =>
    sets[scheme].filter((v) => checkVersion(scheme, v).ok).map((version) => ({ scheme, version, k: keyToHex(versionKey(scheme, version)) })),
  ).map((r, ord) => ({ ...r, ord }));

  beforeAll(async () => {
    const { db } = get();
    await db.execute(sql`create table version_key_probe (ord int primary key, scheme text not null, version text not null, k bytea not null)`);
    await db.execute(sql`create index version_key_probe_k on version_key_probe (scheme, k)`);
    await db.execute(sql`
      insert into version_key_probe (ord, scheme, version, k)
      select ord, scheme, version, decode(k, 'hex') from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(ord int, scheme text, version text, k text)`);
  });

  it.each(VERSION_SCHEMES)('ORDER BY the bytea key sorts %s versions as compareVersions does', async (scheme) => {
    const mine = rows.filter((r) => r.scheme === scheme);
    const expected = [...mine].sort((a, b) => compareVersions(scheme, a.version, b.version) || a.ord - b.ord).map((r) => r.version);
    const got = await rawRows<{ version: string }>(get().db, sql`select version from version_key_probe where scheme = ${scheme} order by k, ord`);
    expect(got.map((r) => r.version)).toEqual(expected);
  });

  it('answers "installed below the fix" with a plain bytea comparison', async () => {
    for (const scheme of VERSION_SCHEMES) {
      const mine = rows.filter((r) => r.scheme === scheme);
      const fixed = mine[Math.floor(mine.length / 2)].version;
      const below = mine.filter((r) => compareVersions(scheme, r.version, fixed) < 0).length;
      const [row] = await rawRows<{ n: number | string }>(
        get().db,
        sql`select count(*) as n from version_key_probe where scheme = ${scheme} and k < decode(${keyToHex(versionKey(scheme, fixed))}, 'hex')`,
      );
      expect(Number(row.n), `${scheme} below ${fixed}`).toBe(below);
    }
  });
});
