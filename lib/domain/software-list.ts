import { createHash } from 'node:crypto';
import type { TSoftwareItem } from './types';

const key = (i: TSoftwareItem) => [i.ecosystem, i.name, i.arch ?? '', i.version, i.sourceName ?? '', i.sourceVersion ?? ''].join('\u0000');

/** Sorted, exact duplicates collapsed: the canonical form of an asset's software list. */
export function normaliseSoftware(items: readonly TSoftwareItem[]): TSoftwareItem[] {
  const byKey = new Map<string, TSoftwareItem>();
  for (const i of items) {
    const item: TSoftwareItem = { ...i, arch: i.arch || null, sourceName: i.sourceName || null, sourceVersion: i.sourceVersion || null };
    byKey.set(key(item), item);
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

/** Hash of the canonical list; equal hashes mean a report changes nothing. */
export function softwareHash(normalised: readonly TSoftwareItem[]): string {
  const h = createHash('sha256');
  for (const i of normalised) h.update(key(i)).update('\n');
  return h.digest('hex');
}
