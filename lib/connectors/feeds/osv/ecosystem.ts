import type { TNameKind } from '@/lib/domain/patch';
import type { TPackageEcosystem } from '@/lib/domain/types';
import { rpmEvr } from '@/lib/domain/inventory-formats/purl';

export type TEcosystemMapping =
  { ok: true; ecosystem: TPackageEcosystem; distro: string | null; nameKind: TNameKind; warning?: string } | { ok: false; reason: string };

const LANGUAGE: Record<string, TPackageEcosystem> = {
  npm: 'npm',
  PyPI: 'pypi',
  Go: 'go',
  'crates.io': 'cargo',
  Maven: 'maven',
  NuGet: 'nuget',
};

/** Ecosystems whose packages are rpm binaries named as installed (AlmaLinux and Rocky list binary rpm names). */
const RPM_DISTROS: Record<string, string> = {
  AlmaLinux: 'AlmaLinux',
  'Rocky Linux': 'Rocky',
  'Azure Linux': 'AzureLinux',
  Mageia: 'Mageia',
  openEuler: 'openEuler',
  'Photon OS': 'Photon',
};

const numeric = (seg: string | undefined) => (seg && /^\d+(\.\d+)*$/.test(seg) ? seg : null);

/**
 * Maps an OSV ecosystem string to ours plus a normalised distro release:
 * 'Ubuntu:Pro:22.04:LTS' -> deb 'Ubuntu:22.04' (Pro/ESM fixes land in the same release),
 * 'Red Hat:rhel_aus:8.6::appstream' -> rpm 'RHEL:8' (every RHEL 8 stream is one release for matching),
 * 'Alpine:v3.11' -> apk 'Alpine:3.11', 'Rocky Linux:9' -> rpm 'Rocky:9'.
 * Ecosystems with no version scheme of ours (Packagist, RubyGems, …) become 'generic' with the OSV
 * ecosystem as distro so they never collide with another namespace.
 */
export function mapOsvEcosystem(osvEcosystem: string): TEcosystemMapping {
  const [head = '', ...rest] = osvEcosystem.split(':');
  const language = LANGUAGE[head];
  if (language) return { ok: true, ecosystem: language, distro: null, nameKind: 'any' };

  if (head === 'Debian') {
    const release = rest[0];
    if (!release) return { ok: false, reason: `ecosystem "${osvEcosystem}" names no Debian release` };
    return { ok: true, ecosystem: 'deb', distro: `Debian:${release}`, nameKind: 'source' };
  }
  if (head === 'Ubuntu') {
    const release = rest.find((s) => /^\d{2}\.\d{2}$/.test(s));
    if (!release) return { ok: false, reason: `ecosystem "${osvEcosystem}" names no Ubuntu release` };
    return { ok: true, ecosystem: 'deb', distro: `Ubuntu:${release}`, nameKind: 'source' };
  }
  if (head === 'Red Hat') {
    const version = rest.map(numeric).find(Boolean);
    if (!version) return { ok: false, reason: `ecosystem "${osvEcosystem}" names no RHEL release` };
    return { ok: true, ecosystem: 'rpm', distro: `RHEL:${version.split('.')[0]}`, nameKind: 'binary' };
  }
  const rpmDistro = RPM_DISTROS[head];
  if (rpmDistro) {
    const version = numeric(rest[0]);
    if (!version) return { ok: false, reason: `ecosystem "${osvEcosystem}" names no ${head} release` };
    return { ok: true, ecosystem: 'rpm', distro: `${rpmDistro}:${head === 'Photon OS' ? version : version.split('.')[0]}`, nameKind: 'binary' };
  }
  if (head === 'SUSE' || head === 'openSUSE') {
    // Release is the os-release PRETTY_NAME: 'Linux Enterprise Server 15 SP5' -> 15.5, 'Leap 15.5' -> 15.5.
    const name = rest.join(':');
    const m = /(\d+)(?:\.(\d+)| SP(\d+))?/.exec(name);
    const release = m ? `${m[1]}${(m[2] ?? m[3]) ? `.${m[2] ?? m[3]}` : ''}` : name;
    if (!release) return { ok: false, reason: `ecosystem "${osvEcosystem}" names no ${head} release` };
    return { ok: true, ecosystem: 'rpm', distro: `${head}:${release}`, nameKind: 'source' };
  }
  if (head === 'Alpine') {
    const release = rest[0]?.replace(/^v/, '');
    if (!release) return { ok: false, reason: `ecosystem "${osvEcosystem}" names no Alpine release` };
    return { ok: true, ecosystem: 'apk', distro: `Alpine:${release}`, nameKind: 'source' };
  }
  if (head === 'Wolfi' || head === 'Chainguard') return { ok: true, ecosystem: 'apk', distro: head, nameKind: 'binary' };
  return {
    ok: true,
    ecosystem: 'generic',
    distro: osvEcosystem,
    nameKind: 'any',
    warning: `ecosystem "${osvEcosystem}" has no version scheme of its own here; imported as generic`,
  };
}

/** Version as stored for this ecosystem: rpm drops a zero epoch. */
export function normaliseVersion(ecosystem: TPackageEcosystem, version: string): string {
  return ecosystem === 'rpm' ? rpmEvr(version.trim()) : version.trim();
}
