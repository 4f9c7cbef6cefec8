import type { TAssetKind, TCriticality, TLifecycleState, TOsFamily, TSoftwareItem } from '@/lib/domain/types';
import {
  APP_LAYOUTS,
  RING_NAMES,
  TENANT_LAYOUTS,
  type TAppLayout,
  type TClusterLayout,
  type TImageLayout,
  type TRingName,
  type TTenantLayout,
} from './fleet-layout';
import type { TVersionLadder } from './ladders';
import { createRandom, type TRandom } from './prng';
import { applyLadders, baseSoftware, floorStep, ladderSet, maxStep, type TDemoOs } from './software';

export type TDemoAsset = {
  tenantSlug: string;
  appSlug: string | null;
  name: string;
  kind: TAssetKind;
  ring: string;
  /** IANA zone the asset's maintenance windows are read in. */
  zone: string;
  criticality: TCriticality;
  lifecycle: TLifecycleState;
  osFamily: TOsFamily;
  osRelease: string;
  /** Hypervisor cluster, on hosts only. */
  cluster: string | null;
  /** Name of the VM's hypervisor host in the same tenant. */
  parentHostName: string | null;
  /** Name of the golden image (an asset of the same tenant) a VM was cloned from. */
  sourceImageName: string | null;
  /** On images only. */
  imageVersion: string | null;
  tags: string[];
  software: TSoftwareItem[];
};

export type TDemoFleet = {
  tenants: { slug: string; name: string; zoneHint: string }[];
  applications: { tenantSlug: string; slug: string; name: string; ownerKey: string; criticality: TCriticality }[];
  rings: { tenantSlug: string; name: string; position: number }[];
  assets: TDemoAsset[];
};

const OS_INFO: Record<TDemoOs, { family: TOsFamily; release: string }> = {
  debian12: { family: 'debian', release: '12' },
  alma94: { family: 'almalinux', release: '9.4' },
  alma92: { family: 'almalinux', release: '9.2' },
  ubuntu2204: { family: 'ubuntu', release: '22.04' },
};

/** Share of VMs per ring (the rest is prod). */
const RING_SHARE = { test: 0.1, dev: 0.2 } as const;

/** How many security updates behind a VM is, by ring: test is patched first and most. */
const LAG_BY_RING: Record<TRingName, readonly (readonly [number, number])[]> = {
  test: [
    [0, 75],
    [1, 20],
    [2, 5],
  ],
  dev: [
    [0, 50],
    [1, 30],
    [2, 15],
    [3, 5],
  ],
  prod: [
    [0, 45],
    [1, 33],
    [2, 17],
    [3, 5],
  ],
};

const SUSPENDED_SHARE: Record<TRingName, number> = { test: 0.12, dev: 0.1, prod: 0.03 };

/**
 * A couple of VMs in the lifecycle states the demo needs to show: a freshly cloned VM that is not
 * yet baselined (it still carries its image's software) and retired ones.
 * Keyed `${tenant}/${app code}/${ring}`; the state applies to the last VM of that group.
 */
const LAST_VM_LIFECYCLE: Record<string, TLifecycleState> = {
  'acme/web/prod': 'provisioning',
  'globex/route/prod': 'provisioning',
  'initech/claims/prod': 'decommissioned',
  'acme/api/dev': 'decommissioned',
};

/** The demo estate: 3 tenants, 12 applications, 24 hypervisor hosts, 11 golden images, 340 VMs. Pure and deterministic. */
export function generateDemoFleet(seed = 42): TDemoFleet {
  const rng = createRandom(seed);
  const tenants = TENANT_LAYOUTS.map((t) => ({ slug: t.slug, name: t.name, zoneHint: t.zoneHint }));
  const applications = APP_LAYOUTS.flatMap((a) =>
    a.slug === null ? [] : [{ tenantSlug: a.tenantSlug, slug: a.slug, name: a.name, ownerKey: a.ownerKey, criticality: a.criticality }],
  );
  const rings = tenants.flatMap((t) => RING_NAMES.map((name, position) => ({ tenantSlug: t.slug, name, position })));

  const assets: TDemoAsset[] = [];
  for (const tenant of TENANT_LAYOUTS) {
    const images = tenant.images.map((image) => imageAsset(tenant, image));
    const hosts = tenant.clusters.flatMap((cluster) => hostAssets(rng, tenant, cluster));
    const placement = new Placement(tenant, hosts);
    const vms = APP_LAYOUTS.filter((a) => a.tenantSlug === tenant.slug).flatMap((app) => appVms(rng, tenant, app, images, placement));
    assets.push(...images, ...hosts, ...vms);
  }
  return { tenants, applications, rings, assets };
}

function imageName(image: TImageLayout): string {
  return `${image.family}-${image.version}`;
}

function imageAsset(tenant: TTenantLayout, image: TImageLayout): TDemoAsset {
  const os = OS_INFO[image.os];
  const stepFor = (ladder: TVersionLadder) => (image.os === 'alma92' ? floorStep(ladder) : image.isStale ? Math.min(1, maxStep(image.os, ladder)) : 0);
  return {
    tenantSlug: tenant.slug,
    appSlug: null,
    name: imageName(image),
    kind: 'image',
    ring: 'prod',
    zone: tenant.zoneHint,
    criticality: 'tier1',
    lifecycle: 'active',
    osFamily: os.family,
    osRelease: os.release,
    cluster: null,
    parentHostName: null,
    sourceImageName: null,
    imageVersion: image.version,
    tags: ['golden-image'],
    software: applyLadders(baseSoftware(image.os, { kind: 'image', role: null }), ladderSet(image.os), stepFor),
  };
}

function hostAssets(rng: TRandom, tenant: TTenantLayout, cluster: TClusterLayout): TDemoAsset[] {
  const os = OS_INFO[cluster.os];
  return Array.from({ length: cluster.hosts }, (_, i) => {
    const lag = rng.chance(0.3) ? 1 : 0;
    return {
      tenantSlug: tenant.slug,
      appSlug: null,
      name: `${tenant.slug}-hv-${cluster.short}-${String(i + 1).padStart(2, '0')}`,
      kind: 'host' as const,
      ring: 'prod',
      zone: cluster.zone,
      criticality: 'tier1' as const,
      lifecycle: 'active' as const,
      osFamily: os.family,
      osRelease: os.release,
      cluster: cluster.name,
      parentHostName: null,
      sourceImageName: null,
      imageVersion: null,
      tags: ['hypervisor', 'kvm'],
      software: driftedSoftware(rng, cluster.os, lag, baseSoftware(cluster.os, { kind: 'host', role: null })),
    };
  });
}

/** Spreads VMs over the hosts of the cluster that serves their zone, round-robin. */
class Placement {
  private readonly hostsByCluster = new Map<string, string[]>();
  private readonly cursor = new Map<string, number>();

  constructor(
    private readonly tenant: TTenantLayout,
    hosts: readonly TDemoAsset[],
  ) {
    for (const h of hosts) {
      const list = this.hostsByCluster.get(h.cluster ?? '') ?? [];
      list.push(h.name);
      this.hostsByCluster.set(h.cluster ?? '', list);
    }
  }

  hostFor(zone: string): string {
    const cluster = this.tenant.clusterOfZone[zone];
    const hosts = cluster ? this.hostsByCluster.get(cluster) : undefined;
    if (!hosts?.length) throw new Error(`${this.tenant.slug}: no cluster serves ${zone}`);
    const n = this.cursor.get(cluster) ?? 0;
    this.cursor.set(cluster, n + 1);
    return hosts[n % hosts.length];
  }
}

function appVms(rng: TRandom, tenant: TTenantLayout, app: TAppLayout, images: readonly TDemoAsset[], placement: Placement): TDemoAsset[] {
  const test = Math.max(1, Math.round(app.vms * RING_SHARE.test));
  const dev = Math.max(1, Math.round(app.vms * RING_SHARE.dev));
  const counts: Record<TRingName, number> = { test, dev, prod: app.vms - test - dev };
  const vms: TDemoAsset[] = [];
  for (const ring of RING_NAMES) {
    for (let i = 0; i < counts[ring]; i++) {
      const isLast = i === counts[ring] - 1;
      const special = isLast ? LAST_VM_LIFECYCLE[`${tenant.slug}/${app.code}/${ring}`] : undefined;
      vms.push(oneVm(rng, tenant, app, ring, i, special, images, placement));
    }
  }
  return vms;
}

function oneVm(
  rng: TRandom,
  tenant: TTenantLayout,
  app: TAppLayout,
  ring: TRingName,
  index: number,
  special: TLifecycleState | undefined,
  images: readonly TDemoAsset[],
  placement: Placement,
): TDemoAsset {
  const os = rng.weighted(app.os);
  // Every zone of the application gets a prod VM; then the first (home) zone weighs most.
  const zone =
    ring !== 'prod' ? app.zones[0] : index < app.zones.length ? app.zones[index] : rng.weighted(app.zones.map((z, k) => [z, k === 0 ? 3 : 2] as const));
  const lifecycle: TLifecycleState = special ?? (rng.chance(SUSPENDED_SHARE[ring]) ? 'suspended' : 'active');

  const osImages = images.filter((img) => img.osFamily === OS_INFO[os].family && img.osRelease === OS_INFO[os].release);
  const stale = osImages.filter((img) => isStaleImage(tenant, img.name));
  const current = osImages.filter((img) => !stale.includes(img));
  const image =
    lifecycle === 'provisioning' ? (stale[0] ?? current[0]) : stale.length > 0 && rng.chance(0.35) ? stale[0] : (current[current.length - 1] ?? stale[0]);

  let lag = rng.weighted(LAG_BY_RING[ring]);
  if (lifecycle === 'suspended') lag = Math.max(lag, 2);
  const software =
    lifecycle === 'provisioning' && image
      ? [...image.software] // cloned, not yet baselined: exactly what the image carried
      : driftedSoftware(rng, os, lag, baseSoftware(os, { kind: 'vm', role: app.role }));

  return {
    tenantSlug: tenant.slug,
    appSlug: app.slug,
    name: `${tenant.slug}-${app.code}-${ring}-${String(index + 1).padStart(3, '0')}`,
    kind: 'vm',
    ring,
    zone,
    criticality: ring === 'prod' ? app.criticality : ring === 'dev' ? 'tier2' : 'tier3',
    lifecycle,
    osFamily: OS_INFO[os].family,
    osRelease: OS_INFO[os].release,
    cluster: null,
    parentHostName: placement.hostFor(zone),
    sourceImageName: image?.name ?? null,
    imageVersion: null,
    tags: [...app.tags, `role:${app.role}`],
    software,
  };
}

function isStaleImage(tenant: TTenantLayout, name: string): boolean {
  return tenant.images.some((img) => img.isStale && imageName(img) === name);
}

/**
 * A machine `lag` updates behind: on each ladder it is usually exactly that far back, sometimes
 * less (a package updated by hand). AlmaLinux 9.2 machines sit on the 9.2 level of every ladder.
 */
function driftedSoftware(rng: TRandom, os: TDemoOs, lag: number, base: TSoftwareItem[]): TSoftwareItem[] {
  return applyLadders(base, ladderSet(os), (ladder) => {
    if (os === 'alma92') return floorStep(ladder);
    const cap = Math.min(lag, maxStep(os, ladder));
    if (cap === 0) return 0;
    const roll = rng.next();
    return roll < 0.65 ? cap : roll < 0.85 ? rng.int(1, cap) : 0;
  });
}
