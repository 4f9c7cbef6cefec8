import { parse as parseYaml } from 'yaml';
import type { TEpssRecord, TKevRecord, TPatchDraft } from '@/lib/domain/patch';
import { transformAlpineSecdb } from './alpine-secdb/transform';
import { stripBom } from './common';
import { transformCsaf } from './csaf/transform';
import { transformCvrf } from './cvrf/transform';
import { DSA_HEADER, transformDebianAdvisoryList } from './debian-tracker/dsa-list';
import { transformDebianTracker } from './debian-tracker/transform';
import { transformEpss } from './epss/transform';
import { transformKev } from './kev/transform';
import { transformOsv } from './osv/transform';

export const ADVISORY_FORMATS = ['csaf', 'osv', 'cvrf', 'kev', 'epss', 'debian-tracker', 'debian-dsa-list', 'alpine-secdb'] as const;
export type TAdvisoryFormat = (typeof ADVISORY_FORMATS)[number];

export type TAdvisoryImport =
  | { ok: true; kind: Exclude<TAdvisoryFormat, 'kev' | 'epss'>; drafts: TPatchDraft[]; warnings: string[] }
  | { ok: true; kind: 'kev'; drafts: []; kev: { catalogVersion: string; dateReleased: string; records: TKevRecord[] }; warnings: string[] }
  | { ok: true; kind: 'epss'; drafts: []; epss: { modelVersion: string | null; scoreDate: string | null; records: TEpssRecord[] }; warnings: string[] }
  | { ok: false; reason: string; field?: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function detectStructured(value: unknown): TAdvisoryFormat | null {
  if (!isObject(value)) return null;
  if (isObject(value.document) && 'csaf_version' in value.document) return 'csaf';
  if (typeof value.catalogVersion === 'string' && Array.isArray(value.vulnerabilities)) return 'kev';
  if (typeof value.id === 'string' && ('affected' in value || 'modified' in value)) return 'osv';
  if ('distroversion' in value && Array.isArray(value.packages)) return 'alpine-secdb';
  // Tracker JSON: { "<source package>": { "CVE-…": { "releases": … } } }
  const first = Object.values(value)[0];
  if (isObject(first)) {
    const issue = Object.values(first)[0];
    if (isObject(issue) && 'releases' in issue) return 'debian-tracker';
  }
  return null;
}

/**
 * Which advisory format a file is, from its content (the filename only breaks ties: .yaml/.csv/.xml).
 * Null when it is none of them — a JSON schema, an OVAL file, an SBOM.
 */
export function detectAdvisoryFormat(text: string, filename = ''): TAdvisoryFormat | null {
  const body = stripBom(text).trimStart();
  if (body.startsWith('<')) return /<(?:\w+:)?cvrfdoc[\s>]/.test(body.slice(0, 4000)) ? 'cvrf' : null;
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  if (DSA_HEADER.test(firstLine)) return 'debian-dsa-list';
  if (body.startsWith('{') || body.startsWith('[')) {
    try {
      return detectStructured(JSON.parse(body));
    } catch {
      return null;
    }
  }
  const header = (firstLine.startsWith('#') ? (body.split(/\r?\n/, 2)[1] ?? '') : firstLine).toLowerCase();
  if (/\.csv$/i.test(filename) || /(^|,)cve(,|$)/.test(header)) return /(^|,)epss(,|$)/.test(header) ? 'epss' : null;
  if (/\.ya?ml$/i.test(filename) || /^(---|[\w-]+:)/.test(body)) {
    try {
      return detectStructured(parseYaml(body, { schema: 'failsafe' }));
    } catch {
      return null;
    }
  }
  return null;
}

/** Detects the format and runs its transform. Never throws: bad input comes back as { ok: false, reason }. */
export function transformAdvisory(text: string, filename = ''): TAdvisoryImport {
  try {
    const kind = detectAdvisoryFormat(text, filename);
    switch (kind) {
      case null:
        return { ok: false, reason: `unrecognised format${filename ? ` (${filename})` : ''}: not CSAF, OSV, CVRF, KEV, EPSS, Debian tracker or Alpine secdb` };
      case 'kev': {
        const r = transformKev(text);
        return r.ok
          ? { ok: true, kind, drafts: [], kev: { catalogVersion: r.catalogVersion, dateReleased: r.dateReleased, records: r.records }, warnings: r.warnings }
          : r;
      }
      case 'epss': {
        const r = transformEpss(text);
        return r.ok
          ? { ok: true, kind, drafts: [], epss: { modelVersion: r.modelVersion, scoreDate: r.scoreDate, records: r.records }, warnings: r.warnings }
          : r;
      }
      default: {
        const r = runPatchTransform(kind, text, filename);
        return r.ok ? { ok: true, kind, drafts: r.drafts, warnings: r.warnings } : r;
      }
    }
  } catch (e) {
    // A transform bug must not take the import down; report it like bad input, with the cause.
    return { ok: false, reason: `could not be read: ${(e as Error).message}` };
  }
}

function runPatchTransform(kind: Exclude<TAdvisoryFormat, 'kev' | 'epss'>, text: string, filename: string) {
  switch (kind) {
    case 'csaf':
      return transformCsaf(text);
    case 'osv':
      return transformOsv(text, filename);
    case 'cvrf':
      return transformCvrf(text);
    case 'debian-tracker':
      return transformDebianTracker(text);
    case 'debian-dsa-list':
      return transformDebianAdvisoryList(text);
    case 'alpine-secdb':
      return transformAlpineSecdb(text);
    default: {
      const never: never = kind;
      throw new Error(`no transform for ${String(never)}`);
    }
  }
}
