import type { TPackageEcosystem, TSoftwareItem } from '../types';

/** A package URL (https://github.com/package-url/purl-spec), components percent-decoded. */
export type TPurl = {
  type: string;
  namespace: string | null;
  name: string;
  version: string | null;
  qualifiers: Record<string, string>;
  subpath: string | null;
};

const decode = (s: string) => decodeURIComponent(s);

/** Parses a purl; null when it is not one (no `pkg:` scheme, no name, bad percent-encoding). */
export function parsePurl(input: string): TPurl | null {
  const m = /^pkg:\/*(.*)$/i.exec(input.trim());
  if (!m) return null;
  let rest = m[1];
  try {
    let subpath: string | null = null;
    const hash = rest.indexOf('#');
    if (hash >= 0) {
      subpath = decode(rest.slice(hash + 1)) || null;
      rest = rest.slice(0, hash);
    }
    const qualifiers: Record<string, string> = {};
    const q = rest.indexOf('?');
    if (q >= 0) {
      for (const pair of rest.slice(q + 1).split('&')) {
        const eq = pair.indexOf('=');
        if (eq <= 0) continue;
        const value = decode(pair.slice(eq + 1));
        if (value) qualifiers[pair.slice(0, eq).toLowerCase()] = value;
      }
      rest = rest.slice(0, q);
    }
    const segments = rest.split('/').filter(Boolean);
    if (segments.length < 2) return null;
    const type = segments[0].toLowerCase();
    // The version follows an '@' in the last segment; an unencoded npm scope ('@types/x') sits in an earlier one.
    let last = segments[segments.length - 1];
    let version: string | null = null;
    const at = last.lastIndexOf('@');
    if (at > 0) {
      version = decode(last.slice(at + 1)) || null;
      last = last.slice(0, at);
    } else if (at === 0) return null;
    const name = decode(last);
    if (!name) return null;
    const ns = segments.slice(1, -1).map(decode).join('/');
    return { type, namespace: ns || null, name, version, qualifiers, subpath };
  } catch {
    return null;
  }
}

const ECOSYSTEM_BY_PURL_TYPE: Record<string, TPackageEcosystem> = {
  deb: 'deb',
  rpm: 'rpm',
  apk: 'apk',
  npm: 'npm',
  pypi: 'pypi',
  maven: 'maven',
  golang: 'go',
  cargo: 'cargo',
  nuget: 'nuget',
};

/** Ecosystem of a purl type; everything we have no ordering for (composer, gem, github…) is generic. */
export const ecosystemOfPurlType = (type: string): TPackageEcosystem => ECOSYSTEM_BY_PURL_TYPE[type] ?? 'generic';

/**
 * The package name advisories use in each ecosystem: npm keeps its scope ('@types/node'), Maven is
 * 'group:artifact', Go the full module path; distro namespaces ('debian', 'redhat') are vendors, not
 * part of the name. Other types keep 'namespace/name' (Packagist's 'vendor/package').
 */
export function qualifiedName(ecosystem: TPackageEcosystem, namespace: string | null, name: string): string {
  if (!namespace) return name;
  switch (ecosystem) {
    case 'npm':
      return `${namespace.startsWith('@') ? namespace : `@${namespace}`}/${name}`;
    case 'maven':
      return `${namespace}:${name}`;
    case 'deb':
    case 'rpm':
    case 'apk':
    case 'cargo':
    case 'nuget':
    case 'pypi':
      return name;
    default:
      return `${namespace}/${name}`;
  }
}

/** rpm EVR with the `epoch` qualifier folded in and a zero epoch dropped (rpm treats a missing epoch as 0). */
export function rpmEvr(version: string, epoch?: string | null): string {
  const withEpoch = epoch && !version.includes(':') ? `${epoch}:${version}` : version;
  return withEpoch.replace(/^0+:/, '');
}

/** Name of an rpm NVR ('openssl-3.0.7-6.el9_2'), as split by its last two hyphens. */
export function splitNvr(nvr: string): { name: string; version: string; release: string } | null {
  const r = nvr.lastIndexOf('-');
  const v = r > 0 ? nvr.lastIndexOf('-', r - 1) : -1;
  if (v <= 0 || r === nvr.length - 1 || r - v < 2) return null;
  return { name: nvr.slice(0, v), version: nvr.slice(v + 1, r), release: nvr.slice(r + 1) };
}

/**
 * Source package from the `upstream` qualifier, in the shapes Syft writes: 'openssl' (deb/apk),
 * 'bash@5.2.15-2' (deb, when the source version differs) and 'openssl-3.0.7-18.el9_2.src.rpm' (rpm).
 */
export function sourceFromUpstream(ecosystem: TPackageEcosystem, upstream: string, epoch?: string | null): Pick<TSoftwareItem, 'sourceName' | 'sourceVersion'> {
  const srpm = /^(.+)\.(?:no)?src\.rpm$/.exec(upstream);
  if (srpm) {
    const nvr = splitNvr(srpm[1]);
    if (nvr) return { sourceName: nvr.name, sourceVersion: rpmEvr(`${nvr.version}-${nvr.release}`, epoch) };
  }
  const at = upstream.indexOf('@');
  if (at > 0) {
    const v = upstream.slice(at + 1);
    return { sourceName: upstream.slice(0, at), sourceVersion: ecosystem === 'rpm' ? rpmEvr(v, epoch) : v };
  }
  return { sourceName: upstream, sourceVersion: null };
}

/** A purl as an inventory item; `fallbackVersion` (the SBOM's own version field) when the purl has none. */
export function itemFromPurl(purl: TPurl, fallbackVersion: string | null): TSoftwareItem | null {
  const ecosystem = ecosystemOfPurlType(purl.type);
  const raw = purl.version ?? fallbackVersion;
  if (!raw) return null;
  const version = ecosystem === 'rpm' ? rpmEvr(raw, purl.qualifiers.epoch) : raw;
  const upstream = purl.qualifiers.upstream;
  // Syft writes the source version only when it differs from the binary's, so a bare name means "same version".
  const source = upstream ? sourceFromUpstream(ecosystem, upstream, purl.qualifiers.epoch) : null;
  return {
    ecosystem,
    name: qualifiedName(ecosystem, purl.namespace, purl.name),
    version,
    arch: purl.qualifiers.arch ?? null,
    sourceName: source?.sourceName ?? null,
    sourceVersion: source ? (source.sourceVersion ?? version) : null,
  };
}
