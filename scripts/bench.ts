// npm run bench [-- --assets 100000] [--only inventory|planner|applicability|changes] [--density fleet|dense] — speed figures on one database (PGlite in memory by default,
// PostgreSQL when BENCH_DATABASE_URL is set; a fresh database is created there and dropped after).
// Sections: inventory list queries at N assets; applicability (full, incremental, scan floor).
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDb, type TDbHandle } from '../db/client';
import { findAssets, ZAssetListQuery } from '../lib/assets/queries';
import { benchActor, benchApplicability } from './bench-applicability';
import { benchChanges } from './bench-changes';
import { benchPlanner } from './bench-planner';

const { values } = parseArgs({
  options: { assets: { type: 'string', default: '10000' }, only: { type: 'string' }, density: { type: 'string', default: 'fleet' } },
});
const N = Number(values.assets);
const DENSITY = values.density === 'dense' ? 'dense' : 'fleet';

async function openBenchDb(): Promise<TDbHandle> {
  const base = process.env.BENCH_DATABASE_URL;
  if (!base) return openDb({ pgliteDir: 'memory://' });
  const name = `pw_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const h = openDb({ databaseUrl: url.toString(), poolSize: 4 });
  const close = h.close;
  h.close = async () => {
    await close();
    if (process.env.BENCH_KEEP) {
      console.log(`\nkept database ${name} (BENCH_KEEP)`);
      return admin.end();
    }
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  return h;
}

async function time<T>(label: string, fn: () => Promise<T>, runs = 5): Promise<T> {
  let result!: T;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  console.log(`  ${label.padEnd(58)} median ${samples[Math.floor(runs / 2)].toFixed(1).padStart(8)} ms   max ${samples[runs - 1].toFixed(1).padStart(8)} ms`);
  return result;
}

const ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Asia/Kathmandu',
  'Australia/Sydney',
  'Pacific/Chatham',
];

/** Three tenants with rings and 12 applications, then N assets generated server-side (generate_series). */
export async function generateInventory(h: TDbHandle, n: number) {
  const db = h.db;
  await db.execute(sql`insert into tenants (slug, name) values ('t1','Tenant One'),('t2','Tenant Two'),('t3','Tenant Three')`);
  await db.execute(
    sql`insert into rings (tenant_id, name, position) select t.id, r.name, r.pos from tenants t cross join (values ('test',0),('dev',1),('prod',2)) r(name,pos)`,
  );
  await db.execute(
    sql`insert into applications (tenant_id, slug, name) select t.id, 'app' || g, 'Application ' || g from tenants t cross join generate_series(1,4) g`,
  );
  const zones = `{${ZONES.join(',')}}`;
  await db.execute(sql`
    with t as (select id, row_number() over (order by slug) - 1 as k from tenants)
    insert into assets (tenant_id, application_id, name, kind, ring_id, zone, os_family, os_release, lifecycle, software_count, last_seen_at, tags)
    select t.id,
           (select a.id from applications a where a.tenant_id = t.id order by a.slug offset (g % 4) limit 1),
           'bench-' || lpad(g::text, 7, '0'),
           (case when g % 50 = 0 then 'host' when g % 97 = 0 then 'image' else 'vm' end)::asset_kind,
           (select r.id from rings r where r.tenant_id = t.id and r.position = (case when g % 10 = 0 then 0 when g % 10 < 3 then 1 else 2 end)),
           (${zones}::text[])[1 + g % ${ZONES.length}],
           (case when g % 3 = 0 then 'almalinux' else 'debian' end)::os_family,
           case when g % 3 = 0 then '9.4' else '12' end,
           (case when g % 41 = 0 then 'suspended' else 'active' end)::lifecycle_state,
           250 + g % 100,
           now() - (g % 240) * interval '1 hour',
           array['bench']
    from generate_series(1, ${n}) g join t on t.k = g % 3`);
  await db.execute(sql`analyze`);
}

async function inventorySection(h: TDbHandle) {
  const t0 = performance.now();
  await generateInventory(h, N);
  console.log(`  generated ${N.toLocaleString('en-US')} assets in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const actor = await benchActor(h);
  const tenantList = actor.kind === 'user' ? actor.memberships : [];
  const q = (p: Record<string, string>) => ZAssetListQuery.parse(p);
  await time('list page 1, sort by name', () => findAssets(h.db, actor, q({})));
  await time('list page 200, sort by name', () => findAssets(h.db, actor, q({ page: '200' })));
  await time('list sorted by last seen desc', () => findAssets(h.db, actor, q({ sort: 'last_seen:desc' })));
  await time('filter ring=prod + zone + kind=vm', () => findAssets(h.db, actor, q({ ring: 'prod', zone: 'Asia/Kathmandu', kind: 'vm' })));
  await time('free text "bench-00123"', () => findAssets(h.db, actor, q({ q: 'bench-00123' })));
  await time('one tenant, sort by OS desc', () => findAssets(h.db, actor, q({ tenant: tenantList[0].tenantId, sort: 'os:desc' })));
}

async function main() {
  const h = await openBenchDb();
  try {
    await h.migrate();
    console.log(`Patchward bench on ${h.kind}${h.kind === 'postgres' ? '' : ' (in memory)'} · ${N.toLocaleString('en-US')} assets`);
    console.log('\n[inventory list]');
    await inventorySection(h);
    if (!values.only || values.only === 'planner') {
      console.log('\n[planner: one change over 100,000 assets in 40 zones]');
      await benchPlanner();
    }
    if (!values.only || values.only === 'applicability') {
      console.log('\n[applicability]');
      await benchApplicability(h, N, DENSITY, time);
    }
    if (!values.only || values.only === 'changes') {
      console.log('\n[change management]');
      await benchChanges(h, time);
    }
  } finally {
    await h.close();
  }
}
main().catch((err) => {
  console.error(err);
  process.exit(1);
});
