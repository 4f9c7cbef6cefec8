import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { TPatchDraft } from '@/lib/domain/patch';
import { extractCves, fail, finalise, stripBom, zodFailure, type TTransformResult } from '../common';

const ZSecdb = z.object({
  distroversion: z.string().regex(/^v?\d+\.\d+$/),
  reponame: z.string().min(1),
  packages: z.array(
    z.object({
      pkg: z.object({
        name: z.string().min(1),
        // failsafe YAML: an entry with no CVE list ("1.0-r0:") parses as '' rather than [].
        secfixes: z.record(z.string(), z.union([z.array(z.string()), z.literal('')])).optional(),
      }),
    }),
  ),
});

/**
 * Alpine secdb (secdb.alpinelinux.org vX.Y/main.json or its YAML source) -> one patch per package release
 * that fixes CVEs: "openssl 1.1.1d-r2 fixes CVE-2019-1547 …" in 'Alpine:3.11'. The secdb has no dates and
 * no severities. Version "0" means "never affected" in secdb and is skipped.
 */
export function transformAlpineSecdb(text: string): TTransformResult {
  let raw: unknown;
  try {
    raw = parseYaml(stripBom(text), { schema: 'failsafe' });
  } catch (e) {
    return fail(`not valid YAML/JSON: ${(e as Error).message}`);
  }
  const parsed = ZSecdb.safeParse(raw);
  if (!parsed.success) return zodFailure(parsed.error, 'Alpine secdb');
  const db = parsed.data;
  const release = db.distroversion.replace(/^v/, '');
  const warnings: string[] = [];
  const drafts: TPatchDraft[] = [];
  let notAffected = 0;
  for (const { pkg } of db.packages) {
    for (const [version, ids] of Object.entries(pkg.secfixes ?? {})) {
      if (version.trim() === '0') {
        notAffected += 1;
        continue;
      }
      const list = ids === '' ? [] : ids;
      const cves = extractCves(...list);
      const others = list.filter((id) => !/CVE-\d{4}-\d+/i.test(id));
      drafts.push({
        source: 'alpine-secdb',
        vendorId: `alpine/v${release}/${db.reponame}/${pkg.name}@${version}`,
        title: `${pkg.name} ${version} (Alpine ${release} ${db.reponame})`,
        ...(others.length ? { summary: `Also fixes: ${others.join(', ')}` } : {}),
        cves,
        severity: 'none',
        vendorSeverity: null,
        cvss: [],
        published: null,
        revised: null,
        revision: null,
        references: [{ url: `https://security.alpinelinux.org/srcpkg/${encodeURIComponent(pkg.name)}`, label: 'Alpine security tracker' }],
        fixes: [
          {
            ecosystem: 'apk',
            distro: `Alpine:${release}`,
            packageName: pkg.name,
            nameKind: 'source',
            fixedVersion: version,
            introduced: null,
            lastAffected: null,
            arch: null,
          },
        ],
      });
    }
  }
  if (notAffected) warnings.push(`${notAffected} secfixes entries with version "0" (never affected) skipped`);
  if (drafts.length === 0) return fail('packages: no secfixes entries', 'packages');
  return finalise(drafts, warnings);
}
