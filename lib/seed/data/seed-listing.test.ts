import { describe, expect, it } from 'vitest';
import { isValidVersion } from '@/lib/domain/versions';
import { ladderSet, baseSoftware, type TDemoOs } from './software';
import { ALMA9_CORE } from './packages-alma9';
import { ALMA9_BATCH, ALMA9_CACHE, ALMA9_DB, ALMA9_HOST, ALMA9_JAVA, ALMA9_STANDARD, ALMA9_WEB } from './packages-alma9-extra';
import { DEBIAN12_CORE } from './packages-debian12';
import { DEBIAN12_BATCH, DEBIAN12_CACHE, DEBIAN12_DB, DEBIAN12_HOST, DEBIAN12_JAVA, DEBIAN12_STANDARD, DEBIAN12_WEB } from './packages-debian12-extra';
import { UBUNTU2204_BASE, UBUNTU2204_BATCH } from './packages-ubuntu2204';
import { parseSeedListing, type TSeedEcosystem } from './seed-listing';

const LISTINGS: Record<string, [string, TSeedEcosystem]> = {
  DEBIAN12_CORE: [DEBIAN12_CORE, 'deb'],
  DEBIAN12_STANDARD: [DEBIAN12_STANDARD, 'deb'],
  DEBIAN12_WEB: [DEBIAN12_WEB, 'deb'],
  DEBIAN12_DB: [DEBIAN12_DB, 'deb'],
  DEBIAN12_JAVA: [DEBIAN12_JAVA, 'deb'],
  DEBIAN12_CACHE: [DEBIAN12_CACHE, 'deb'],
  DEBIAN12_BATCH: [DEBIAN12_BATCH, 'deb'],
  DEBIAN12_HOST: [DEBIAN12_HOST, 'deb'],
  ALMA9_CORE: [ALMA9_CORE, 'rpm'],
  ALMA9_STANDARD: [ALMA9_STANDARD, 'rpm'],
  ALMA9_WEB: [ALMA9_WEB, 'rpm'],
  ALMA9_DB: [ALMA9_DB, 'rpm'],
  ALMA9_JAVA: [ALMA9_JAVA, 'rpm'],
  ALMA9_CACHE: [ALMA9_CACHE, 'rpm'],
  ALMA9_BATCH: [ALMA9_BATCH, 'rpm'],
  ALMA9_HOST: [ALMA9_HOST, 'rpm'],
  UBUNTU2204_BASE: [UBUNTU2204_BASE, 'deb'],
  UBUNTU2204_BATCH: [UBUNTU2204_BATCH, 'deb'],
};

describe('parseSeedListing', () => {
  it('reads dpkg-query rows with binNMU, epoch and source mapping', () => {
    const items = parseSeedListing('bash\t5.2.15-2+b2\tamd64\tbash\t5.2.15-2\nbsdutils\t1:2.38.1-5+deb12u3\tamd64\tutil-linux\t2.38.1-5+deb12u3\n', 'deb');
    expect(items).toEqual([
      { ecosystem: 'deb', name: 'bash', version: '5.2.15-2+b2', arch: 'amd64', sourceName: 'bash', sourceVersion: '5.2.15-2' },
      { ecosystem: 'deb', name: 'bsdutils', version: '1:2.38.1-5+deb12u3', arch: 'amd64', sourceName: 'util-linux', sourceVersion: '2.38.1-5+deb12u3' },
    ]);
  });

  it('reads rpm query-format rows: (none) epoch, epochs and the source rpm; skips gpg-pubkey', () => {
    const text = [
      'openssl-libs\t1:3.0.7-28.el9_4\tx86_64\topenssl-3.0.7-28.el9_4.src.rpm',
      'bash\t(none):5.1.8-9.el9\tx86_64\tbash-5.1.8-9.el9.src.rpm',
      'gpg-pubkey\t(none):b86b3716-61e69f29\t(none)\t(none)',
    ].join('\n');
    expect(parseSeedListing(text, 'rpm')).toEqual([
      { ecosystem: 'rpm', name: 'bash', version: '5.1.8-9.el9', arch: 'x86_64', sourceName: 'bash', sourceVersion: '5.1.8-9.el9' },
      { ecosystem: 'rpm', name: 'openssl-libs', version: '1:3.0.7-28.el9_4', arch: 'x86_64', sourceName: 'openssl', sourceVersion: '1:3.0.7-28.el9_4' },
    ]);
  });

  it('throws on a malformed row instead of seeding a half list', () => {
    expect(() => parseSeedListing('bash 5.2.15-2 amd64\n', 'rpm')).toThrow(/invalid/);
    expect(() => parseSeedListing('bash\t5.2.15-2\tamd64\tbash\n' + 'bash\t5.2.15-2\tamd64\tbash\n', 'deb')).toThrow(/not clean/);
  });
});

describe('seed package listings', () => {
  it.each(Object.entries(LISTINGS))('%s parses cleanly into valid, whitespace-free versions', (_name, [text, ecosystem]) => {
    const items = parseSeedListing(text, ecosystem);
    expect(items.length).toBeGreaterThan(0);
    const names = items.map((i) => `${i.name}/${i.arch}`);
    expect(new Set(names).size).toBe(names.length);
    for (const item of items) {
      expect(item.version).toMatch(/^\S+$/);
      expect(isValidVersion(ecosystem, item.version), `${item.name} ${item.version}`).toBe(true);
      expect(item.sourceName).toBeTruthy();
      expect(isValidVersion(ecosystem, item.sourceVersion ?? ''), `${item.name} source ${item.sourceVersion}`).toBe(true);
    }
  });

  it('Debian 12 and AlmaLinux 9 VM bases have roughly 250-300 packages', () => {
    expect(baseSoftware('debian12', { kind: 'vm', role: null }).length).toBeGreaterThanOrEqual(250);
    expect(baseSoftware('debian12', { kind: 'vm', role: null }).length).toBeLessThanOrEqual(320);
    expect(baseSoftware('alma94', { kind: 'vm', role: null }).length).toBeGreaterThanOrEqual(250);
    expect(baseSoftware('alma94', { kind: 'vm', role: null }).length).toBeLessThanOrEqual(340);
  });

  it('carries the packages the demo advisories target', () => {
    const deb = new Set(baseSoftware('debian12', { kind: 'vm', role: 'web' }).map((i) => i.sourceName));
    const debDb = new Set(baseSoftware('debian12', { kind: 'vm', role: 'db' }).map((i) => i.sourceName));
    const rpm = new Set(baseSoftware('alma94', { kind: 'vm', role: 'web' }).map((i) => i.sourceName));
    for (const src of [
      'openssl',
      'openssh',
      'bash',
      'curl',
      'glibc',
      'sudo',
      'systemd',
      'nginx',
      'python3.11',
      'zlib',
      'libxml2',
      'git',
      'vim',
      'tar',
      'expat',
      'krb5',
      'gnutls28',
      'xz-utils',
    ]) {
      expect(deb.has(src), src).toBe(true);
    }
    expect(debDb.has('postgresql-15')).toBe(true);
    expect(deb.has('linux-signed-amd64')).toBe(true);
    for (const src of [
      'openssl',
      'openssh',
      'bash',
      'curl',
      'glibc',
      'sudo',
      'systemd',
      'kernel',
      'nginx',
      'python3.9',
      'zlib',
      'libxml2',
      'git',
      'vim',
      'tar',
      'expat',
      'krb5',
      'gnutls',
      'xz',
      'pam',
      'libssh',
    ]) {
      expect(rpm.has(src), src).toBe(true);
    }
  });

  it.each<TDemoOs>(['debian12', 'alma94', 'ubuntu2204'])('every %s ladder starts at the version its listings carry', (os) => {
    const all = [...baseSoftware(os, { kind: 'vm', role: 'web' }), ...baseSoftware(os, { kind: 'vm', role: 'db' })];
    if (os !== 'ubuntu2204') all.push(...baseSoftware(os, { kind: 'host', role: null }));
    const strip = (v: string) => v.replace(/^\d+:/, '');
    for (const ladder of ladderSet(os)) {
      const built = all.filter((i) => i.sourceName === ladder.source);
      expect(built.length, ladder.source).toBeGreaterThan(0);
      expect(
        built.some((i) => strip(i.sourceVersion ?? '') === strip(ladder.versions[0])),
        ladder.source,
      ).toBe(true);
      expect(new Set(ladder.versions).size).toBe(ladder.versions.length);
    }
  });
});
