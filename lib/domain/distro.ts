import type { TOsFamily } from './types';

/**
 * The distro key under which an asset's packages match advisory fixes (see ZPatchFix.distro).
 * Debian and Enterprise Linux advise per major release; Ubuntu and Alpine per major.minor.
 * Mirrored by the SQL function pw_distro (migration 0004); a test keeps them equal.
 */
export function distroOf(family: TOsFamily, release: string): string | null {
  const [major, minor] = release.split('.');
  switch (family) {
    case 'debian':
      return `Debian:${major}`;
    case 'ubuntu':
      return `Ubuntu:${major}.${minor || '04'}`;
    case 'almalinux':
      return `AlmaLinux:${major}`;
    case 'rocky':
      return `Rocky:${major}`;
    case 'rhel':
      return `RHEL:${major}`;
    case 'alpine':
      return `Alpine:${major}.${minor || '0'}`;
    case 'suse':
      return `SUSE:${release}`;
    default:
      return null;
  }
}
