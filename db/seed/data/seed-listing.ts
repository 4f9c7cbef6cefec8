import type { TSoftwareItem } from '@/lib/domain/types';

/**
 * Parser for the demo seed's package listings (packages-*.ts). It reads exactly the two layouts the
 * seed is written in, so a typo in a hand-written list fails loudly with its line number:
 *
 * - deb: `dpkg-query -W -f='${Package}\t${Version}\t${Architecture}\t${source:Package}\t${source:Version}\n'`
 * - rpm: `rpm -qa --queryformat '%{NAME}\t%{EPOCH}:%{VERSION}-%{RELEASE}\t%{ARCH}\t%{SOURCERPM}\n'`
 *
 * It is not the inventory importer (that one accepts every real-world variant); it is a tiny
 * reader for text this project wrote itself.
 */
export type TSeedEcosystem = 'deb' | 'rpm';

const NONE = '(none)';
const VERSION_RE = /^[A-Za-z0-9.+~:_^-]+$/;

/**
 * One item per non-empty line. The source is kept only when it says something the binary does not
 * (another name, or another version): `sourceName`/`sourceVersion` are null when the package is
 * its own source at the same version, as TSoftwareItem documents.
 */
export function parseSeedListing(text: string, ecosystem: TSeedEcosystem): TSoftwareItem[] {
  const items: TSoftwareItem[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${ecosystem} listing line ${index + 1}`;
    const fields = line.split('\t');
    const item = ecosystem === 'deb' ? parseDpkgFields(fields, where) : parseRpmFields(fields, where);
    for (const value of [item.name, item.version, item.sourceName ?? '', item.sourceVersion ?? '']) {
      if (/\s/.test(value)) throw new Error(`${where}: whitespace inside "${value}"`);
    }
    items.push(item);
  });
  return items;
}

/** Builds an item, dropping a source that merely repeats the binary (versions compared without epoch). */
export function makeSoftwareItem(
  ecosystem: TSeedEcosystem,
  name: string,
  version: string,
  arch: string | null,
  sourceName: string | null,
  sourceVersion: string | null,
): TSoftwareItem {
  const sameSource = !sourceName || (sourceName === name && (!sourceVersion || stripEpoch(sourceVersion) === stripEpoch(version)));
  return {
    ecosystem,
    name,
    version,
    arch,
    sourceName: sameSource ? null : sourceName,
    sourceVersion: sameSource ? null : (sourceVersion ?? null),
  };
}

export function stripEpoch(version: string): string {
  const m = /^\d+:(.*)$/.exec(version);
  return m ? m[1] : version;
}

/** `1:` for `1:2.39.5-0+deb12u3`, empty for a version without epoch. */
export function epochPrefix(version: string): string {
  const m = /^(\d+:)/.exec(version);
  return m ? m[1] : '';
}

function parseDpkgFields(fields: string[], where: string): TSoftwareItem {
  if (fields.length !== 5) throw new Error(`${where}: expected 5 tab-separated fields, got ${fields.length}`);
  const [name, version, arch, source, sourceVersion] = fields;
  if (!/^[a-z0-9][a-z0-9+.-]+$/.test(name)) throw new Error(`${where}: bad package name "${name}"`);
  checkVersion(version, where);
  if (sourceVersion) checkVersion(sourceVersion, where);
  return makeSoftwareItem('deb', name, version, arch || null, source || null, sourceVersion || null);
}

function parseRpmFields(fields: string[], where: string): TSoftwareItem {
  if (fields.length !== 4) throw new Error(`${where}: expected 4 tab-separated fields, got ${fields.length}`);
  const [name, evr, arch, sourceRpm] = fields;
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.+-]*$/.test(name)) throw new Error(`${where}: bad package name "${name}"`);
  const colon = evr.indexOf(':');
  if (colon < 0) throw new Error(`${where}: expected EPOCH:VERSION-RELEASE, got "${evr}"`);
  const epoch = evr.slice(0, colon);
  const vr = evr.slice(colon + 1);
  if (epoch !== NONE && !/^\d+$/.test(epoch)) throw new Error(`${where}: bad epoch "${epoch}"`);
  checkVersion(vr, where);
  // rpm shows epoch 0 and "no epoch" alike in comparisons; the seed keeps only a non-zero epoch.
  const version = epoch === NONE || epoch === '0' ? vr : `${epoch}:${vr}`;
  const source = sourceRpm === NONE ? null : splitSourceRpm(sourceRpm, where);
  return makeSoftwareItem('rpm', name, version, arch === NONE ? null : arch, source?.name ?? null, source?.version ?? null);
}

/** `openssl-3.0.7-28.el9_4.src.rpm` -> { name: 'openssl', version: '3.0.7-28.el9_4' } (SRPM names carry no epoch). */
function splitSourceRpm(sourceRpm: string, where: string): { name: string; version: string } {
  const m = /^(.+)-([^-]+)-([^-]+)\.(?:no)?src\.rpm$/.exec(sourceRpm);
  if (!m) throw new Error(`${where}: bad SOURCERPM "${sourceRpm}"`);
  return { name: m[1], version: `${m[2]}-${m[3]}` };
}

function checkVersion(version: string, where: string): void {
  if (!VERSION_RE.test(version)) throw new Error(`${where}: bad version "${version}"`);
}
