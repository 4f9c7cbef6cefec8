import type { TNameKind, TPatchFix, TVersionRange } from '@/lib/domain/patch';
import type { TPackageEcosystem } from '@/lib/domain/types';
import { capVersions } from '../common';
import { parseNevra, parsePurl, productLabel, rhelOfPlatform, type TProduct, type TPurl } from './product-tree';
import { parseVersionRange } from './vers';

export type TStatus = 'fixed' | 'affected';

type TKey = { ecosystem: TPackageEcosystem; distro: string | null; packageName: string; nameKind: TNameKind };

/** One (product id, status) pair of the document, mapped to a package or product. */
export type TCandidate = TKey & { status: TStatus; version: string | null; range: string | null; arch: string | null; productId: string };

const LANGUAGE_PURLS: Record<string, TPackageEcosystem> = { npm: 'npm', pypi: 'pypi', maven: 'maven', golang: 'go', cargo: 'cargo', nuget: 'nuget' };

const evr = (epoch: string | null | undefined, version: string) => (epoch && !/^0+$/.test(epoch) ? `${epoch}:${version}` : version);
const rhelFromRelease = (version: string | null) => (version ? /[.+]el(\d+)/.exec(version)?.[1] : undefined);

/** A rebuild's purl names its distro: pkg:rpm/almalinux/…?distro=almalinux-9, pkg:rpm/rocky/…. */
function purlDistro(purl: TPurl | null, el: string | undefined): string | null {
  const ns = purl?.namespace?.toLowerCase();
  const label = ns === 'almalinux' ? 'AlmaLinux' : ns === 'rocky' || ns === 'rocky-linux' ? 'Rocky' : null;
  if (!label) return null;
  const major = /-(\d+)/.exec(purl?.qualifiers.distro ?? '')?.[1] ?? el;
  return major ? `${label}:${major}` : null;
}

function rpmCandidate(p: TProduct, comp: TProduct, purl: TPurl | null, status: TStatus): TCandidate | null {
  const nevra = purl ? null : parseNevra(comp.version ?? comp.name);
  if (!purl && !nevra) return null;
  const name = purl ? purl.name : nevra!.name;
  const version = purl ? (purl.version ? evr(purl.qualifiers.epoch, purl.version) : null) : evr(nevra!.epoch, `${nevra!.version}-${nevra!.release}`);
  const arch = purl ? (purl.qualifiers.arch ?? null) : nevra!.arch;
  const el = rhelFromRelease(version);
  const distro = rhelOfPlatform(p) ?? purlDistro(purl, el) ?? (el ? `RHEL:${el}` : null);
  // An rpm of a layered product with no RHEL release (OpenShift 3.11) is matched as that product instead.
  if (!distro) return null;
  const isSource = arch === 'src';
  return {
    ecosystem: 'rpm',
    distro,
    packageName: name,
    nameKind: isSource ? 'source' : 'binary',
    status,
    version,
    range: null,
    arch: isSource ? null : arch,
    productId: p.id,
  };
}

/**
 * Maps one product to a package (rpm from a purl or an NEVRA product name, language purls) or, failing that,
 * to a named product ('generic', or 'windows' for Microsoft) keyed by its family name and platform.
 */
export function candidateFor(p: TProduct, status: TStatus, isMicrosoft: boolean): TCandidate | null {
  const comp = p.component ?? p;
  const purl = comp.purl ? parsePurl(comp.purl) : null;
  if (purl?.type === 'rpmmod') return null; // a module stream; its rpms are listed as products of their own
  if (!purl || purl.type === 'rpm') {
    const rpm = rpmCandidate(p, comp, purl, status);
    if (rpm) return rpm;
  }
  const language = purl ? LANGUAGE_PURLS[purl.type] : undefined;
  if (purl && language) {
    const sep = purl.type === 'maven' ? ':' : '/';
    const packageName = purl.namespace ? `${purl.namespace}${sep}${purl.name}` : purl.name;
    return { ecosystem: language, distro: null, packageName, nameKind: 'any', status, version: purl.version, range: null, arch: null, productId: p.id };
  }

  const ecosystem: TPackageEcosystem = isMicrosoft ? 'windows' : 'generic';
  const base = { ecosystem, nameKind: 'any' as const, status, arch: null, productId: p.id };
  const platform = p.platform ? productLabel(p.platform) : null;
  if (purl?.type === 'oci') return { ...base, distro: platform, packageName: purl.name, version: purl.qualifiers.tag ?? null, range: null };
  if (p.component) {
    // "X as a component of Y": X is a component name (Red Hat VEX) or a container image reference.
    const image = /^([\w.-]+\/[\w./-]+):([\w.+-]+)$/.exec(comp.name);
    if (image) return { ...base, distro: platform, packageName: image[1], version: image[2], range: null };
    return { ...base, distro: platform, packageName: comp.version ?? comp.name, version: null, range: null };
  }
  const packageName = productLabel(comp);
  return { ...base, distro: isMicrosoft ? packageName : null, packageName, version: comp.version, range: comp.range };
}

type TGroup = { key: TKey; fixed: Map<string, Set<string | null>>; exact: Set<string>; intervals: TVersionRange[]; all: boolean; ids: Set<string> };

const natural = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });

/**
 * Groups candidates by package/product and builds the fixes.
 * Packages (rpm, npm …): one fix per fixed version (the release that fixes it in that distro), arch kept
 * when the build is for a single arch; with no fixed version, one fix describing what is affected.
 * Products (generic, windows): one fix per product family: fixedVersion is the highest fixed version
 * (the one that resolves every vulnerability of the document) unless another vulnerability still lists that
 * version as affected; what is affected goes to introduced/lastAffected, or `ranges`/`affectedVersions`.
 */
export function buildFixes(candidates: readonly TCandidate[], kbOf: (productIds: readonly string[]) => string | null, warnings: string[]): TPatchFix[] {
  const groups = new Map<string, TGroup>();
  for (const c of candidates) {
    const key: TKey = { ecosystem: c.ecosystem, distro: c.distro, packageName: c.packageName, nameKind: c.nameKind };
    const id = JSON.stringify(key);
    const g: TGroup = groups.get(id) ?? { key, fixed: new Map(), exact: new Set(), intervals: [], all: false, ids: new Set() };
    groups.set(id, g);
    g.ids.add(c.productId);
    if (c.status === 'fixed') {
      if (c.version) g.fixed.set(c.version, (g.fixed.get(c.version) ?? new Set()).add(c.arch));
      continue;
    }
    if (c.range) {
      const r = parseVersionRange(c.range);
      g.all ||= r.all;
      for (const i of r.intervals) if (!g.intervals.some((x) => JSON.stringify(x) === JSON.stringify(i))) g.intervals.push(i);
      r.exact.forEach((v) => g.exact.add(v));
    } else if (c.version) g.exact.add(c.version);
    else g.all = true;
  }

  const fixes: TPatchFix[] = [];
  for (const g of groups.values()) {
    const base = { ...g.key, arch: null };
    const isProduct = g.key.ecosystem === 'generic' || g.key.ecosystem === 'windows';
    if (!isProduct && g.fixed.size > 0) {
      for (const [version, arches] of g.fixed) {
        fixes.push({ ...base, fixedVersion: version, introduced: null, lastAffected: null, arch: arches.size === 1 ? [...arches][0] : null });
      }
      continue;
    }
    const fixedCandidates = [...g.fixed.keys(), ...g.intervals.map((r) => r.fixed)].filter((v): v is string => !!v && !g.exact.has(v));
    const fixedVersion = fixedCandidates.sort(natural).at(-1) ?? null;
    const fix: TPatchFix = { ...base, fixedVersion, introduced: null, lastAffected: null };
    if (!g.all && g.intervals.length === 1 && g.exact.size === 0) {
      fix.introduced = g.intervals[0].introduced ?? null;
      fix.lastAffected = g.intervals[0].lastAffected ?? null;
    } else if (!g.all) {
      if (g.intervals.length > 0) fix.ranges = g.intervals;
      const exact = capVersions([...g.exact], warnings, g.key.packageName);
      if (exact) fix.affectedVersions = exact;
    }
    if (isProduct) {
      fix.productIds = [...g.ids].sort(natural);
      fix.kb = kbOf(fix.productIds);
    }
    fixes.push(fix);
  }
  return fixes;
}
