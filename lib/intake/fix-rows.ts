import type { TPatchFix } from '@/lib/domain/patch';
import { stripEpoch } from '@/lib/domain/match-fields';
import { ECOSYSTEM_SCHEME } from '@/lib/domain/types';
import { versionKey } from '@/lib/domain/version-key';

export type TFixRow = {
  ecosystem: TPatchFix['ecosystem'];
  distro: string | null;
  packageName: string;
  nameKind: string;
  fixedVersion: string | null;
  introduced: string | null;
  lastAffected: string | null;
  ranges: TPatchFix['ranges'] | null;
  affectedVersions: string[] | null;
  arch: string | null;
  kb: string | null;
  productIds: string[] | null;
  fixedKey: Uint8Array | null;
  introducedKey: Uint8Array | null;
  lastAffectedKey: Uint8Array | null;
  fixedKeyNoEpoch: Uint8Array | null;
  introducedKeyNoEpoch: Uint8Array | null;
  lastAffectedKeyNoEpoch: Uint8Array | null;
  versionError: string | null;
};

/**
 * Storage rows of a fix: one row per affected interval (a fix with several `ranges` becomes several
 * rows, so SQL tests each interval with plain key comparisons). A version that does not parse in
 * its ecosystem sets `versionError`: the row is kept for display and reported, never matched.
 */
export function fixRows(fix: TPatchFix): TFixRow[] {
  const intervals = fix.ranges?.length
    ? fix.ranges.map((r) => ({ introduced: r.introduced ?? null, fixed: r.fixed ?? null, lastAffected: r.lastAffected ?? null }))
    : [{ introduced: fix.introduced, fixed: fix.fixedVersion, lastAffected: fix.lastAffected }];
  const scheme = ECOSYSTEM_SCHEME[fix.ecosystem];
  return intervals.map((iv) => {
    const errors: string[] = [];
    const key = (v: string | null, strip = false): Uint8Array | null => {
      if (!v || v === '0') return null; // OSV "introduced: 0" means from the beginning
      try {
        return versionKey(scheme, strip ? stripEpoch(v) : v);
      } catch (e) {
        if (!strip) errors.push(`${v}: ${(e as Error).message}`);
        return null;
      }
    };
    const row: TFixRow = {
      ecosystem: fix.ecosystem,
      distro: fix.distro,
      packageName: fix.packageName,
      nameKind: fix.nameKind,
      fixedVersion: iv.fixed,
      introduced: iv.introduced,
      lastAffected: iv.lastAffected,
      ranges: fix.ranges ?? null,
      affectedVersions: fix.affectedVersions ?? null,
      arch: fix.arch,
      kb: fix.kb ?? null,
      productIds: fix.productIds ?? null,
      fixedKey: key(iv.fixed),
      introducedKey: key(iv.introduced),
      lastAffectedKey: key(iv.lastAffected),
      fixedKeyNoEpoch: key(iv.fixed, true),
      introducedKeyNoEpoch: key(iv.introduced, true),
      lastAffectedKeyNoEpoch: key(iv.lastAffected, true),
      versionError: null,
    };
    row.versionError = errors.length ? errors.join('; ') : null;
    return row;
  });
}
