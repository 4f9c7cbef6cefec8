import { parseDpkgQuery, parseRpmQa } from '@/lib/domain/inventory-formats';
import type { TSoftwareItem } from '@/lib/domain/types';

/**
 * Reader for the demo seed's package listings (packages-*.ts), written in the two layouts
 *
 * - deb: `dpkg-query -W -f='${Package}\t${Version}\t${Architecture}\t${source:Package}\t${source:Version}\n'`
 * - rpm: `rpm -qa --queryformat '%{NAME}\t%{EPOCH}:%{VERSION}-%{RELEASE}\t%{ARCH}\t%{SOURCERPM}\n'`
 *
 * It goes through the same parsers as an uploaded or agent-reported listing, so a seeded asset
 * stores exactly what importing that text would store (source fields always set, rpm source
 * versions carrying the binary's epoch, gpg-pubkey skipped). Unlike an upload it is strict: the
 * text is ours, so any problem, skip or collapsed duplicate other than gpg-pubkey is a bug and throws.
 */
export type TSeedEcosystem = 'deb' | 'rpm';

export function parseSeedListing(text: string, ecosystem: TSeedEcosystem): TSoftwareItem[] {
  const result = ecosystem === 'deb' ? parseDpkgQuery(text) : parseRpmQa(text);
  if (!result.ok) {
    const first = result.errors.slice(0, 3).map((e) => `${e.line ? `line ${e.line}` : (e.field ?? '')}: ${e.message}`);
    throw new Error(`seed ${ecosystem} listing is invalid (${first.join('; ')})`);
  }
  const { skipped, duplicatesCollapsed, warnings } = result.meta;
  const unexpectedSkips = Object.keys(skipped).filter((reason) => reason !== 'gpg-pubkey');
  if (unexpectedSkips.length > 0 || duplicatesCollapsed > 0 || warnings.length > 0) {
    throw new Error(
      `seed ${ecosystem} listing is not clean (skipped: ${unexpectedSkips.join(', ') || 'none'}; duplicates: ${duplicatesCollapsed}; ${warnings.join('; ')})`,
    );
  }
  return result.items;
}
