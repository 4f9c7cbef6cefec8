import { InventoryBuilder, splitLines } from './builder';
import { rpmEvr, sourceFromUpstream, splitNvr } from './purl';
import type { TParseResult } from './types';

/**
 * Architectures rpm builds for (rpmrc arch_canon plus src/nosrc). `rpm -qa` prints
 * NAME-VERSION-RELEASE.ARCH, and releases contain dots too ('284.11.1.el9_2'), so only a known
 * architecture after the last dot is taken as the arch; anything else is an error, not a guess.
 */
export const RPM_ARCHES = new Set([
  'noarch',
  'x86_64',
  'x86_64_v2',
  'x86_64_v3',
  'x86_64_v4',
  'i386',
  'i486',
  'i586',
  'i686',
  'athlon',
  'geode',
  'pentium3',
  'pentium4',
  'aarch64',
  'armv5tel',
  'armv6l',
  'armv6hl',
  'armv7l',
  'armv7hl',
  'armv7hnl',
  'armv8l',
  'armhfp',
  'ppc',
  'ppc64',
  'ppc64le',
  'ppc64p7',
  'ppc64pseries',
  'ppc64iseries',
  's390',
  's390x',
  'ia64',
  'alpha',
  'sparc',
  'sparcv9',
  'sparc64',
  'mips',
  'mipsel',
  'mips64',
  'mips64el',
  'riscv64',
  'loongarch64',
  'sw_64',
  'e2k',
  'm68k',
  'sh4',
  'src',
  'nosrc',
]);

/**
 * rpm -qa lists each imported signing key as a pseudo-package `gpg-pubkey-<keyid>-<date>` (no arch).
 * It is no software and no advisory names it, so it is skipped and counted (meta.skipped['gpg-pubkey']).
 * The AlmaLinux 9.2 corpus listing has none.
 */
const GPG_PUBKEY = 'gpg-pubkey';

/** NAME-[EPOCH:]VERSION-RELEASE.ARCH split apart; null when the line is not that shape. */
export function splitNevra(s: string): { name: string; version: string; release: string; arch: string | null } | null {
  const dot = s.lastIndexOf('.');
  const tail = dot > 0 ? s.slice(dot + 1) : '';
  const arch = RPM_ARCHES.has(tail) ? tail : null;
  const nvr = splitNvr(arch ? s.slice(0, dot) : s);
  return nvr ? { ...nvr, arch } : null;
}

const none = (v: string | undefined) => (v === undefined || v === '' || v === '(none)' ? null : v);

/**
 * `rpm -qa` (NAME-VERSION-RELEASE.ARCH per line, no epoch) or the tab-separated query format
 * `rpm -qa --qf '%{NAME}\t%{EPOCH}:%{VERSION}-%{RELEASE}\t%{ARCH}\t%{SOURCERPM}\n'` (arch and
 * source columns optional; `(none)` means absent). Versions are stored as [E:]V-R with a zero epoch
 * dropped. Several rows of one name and arch with different versions are all kept: rpm installs
 * kernels side by side (installonly packages), and each is a separately patchable package.
 */
export function parseRpmQa(text: string): TParseResult {
  const b = new InventoryBuilder();
  splitLines(text).forEach((raw, i) => {
    const line = i + 1;
    const row = raw.replace(/ +$/, '');
    if (row.trim() === '') return;
    if (row.includes('\t')) return parseTabRow(b, row, line);
    const nevra = splitNevra(row.trim());
    if (!nevra || /\s/.test(row.trim())) {
      return b.issue({ line, message: 'expected NAME-VERSION-RELEASE.ARCH (as printed by rpm -qa)' });
    }
    if (nevra.name === GPG_PUBKEY) return b.skip(GPG_PUBKEY);
    if (!nevra.arch) {
      const tail = row.slice(row.lastIndexOf('.') + 1);
      return b.issueAt({ line }, 'arch', `"${tail}" is not an rpm architecture; expected NAME-VERSION-RELEASE.ARCH`);
    }
    b.add(
      { ecosystem: 'rpm', name: nevra.name, version: rpmEvr(`${nevra.version}-${nevra.release}`), arch: nevra.arch, sourceName: null, sourceVersion: null },
      { line },
    );
  });
  return b.result('rpm-qa');
}

function parseTabRow(b: InventoryBuilder, row: string, line: number): void {
  const cols = row.split('\t');
  if (cols.length < 2 || cols.length > 4) {
    return b.issue({ line, message: `expected 2 to 4 tab-separated columns (NAME, [EPOCH:]VERSION-RELEASE[, ARCH[, SOURCERPM]]), found ${cols.length}` });
  }
  const [name, evrCol, archCol, sourceCol] = cols;
  if (name === GPG_PUBKEY) return b.skip(GPG_PUBKEY);
  // '%{EPOCH}:' prints '(none):' for packages without an epoch.
  const evr = evrCol.replace(/^\(none\):/, '');
  const epoch = /^(\d+):/.exec(evr)?.[1] ?? null;
  const sourceRpm = none(sourceCol);
  let source: { sourceName: string | null; sourceVersion: string | null } = { sourceName: null, sourceVersion: null };
  if (sourceRpm) {
    source = sourceFromUpstream('rpm', sourceRpm, epoch);
    // A source rpm and its binaries come from one spec file, so they share the epoch.
    if (!/\.(no)?src\.rpm$/.test(sourceRpm) || !source.sourceVersion) {
      return b.issueAt({ line }, 'sourcerpm', `"${sourceRpm}" is not a source rpm file name (NAME-VERSION-RELEASE.src.rpm)`);
    }
  }
  b.add({ ecosystem: 'rpm', name, version: rpmEvr(evr), arch: none(archCol), ...source }, { line });
}
