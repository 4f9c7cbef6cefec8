import { describe, expect, it } from 'vitest';
import { isValidVersion } from '@/lib/domain/versions';
import { ASSET_KINDS, CRITICALITY_TIERS, ECOSYSTEM_SCHEME, LIFECYCLE_STATES, OS_FAMILIES } from '@/lib/domain/types';
import { generateDemoFleet, type TDemoAsset } from './fleet';

const fleet = generateDemoFleet();
const vms = fleet.assets.filter((a) => a.kind === 'vm');
const hosts = fleet.assets.filter((a) => a.kind === 'host');
const images = fleet.assets.filter((a) => a.kind === 'image');
const byTenant = (tenant: string) => fleet.assets.filter((a) => a.tenantSlug === tenant);
const version = (a: TDemoAsset, name: string) => a.software.find((i) => i.name === name)?.version;

/** IANA zone check the way the runtime sees it: Intl refuses names it does not know. */
function isValidZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return /\//.test(timeZone);
  } catch {
    return false;
  }
}

describe('generateDemoFleet', () => {
  it('is deterministic: two calls are deep-equal, another seed differs', () => {
    expect(generateDemoFleet()).toEqual(fleet);
    expect(generateDemoFleet(42)).toEqual(fleet);
    expect(generateDemoFleet(7)).not.toEqual(fleet);
  });

  it('has 3 tenants, about 12 applications and test/dev/prod rings per tenant', () => {
    expect(fleet.tenants.map((t) => t.slug)).toEqual(['acme', 'globex', 'initech']);
    expect(fleet.tenants.every((t) => isValidZone(t.zoneHint))).toBe(true);
    expect(fleet.applications.length).toBeGreaterThanOrEqual(10);
    expect(fleet.applications.length).toBeLessThanOrEqual(14);
    for (const t of fleet.tenants) {
      expect(fleet.rings.filter((r) => r.tenantSlug === t.slug).map((r) => [r.name, r.position])).toEqual([
        ['test', 0],
        ['dev', 1],
        ['prod', 2],
      ]);
    }
    const appKeys = fleet.applications.map((a) => `${a.tenantSlug}/${a.slug}`);
    expect(new Set(appKeys).size).toBe(appKeys.length);
    expect(fleet.applications.every((a) => /^owner\.[a-z]+\.\d+$/.test(a.ownerKey) && a.ownerKey.split('.')[1] === a.tenantSlug)).toBe(true);
  });

  it('has a few hundred VMs, hypervisor hosts in clusters and golden images', () => {
    expect(vms.length).toBeGreaterThanOrEqual(300);
    expect(vms.length).toBeLessThanOrEqual(400);
    expect(hosts.length).toBe(24);
    expect(new Set(hosts.map((h) => h.cluster)).size).toBe(6);
    expect(hosts.every((h) => h.cluster !== null && h.parentHostName === null && h.appSlug === null)).toBe(true);
    expect(vms.every((v) => v.cluster === null)).toBe(true);
    expect(images.length).toBeGreaterThanOrEqual(6);
    expect(images.every((i) => i.imageVersion && /^v\d{4}\.\d{2}$/.test(i.imageVersion) && i.parentHostName === null)).toBe(true);
    expect(images.filter((i) => i.name.startsWith('debian-12-base-')).map((i) => i.imageVersion)).toEqual(expect.arrayContaining(['v2026.09', 'v2026.11']));
    expect(fleet.assets.filter((a) => a.kind !== 'image').every((a) => a.imageVersion === null)).toBe(true);
  });

  it('spreads assets over at least 8 valid IANA zones', () => {
    const zones = new Set(fleet.assets.map((a) => a.zone));
    expect(zones.size).toBeGreaterThanOrEqual(8);
    for (const z of zones) expect(isValidZone(z), z).toBe(true);
    expect(zones.has('Asia/Kathmandu')).toBe(true);
  });

  it('uses only the shared vocabulary', () => {
    for (const a of fleet.assets) {
      expect(ASSET_KINDS).toContain(a.kind);
      expect(LIFECYCLE_STATES).toContain(a.lifecycle);
      expect(CRITICALITY_TIERS).toContain(a.criticality);
      expect(OS_FAMILIES).toContain(a.osFamily);
      expect(fleet.rings.some((r) => r.tenantSlug === a.tenantSlug && r.name === a.ring)).toBe(true);
      if (a.appSlug) expect(fleet.applications.some((p) => p.tenantSlug === a.tenantSlug && p.slug === a.appSlug)).toBe(true);
    }
  });

  it('names assets uniquely within each tenant, VMs like acme-web-prod-017', () => {
    for (const t of fleet.tenants) {
      const names = byTenant(t.slug).map((a) => a.name);
      expect(new Set(names).size).toBe(names.length);
    }
    expect(vms.every((v) => new RegExp(`^${v.tenantSlug}-[a-z]+-${v.ring}-\\d{3}$`).test(v.name))).toBe(true);
    expect(vms.some((v) => v.name === 'acme-web-prod-017')).toBe(true);
  });

  it('gives every VM a parent host and a source image of its own tenant and OS', () => {
    for (const vm of vms) {
      const parent = byTenant(vm.tenantSlug).find((a) => a.name === vm.parentHostName);
      expect(parent?.kind, vm.name).toBe('host');
      const image = byTenant(vm.tenantSlug).find((a) => a.name === vm.sourceImageName);
      expect(image?.kind, vm.name).toBe('image');
      expect([image?.osFamily, image?.osRelease]).toEqual([vm.osFamily, vm.osRelease]);
    }
    // Every host carries VMs, so maintenance mode has something to migrate.
    for (const h of hosts)
      expect(
        vms.some((v) => v.tenantSlug === h.tenantSlug && v.parentHostName === h.name),
        h.name,
      ).toBe(true);
  });

  it('splits VMs roughly 10/20/70 over test/dev/prod and covers every lifecycle state', () => {
    const share = (ring: string) => vms.filter((v) => v.ring === ring).length / vms.length;
    expect(share('test')).toBeGreaterThan(0.07);
    expect(share('test')).toBeLessThan(0.14);
    expect(share('dev')).toBeGreaterThan(0.16);
    expect(share('dev')).toBeLessThan(0.24);
    expect(share('prod')).toBeGreaterThan(0.64);
    const count = (state: string) => vms.filter((v) => v.lifecycle === state).length;
    expect(count('active') / vms.length).toBeGreaterThan(0.85);
    expect(count('suspended')).toBeGreaterThan(0);
    expect(count('provisioning')).toBe(2);
    expect(count('decommissioned')).toBe(2);
  });

  it('runs Debian 12, AlmaLinux 9.4 and 9.2, and a few Ubuntu 22.04', () => {
    const releases = new Set(vms.map((v) => `${v.osFamily} ${v.osRelease}`));
    expect([...releases].sort()).toEqual(['almalinux 9.2', 'almalinux 9.4', 'debian 12', 'ubuntu 22.04']);
    expect(vms.filter((v) => v.osFamily === 'ubuntu').length).toBeLessThan(20);
  });

  it('stores valid versions of the ecosystem that matches the OS', () => {
    const seen = new Set<string>();
    for (const a of fleet.assets) {
      expect(a.software.length, a.name).toBeGreaterThan(100);
      const ecosystem = a.osFamily === 'almalinux' ? 'rpm' : 'deb';
      const names = new Set<string>();
      for (const item of a.software) {
        expect(item.ecosystem).toBe(ecosystem);
        names.add(`${item.name}/${item.arch}`);
        for (const v of [item.version, item.sourceVersion ?? '']) {
          const key = `${ecosystem} ${v}`;
          if (seen.has(key)) continue;
          expect(v).toMatch(/^\S+$/);
          expect(isValidVersion(ECOSYSTEM_SCHEME[ecosystem], v), key).toBe(true);
          seen.add(key);
        }
      }
      expect(names.size, a.name).toBe(a.software.length);
    }
  });

  it('installs optional packages only where the application needs them', () => {
    const has = (a: TDemoAsset, name: string) => a.software.some((i) => i.name === name);
    const webDebian = vms.filter((v) => v.osFamily === 'debian' && v.tags.includes('role:web') && v.lifecycle !== 'provisioning');
    expect(webDebian.length).toBeGreaterThan(0);
    expect(webDebian.every((v) => has(v, 'nginx'))).toBe(true);
    expect(vms.filter((v) => has(v, 'nginx')).every((v) => v.tags.includes('role:web'))).toBe(true);
    expect(vms.filter((v) => has(v, 'postgresql-15')).every((v) => v.tags.includes('role:db'))).toBe(true);
    expect(vms.some((v) => has(v, 'postgresql-15'))).toBe(true);
    expect(hosts.every((h) => has(h, 'qemu-system-x86') || has(h, 'qemu-kvm'))).toBe(true);
    expect(vms.some((v) => has(v, 'qemu-system-x86') || has(v, 'qemu-kvm'))).toBe(false);
  });

  it('has machines behind on security updates next to patched ones', () => {
    const debian = vms.filter((v) => v.osFamily === 'debian');
    const openssl = new Set(debian.map((v) => version(v, 'libssl3')));
    expect(openssl.has('3.0.17-1~deb12u3')).toBe(true);
    expect(openssl.has('3.0.15-1~deb12u1')).toBe(true);
    expect(openssl.has('3.0.11-1~deb12u2')).toBe(true);
    // A laddered source moves all its binaries together.
    for (const v of debian) expect(version(v, 'openssl'), v.name).toBe(version(v, 'libssl3'));
    // 9.2 machines sit on the 9.2 kernel and glibc; 9.4 machines never do.
    for (const v of vms.filter((x) => x.osFamily === 'almalinux')) {
      expect(version(v, 'kernel')?.includes('.el9_2'), v.name).toBe(v.osRelease === '9.2');
      expect(version(v, 'almalinux-release'), v.name).toBe(`${v.osRelease}-1.el9`);
    }
  });

  it('clones provisioning VMs from an image without changing its software (not yet baselined)', () => {
    for (const vm of vms.filter((v) => v.lifecycle === 'provisioning')) {
      const image = byTenant(vm.tenantSlug).find((a) => a.name === vm.sourceImageName);
      expect(vm.software).toEqual(image?.software);
    }
  });
});
