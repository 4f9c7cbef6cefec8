import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { TPatchDraft, TPatchFix } from '@/lib/domain/patch';
import { pickSeverity, strongestVendorSeverity } from '@/lib/domain/severity';
import { clip, dedupeFixes, fail, finalise, parseJson, zodFailure, type TTransformResult } from '../common';
import { debianDistro } from './releases';

const ZRelease = z.object({
  status: z.string().min(1),
  fixed_version: z.string().nullable().optional(),
  urgency: z.string().optional(),
});

const ZIssue = z.object({
  description: z.string().optional(),
  // The tracker writes an empty list, not an empty object, when no release is tracked.
  releases: z.preprocess((v) => (Array.isArray(v) && v.length === 0 ? {} : v), z.record(z.string(), ZRelease)),
});

/** security-tracker.debian.org/tracker/data/json: source package -> issue id -> release -> status. */
export const ZTrackerJson = z.record(z.string(), z.record(z.string(), ZIssue));

type TCollected = { packages: Set<string>; fixes: TPatchFix[]; urgencies: string[]; description?: string };

/**
 * Debian security tracker JSON -> one patch per CVE (vendorId DEBIAN-CVE-…, like osv.dev), with one fix per
 * source package and Debian release: 'resolved' with a fixed version is a fix, 'open' is affected with no
 * fix yet, fixed_version "0" (never affected), 'undetermined', sid and TEMP- ids are skipped. The urgency
 * ("high**", "unimportant") is the vendor severity. The tracker carries no dates, so `revision` is a digest
 * of what the patch says: it changes exactly when a release's status or fixed version changes.
 */
export function transformDebianTracker(text: string): TTransformResult {
  const raw = parseJson(text);
  if (!raw.ok) return raw;
  const parsed = ZTrackerJson.safeParse(raw.value);
  if (!parsed.success) return zodFailure(parsed.error, 'Debian tracker JSON');

  const byCve = new Map<string, TCollected>();
  let temp = 0;
  for (const [pkg, issues] of Object.entries(parsed.data)) {
    for (const [id, issue] of Object.entries(issues)) {
      if (!/^CVE-\d{4}-\d{4,}$/.test(id)) {
        temp += 1;
        continue;
      }
      const c = byCve.get(id) ?? { packages: new Set(), fixes: [], urgencies: [], description: issue.description };
      byCve.set(id, c);
      c.packages.add(pkg);
      for (const [codename, rel] of Object.entries(issue.releases)) {
        const distro = debianDistro(codename);
        if (!distro) continue;
        const fixed = rel.fixed_version?.trim();
        const base = { ecosystem: 'deb' as const, distro, packageName: pkg, nameKind: 'source' as const, introduced: null, lastAffected: null, arch: null };
        if (rel.status === 'resolved' && fixed && fixed !== '0') c.fixes.push({ ...base, fixedVersion: fixed });
        else if (rel.status === 'open') c.fixes.push({ ...base, fixedVersion: null });
        else continue;
        if (rel.urgency) c.urgencies.push(rel.urgency);
      }
    }
  }

  const warnings: string[] = [];
  if (temp) warnings.push(`${temp} tracker issues without a CVE id (TEMP-…) skipped`);
  const drafts: TPatchDraft[] = [];
  let notAffected = 0;
  for (const [cve, c] of [...byCve].sort(([a], [b]) => a.localeCompare(b))) {
    if (c.fixes.length === 0) {
      notAffected += 1;
      continue;
    }
    const fixes = dedupeFixes(c.fixes);
    const vendorSeverity = strongestVendorSeverity(c.urgencies);
    const severity = pickSeverity(vendorSeverity, []);
    const revision = createHash('sha256').update(JSON.stringify({ fixes, vendorSeverity })).digest('hex').slice(0, 16);
    drafts.push({
      source: 'debian-tracker',
      vendorId: `DEBIAN-${cve}`,
      title: `${cve} in ${[...c.packages].sort().join(', ')}`,
      summary: clip(c.description),
      cves: [cve],
      severity,
      vendorSeverity,
      cvss: [],
      published: null,
      revised: null,
      revision,
      references: [{ url: `https://security-tracker.debian.org/tracker/${cve}`, label: 'Debian security tracker' }],
      fixes,
    });
  }
  if (notAffected) warnings.push(`${notAffected} CVEs with no affected Debian release (fixed_version "0", sid only or undetermined) skipped`);
  if (drafts.length === 0) return fail('no CVE affects a Debian release in this file', 'releases');
  return finalise(drafts, warnings);
}
