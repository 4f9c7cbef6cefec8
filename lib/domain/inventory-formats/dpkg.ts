import { InventoryBuilder, splitLines } from './builder';
import type { TParseResult } from './types';

/**
 * Which dpkg states count as installed software. We keep every state in which the package's files
 * are on disk — installed (`ii`, `hi`), but also unpacked-not-configured (`iU`), half-configured
 * (`iF`) and trigger-pending (`iW`, `it`): the vulnerable binary is present either way. Skipped
 * (and counted in meta.skipped): config-files only (`rc`), not-installed (`un`, `pn`) and
 * half-installed (`iH`, an interrupted unpack whose contents are unknown).
 * The corpus listings (Debian 12, 825 packages) are all `ii`.
 */
const ON_DISK_ABBREV = new Set(['i', 'U', 'F', 'W', 't']);
const ON_DISK_WORD = new Set(['installed', 'unpacked', 'half-configured', 'triggers-awaited', 'triggers-pending']);

/** `db:Status-Abbrev` ('ii ', 'rc ', 'iUR') or `Status` ('install ok installed'). */
const ABBREV = /^[uihrp][ncHUFWti]R?$/;

/** Whether a status column means "files on disk"; null when the value is not a dpkg status at all. */
export function isDpkgStatusOnDisk(status: string): boolean | null {
  const s = status.trim();
  if (ABBREV.test(s)) return ON_DISK_ABBREV.has(s[1]);
  const words = s.split(/\s+/);
  if (words.length === 3 && /^(unknown|install|hold|deinstall|purge)$/.test(words[0])) return ON_DISK_WORD.has(words[2]);
  return null;
}

/** Package name without a multi-arch qualifier ('libc6:amd64' -> libc6, amd64). Names cannot contain ':'. */
function splitArchQualifier(raw: string): { name: string; arch: string | null } {
  const colon = raw.indexOf(':');
  return colon < 0 ? { name: raw, arch: null } : { name: raw.slice(0, colon), arch: raw.slice(colon + 1) || null };
}

/** `${source:Package}` is a plain name; the raw `${Source}` field is 'name (version)' when versions differ. */
function splitSource(raw: string): { name: string; version: string | null } {
  const m = /^(\S+)\s+\((\S+)\)$/.exec(raw.trim());
  return m ? { name: m[1], version: m[2] } : { name: raw.trim(), version: null };
}

const COLUMNS = 'Package, Version[, Architecture[, source:Package[, source:Version[, db:Status-Abbrev]]]]';

/**
 * `dpkg-query -W` output: tab-separated `name version [arch [source [sourceVersion [status]]]]`.
 * A source column that is present but empty means source = binary (name and version), so a listing
 * that states sources has both source fields set on every row; without the column they stay null.
 */
export function parseDpkgQuery(text: string): TParseResult {
  const b = new InventoryBuilder();
  splitLines(text).forEach((raw, i) => {
    const line = i + 1;
    // Only trailing spaces go: the status abbreviation ends in one, while tabs separate (maybe empty) columns.
    const row = raw.replace(/ +$/, '');
    if (row.trim() === '') return;
    const cols = row.split('\t');
    if (cols.length < 2 || cols.length > 6) {
      b.issue({ line, message: `expected 2 to 6 tab-separated columns (${COLUMNS}), found ${cols.length}` });
      return;
    }
    const [rawName, version, archCol, sourceCol, sourceVersionCol, statusCol] = cols;
    if (statusCol !== undefined) {
      const onDisk = isDpkgStatusOnDisk(statusCol);
      if (onDisk === null) return b.issueAt({ line }, 'status', `"${statusCol.trim()}" is not a dpkg status (e.g. "ii ")`);
      if (!onDisk) return b.skip(`status ${statusCol.trim()}`);
    }
    const { name, arch: qualifierArch } = splitArchQualifier(rawName);
    const source = sourceCol === undefined ? null : splitSource(sourceCol);
    b.add(
      {
        ecosystem: 'deb',
        name,
        version,
        arch: archCol || qualifierArch,
        sourceName: source ? source.name || name : null,
        sourceVersion: source ? sourceVersionCol || source.version || version : null,
      },
      { line },
    );
  });
  return b.result('dpkg-query');
}

/** Header lines of `dpkg -l`: the legend, the column titles and the `+++-====` rule. */
const DPKG_L_HEADER = /^(Desired=|\| |\|\/|\|\|\/|\+\+\+-)/;

/**
 * `dpkg -l` table: a status of 2–3 letters, then name, version, architecture and a free-text
 * description, separated by runs of spaces. dpkg before 1.16.2 printed no Architecture column;
 * the `||/ Name Version …` title line tells which layout a file has (with it absent: the modern one).
 */
export function parseDpkgL(text: string): TParseResult {
  const b = new InventoryBuilder();
  let hasArch = true;
  splitLines(text).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    if (DPKG_L_HEADER.test(raw)) {
      if (raw.startsWith('||/')) hasArch = /\bArchitecture\b/i.test(raw);
      return;
    }
    const m = /^([a-zA-Z]{2})([ R])\s*(\S+)\s+(\S+)(?:\s+(\S+))?/.exec(raw);
    if (!m) return b.issue({ line, message: 'expected a package row ("ii  name  version  arch  description") or a dpkg -l header line' });
    const status = m[1] + (m[2] === 'R' ? 'R' : '');
    const onDisk = isDpkgStatusOnDisk(status);
    if (onDisk === null) return b.issueAt({ line }, 'status', `"${status}" is not a dpkg status (e.g. "ii")`);
    if (!onDisk) return b.skip(`status ${status}`);
    if (hasArch && !m[5]) return b.issueAt({ line }, 'arch', 'architecture column is missing');
    const { name, arch: qualifierArch } = splitArchQualifier(m[3]);
    b.add({ ecosystem: 'deb', name, version: m[4], arch: hasArch ? m[5] : qualifierArch, sourceName: null, sourceVersion: null }, { line });
  });
  return b.result('dpkg-l', 'no package rows found');
}
