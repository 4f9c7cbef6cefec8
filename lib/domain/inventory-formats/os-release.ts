import type { TOsFamily } from '../types';
import type { TOsInfo } from './types';

/** os-release IDs (and purl `distro` prefixes) of the families we track. */
const FAMILY_BY_ID: Record<string, TOsFamily> = {
  debian: 'debian',
  ubuntu: 'ubuntu',
  almalinux: 'almalinux',
  rocky: 'rocky',
  rhel: 'rhel',
  redhat: 'rhel',
  sles: 'suse',
  sled: 'suse',
  'sle-micro': 'suse',
  opensuse: 'suse',
  'opensuse-leap': 'suse',
  'opensuse-tumbleweed': 'suse',
  suse: 'suse',
  alpine: 'alpine',
  windows: 'windows',
};

/**
 * Family of an os-release ID. When the ID itself is not one we track, the first ID_LIKE entry that
 * is decides (CentOS "rhel fedora" -> rhel, Linux Mint "ubuntu debian" -> ubuntu): derivatives
 * rebuild their parent's packages, so the parent's advisories are the right ones to match.
 */
export function osFamilyFromId(id: string, idLike: readonly string[] = []): TOsFamily {
  for (const candidate of [id, ...idLike]) {
    const family = FAMILY_BY_ID[candidate.toLowerCase()];
    if (family) return family;
  }
  return 'other';
}

/** Unquotes a shell-style os-release value: "..." or '...' with backslash escapes inside double quotes. */
function unquote(raw: string): string {
  const v = raw.trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) return v.slice(1, -1).replace(/\\([\\"$`])/g, '$1');
  if (v.length >= 2 && v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1);
  return v;
}

/** KEY=VALUE pairs of /etc/os-release (os-release(5)); comments and blank lines ignored. */
export function parseOsReleaseFields(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const m = /^\s*([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (m) fields[m[1]] = unquote(m[2]);
  }
  return fields;
}

/**
 * The OS of an /etc/os-release text, or null when the text names no OS at all (neither ID nor NAME).
 * `release` is VERSION_ID ("12", "9.2"); rolling distributions without one get BUILD_ID or 'unknown'.
 */
export function parseOsRelease(text: string): TOsInfo | null {
  const f = parseOsReleaseFields(text);
  if (!f.ID && !f.NAME) return null;
  // os-release(5): ID defaults to "linux" when absent.
  const id = f.ID || 'linux';
  const idLike = (f.ID_LIKE ?? '').split(/\s+/).filter(Boolean);
  return {
    family: osFamilyFromId(id, idLike),
    release: f.VERSION_ID || f.BUILD_ID || 'unknown',
    name: f.PRETTY_NAME || f.NAME || id,
  };
}

/**
 * OS named by a purl `distro` qualifier: 'debian-12' and 'rhel-9.4' (Syft), 'bookworm' and 'el9' are
 * too vague to name a release and give null.
 */
export function osFromDistroQualifier(distro: string): TOsInfo | null {
  const m = /^([a-z][a-z-]*?)-(\d[\w.]*)$/i.exec(distro.trim());
  if (!m) return null;
  const family = osFamilyFromId(m[1]);
  return family === 'other' ? null : { family, release: m[2], name: distro.trim() };
}
