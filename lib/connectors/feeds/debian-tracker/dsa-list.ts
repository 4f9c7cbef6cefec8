import type { TPatchDraft, TPatchFix } from '@/lib/domain/patch';
import { dedupeFixes, fail, finalise, isoDateTime, type TTransformResult } from '../common';
import { debianDistro } from './releases';

/** `[29 Mar 2023] DSA-5380-1 xorg-server - security update` */
export const DSA_HEADER = /^\[(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})\] ((?:DSA|DLA)-\d+(?:-\d+)?) (\S+)(?:\s+-\s+(.*))?$/;
/** `[bullseye] - xorg-server 2:1.20.11-1+deb11u6` (a `<not-affected>`/`<unfixed>` marker instead of a version is no fix) */
const FIX_LINE = /^\[([a-z]+)\]\s+-\s+(\S+)\s+([^\s<]\S*)/;
const MONTHS: Record<string, string> = {
  Jan: '01',
  Feb: '02',
  Mar: '03',
  Apr: '04',
  May: '05',
  Jun: '06',
  Jul: '07',
  Aug: '08',
  Sep: '09',
  Oct: '10',
  Nov: '11',
  Dec: '12',
};

/**
 * The Debian security tracker's DSA/DLA lists (data/DSA/list, data/DLA/list) -> one patch per advisory:
 * vendorId DSA-5380-1, its CVEs, and one fix per `[release] - source version` line ('Debian:11' for bullseye).
 * Announcements without packages or CVEs (key changes, end-of-life notices) are skipped.
 */
export function transformDebianAdvisoryList(text: string): TTransformResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const drafts: TPatchDraft[] = [];
  const warnings: string[] = [];
  let current: { draft: TPatchDraft; fixes: TPatchFix[] } | null = null;
  const flush = () => {
    if (current) drafts.push({ ...current.draft, fixes: dedupeFixes(current.fixes) });
    current = null;
  };
  for (const [i, line] of lines.entries()) {
    const header = DSA_HEADER.exec(line);
    if (header) {
      flush();
      const [, day, month, year, id, pkg, what] = header;
      const date = isoDateTime(`${year}-${MONTHS[month] ?? '01'}-${day.padStart(2, '0')}`);
      if (!MONTHS[month]) warnings.push(`line ${i + 1}: unknown month "${month}"`);
      current = {
        fixes: [],
        draft: {
          source: 'debian-tracker',
          vendorId: id,
          title: `${pkg}${what ? ` - ${what.trim()}` : ''}`,
          cves: [],
          severity: 'none',
          vendorSeverity: null,
          cvss: [],
          published: date,
          revised: date,
          revision: null,
          references: [{ url: `https://security-tracker.debian.org/tracker/${id}`, label: 'Debian security tracker' }],
          fixes: [],
        },
      };
      continue;
    }
    if (!current) continue;
    const c: { draft: TPatchDraft; fixes: TPatchFix[] } = current;
    const trimmed = line.trim();
    const cves = /^\{([^}]*)\}/.exec(trimmed);
    if (cves) {
      c.draft.cves = [...new Set([...c.draft.cves, ...(cves[1].match(/CVE-\d{4}-\d{4,}/g) ?? [])])].sort();
      continue;
    }
    const fix = FIX_LINE.exec(trimmed);
    if (fix) {
      const distro = debianDistro(fix[1]);
      if (!distro) warnings.push(`${c.draft.vendorId}: release "${fix[1]}" unknown — fix skipped`);
      else
        c.fixes.push({
          ecosystem: 'deb',
          distro,
          packageName: fix[2],
          nameKind: 'source',
          fixedVersion: fix[3],
          introduced: null,
          lastAffected: null,
          arch: null,
        });
    }
  }
  flush();
  if (drafts.length === 0) return fail('no DSA/DLA entry found (expected lines like "[29 Mar 2023] DSA-5380-1 pkg - …")');
  return finalise(drafts, warnings);
}
