import type { TSoftwareItem } from '@/lib/domain/types';
import { ALMA9_LADDERS, DEBIAN12_LADDERS, UBUNTU2204_LADDERS, type TVersionLadder } from './ladders';
import { ALMA9_CORE } from './packages-alma9';
import { ALMA9_BATCH, ALMA9_CACHE, ALMA9_DB, ALMA9_HOST, ALMA9_JAVA, ALMA9_STANDARD, ALMA9_WEB } from './packages-alma9-extra';
import { DEBIAN12_CORE } from './packages-debian12';
import { DEBIAN12_BATCH, DEBIAN12_CACHE, DEBIAN12_DB, DEBIAN12_HOST, DEBIAN12_JAVA, DEBIAN12_STANDARD, DEBIAN12_WEB } from './packages-debian12-extra';
import { UBUNTU2204_BASE, UBUNTU2204_BATCH } from './packages-ubuntu2204';
import { parseSeedListing, type TSeedEcosystem } from './seed-listing';

/** The operating system builds the demo fleet runs. */
export type TDemoOs = 'debian12' | 'alma94' | 'alma92' | 'ubuntu2204';
/** What a machine is for; decides the optional package group on top of the base. */
export type TSoftwareRole = 'web' | 'db' | 'java' | 'cache' | 'batch' | 'infra';

type TOsData = {
  ecosystem: TSeedEcosystem;
  core: string;
  standard: string;
  host: string | null;
  roles: Partial<Record<TSoftwareRole, string>>;
  ladders: readonly TVersionLadder[];
};

const DEBIAN12: TOsData = {
  ecosystem: 'deb',
  core: DEBIAN12_CORE,
  standard: DEBIAN12_STANDARD,
  host: DEBIAN12_HOST,
  roles: { web: DEBIAN12_WEB, db: DEBIAN12_DB, java: DEBIAN12_JAVA, cache: DEBIAN12_CACHE, batch: DEBIAN12_BATCH },
  ladders: DEBIAN12_LADDERS,
};
const ALMA9: TOsData = {
  ecosystem: 'rpm',
  core: ALMA9_CORE,
  standard: ALMA9_STANDARD,
  host: ALMA9_HOST,
  roles: { web: ALMA9_WEB, db: ALMA9_DB, java: ALMA9_JAVA, cache: ALMA9_CACHE, batch: ALMA9_BATCH },
  ladders: ALMA9_LADDERS,
};
const UBUNTU2204: TOsData = {
  ecosystem: 'deb',
  core: UBUNTU2204_BASE,
  standard: '',
  host: null,
  roles: { batch: UBUNTU2204_BATCH },
  ladders: UBUNTU2204_LADDERS,
};

const OS_DATA: Record<TDemoOs, TOsData> = { debian12: DEBIAN12, alma94: ALMA9, alma92: ALMA9, ubuntu2204: UBUNTU2204 };

const parsed = new Map<string, readonly TSoftwareItem[]>();
/** Each listing is parsed once; items are frozen because every machine shares them. */
function listing(text: string, ecosystem: TSeedEcosystem): readonly TSoftwareItem[] {
  let items = parsed.get(text);
  if (!items) {
    items = Object.freeze(parseSeedListing(text, ecosystem).map((i) => Object.freeze(i)));
    parsed.set(text, items);
  }
  return items;
}

export function ladderSet(os: TDemoOs): readonly TVersionLadder[] {
  return OS_DATA[os].ladders;
}

/**
 * How far back a machine of this OS can be on a ladder. AlmaLinux 9.4 machines never reach the
 * ladder's last (9.2-level) entry; 9.2 machines sit exactly on it (see `floorStep`).
 */
export function maxStep(os: TDemoOs, ladder: TVersionLadder): number {
  const last = ladder.versions.length - 1;
  return os === 'alma94' ? Math.max(0, last - 1) : last;
}

export function floorStep(ladder: TVersionLadder): number {
  return ladder.versions.length - 1;
}

/**
 * The base software of a machine, at the newest versions of the seed.
 * Hosts get core + the hypervisor group; VMs and images get core + standard + their role's group.
 */
export function baseSoftware(os: TDemoOs, shape: { kind: 'vm' | 'image' | 'host'; role: TSoftwareRole | null }): TSoftwareItem[] {
  const data = OS_DATA[os];
  const parts = [data.core];
  if (shape.kind === 'host') {
    if (!data.host) throw new Error(`no hypervisor package group for ${os}`);
    parts.push(data.host);
  } else {
    if (data.standard) parts.push(data.standard);
    const extra = shape.role ? data.roles[shape.role] : undefined;
    if (extra) parts.push(extra);
  }
  const byName = new Map<string, TSoftwareItem>();
  for (const text of parts) for (const item of listing(text, data.ecosystem)) byName.set(`${item.name}/${item.arch ?? ''}`, item);
  return [...byName.values()];
}

/**
 * Moves every binary built from a laddered source back to the chosen older update.
 * `stepFor` returns an index into the ladder's versions (0 = leave as is). Binaries that carry a
 * version of their own (perl-lib 0.65 from perl 5.32.1, dmsetup from lvm2) are left alone: the
 * seed does not know their older numbers. A binNMU suffix (+b2) goes, as it would with a new upload.
 */
export function applyLadders(
  items: readonly TSoftwareItem[],
  ladders: readonly TVersionLadder[],
  stepFor: (ladder: TVersionLadder) => number,
): TSoftwareItem[] {
  const steps = new Map<string, { ladder: TVersionLadder; step: number }>();
  for (const ladder of ladders) {
    const step = stepFor(ladder);
    if (step > 0) steps.set(ladder.source, { ladder, step: Math.min(step, ladder.versions.length - 1) });
  }
  if (steps.size === 0) return [...items];
  return items.map((item) => {
    const hit = steps.get(item.sourceName ?? item.name);
    if (!hit) return item;
    const newest = stripEpoch(hit.ladder.versions[0]);
    const sourceVersion = item.sourceVersion ?? item.version;
    const binaryCore = stripEpoch(item.version).replace(/\+b\d+$/, '');
    if (stripEpoch(sourceVersion) !== newest || binaryCore !== newest) return item;
    const target = stripEpoch(hit.ladder.versions[hit.step]);
    return {
      ...item,
      version: epochPrefix(item.version) + target,
      sourceVersion: item.sourceVersion === null ? null : epochPrefix(item.sourceVersion) + target,
    };
  });
}

function stripEpoch(version: string): string {
  const m = /^\d+:(.*)$/.exec(version);
  return m ? m[1] : version;
}

/** `1:` for `1:2.39.5-0+deb12u3`, empty for a version without epoch. */
function epochPrefix(version: string): string {
  return /^\d+:/.exec(version)?.[0] ?? '';
}
