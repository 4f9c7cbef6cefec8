import type { TPackageEcosystem } from '../types';
import { parseCsv } from './csv';
import { parseCycloneDx } from './cyclonedx';
import { parseDpkgL, parseDpkgQuery } from './dpkg';
import { parseRpmQa, RPM_ARCHES, splitNevra } from './rpm';
import { parseSpdx } from './spdx';
import { INVENTORY_FORMATS, MAX_INVENTORY_BYTES, type TInventoryFormat, type TParseResult } from './types';

export { INVENTORY_FORMATS, MAX_INVENTORY_BYTES, type TInventoryFormat, type TParseResult } from './types';

/** Lines looked at when sniffing a text listing; enough to outvote a few odd rows. */
const SAMPLE_LINES = 50;

const DEB_ARCHES = new Set(['all', 'amd64', 'arm64', 'armel', 'armhf', 'i386', 'mips64el', 'mipsel', 'ppc64el', 's390x', 'riscv64', 'loong64']);

function sampleLines(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  while (out.length < SAMPLE_LINES && from < text.length) {
    const nl = text.indexOf('\n', from);
    const line = text.slice(from, nl < 0 ? text.length : nl).replace(/\r$/, '');
    if (line.trim()) out.push(line);
    from = nl < 0 ? text.length : nl + 1;
  }
  return out;
}

/**
 * Guesses the format from the content (and the file name where content alone cannot tell), or null.
 * JSON documents are told apart by `bomFormat` / `spdxVersion`. Tab-separated `name version arch`
 * is the same shape in dpkg-query and rpm --qf output, so the architectures vote (amd64/all vs
 * x86_64/noarch); without an arch column `defaultEcosystem: 'rpm'` picks rpm, otherwise dpkg.
 */
export function detectFormat(text: string, filename?: string, defaultEcosystem?: TPackageEcosystem): TInventoryFormat | null {
  const body = text.replace(/^\uFEFF/, '');
  const first = body.trimStart()[0];
  const file = filename?.toLowerCase() ?? '';
  if (first === '{') {
    if (/"bomFormat"\s*:/.test(body)) return 'cyclonedx';
    if (/"spdxVersion"\s*:/.test(body)) return 'spdx';
    if (file.endsWith('.spdx.json')) return 'spdx';
    if (/(\.cdx\.json|bom\.json)$/.test(file)) return 'cyclonedx';
    return null;
  }
  const lines = sampleLines(body);
  if (lines.length === 0) return null;
  const headerCells = lines[0]
    .toLowerCase()
    .split(/[,;]/)
    .map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  if (file.endsWith('.csv') || ['ecosystem', 'name', 'version'].every((c) => headerCells.includes(c))) return 'csv';
  if (lines.some((l) => /^(Desired=|\|\|\/|\+\+\+-)/.test(l))) return 'dpkg-l';

  const tabbed = lines.filter((l) => l.includes('\t'));
  if (tabbed.length > lines.length / 2) {
    let deb = 0;
    let rpm = 0;
    for (const l of tabbed) {
      const arch = l.split('\t')[2]?.trim();
      if (arch === undefined) continue;
      if (RPM_ARCHES.has(arch) && !DEB_ARCHES.has(arch)) rpm++;
      else if (DEB_ARCHES.has(arch) && !RPM_ARCHES.has(arch)) deb++;
    }
    if (rpm > deb) return 'rpm-qa';
    if (deb > rpm) return 'dpkg-query';
    return defaultEcosystem === 'rpm' ? 'rpm-qa' : 'dpkg-query';
  }
  const nevra = lines.filter((l) => !/\s/.test(l.trim()) && splitNevra(l.trim())?.arch).length;
  if (nevra > lines.length / 2) return 'rpm-qa';
  if (lines.filter((l) => /^[uihrp][ncHUFWti][ R]\s*\S+\s+\S+/.test(l)).length > lines.length / 2) return 'dpkg-l';
  return null;
}

function byteLengthOver(text: string, max: number): boolean {
  // UTF-8 needs at least one byte per UTF-16 unit and at most three, so most texts need no encoding pass.
  if (text.length > max) return true;
  if (text.length * 3 <= max) return false;
  return new TextEncoder().encode(text).byteLength > max;
}

export type TParseInventoryOptions = {
  format?: TInventoryFormat | 'auto';
  filename?: string;
  /** For SBOM components without a usable purl, and to break the dpkg/rpm tie of two-column listings. */
  defaultEcosystem?: TPackageEcosystem;
};

/**
 * Parses a listing in the given format (or the detected one, for 'auto'). All-or-nothing: any
 * problem returns only errors, each naming the line or JSON field.
 */
export function parseInventory(text: string, opts: TParseInventoryOptions = {}): TParseResult {
  if (byteLengthOver(text, MAX_INVENTORY_BYTES)) {
    return { ok: false, errors: [{ message: `the listing is larger than ${MAX_INVENTORY_BYTES / 1048576} MB` }] };
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') return { ok: false, errors: [{ message: 'the file is empty' }] };
  const format = opts.format && opts.format !== 'auto' ? opts.format : detectFormat(text, opts.filename, opts.defaultEcosystem);
  if (!format) {
    return { ok: false, errors: [{ message: `could not recognise the format; choose one of ${INVENTORY_FORMATS.join(', ')}` }] };
  }
  const sbom = { defaultEcosystem: opts.defaultEcosystem };
  switch (format) {
    case 'dpkg-query':
      return parseDpkgQuery(text);
    case 'dpkg-l':
      return parseDpkgL(text);
    case 'rpm-qa':
      return parseRpmQa(text);
    case 'cyclonedx':
      return parseCycloneDx(text, sbom);
    case 'spdx':
      return parseSpdx(text, sbom);
    case 'csv':
      return parseCsv(text);
    default: {
      const unreachable: never = format;
      return { ok: false, errors: [{ message: `unsupported format ${String(unreachable)}` }] };
    }
  }
}
