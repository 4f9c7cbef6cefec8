/**
 * Test support for the version rules (imported by *.test.ts only): hand-written vectors in the
 * "a < b" notation of apk-tools' version.data, and the real version strings of the corpus.
 */
import YAML from 'yaml';
import { expect } from 'vitest';
import { listCorpus, readCorpus } from '@/lib/testing/corpus';
import type { TVersionScheme } from '../types';
import { compareKeys, versionKey } from '../version-key';
import { checkVersion, compareVersions, InvalidVersionError } from '../versions';

export type TVector = [a: string, op: '<' | '=' | '>', b: string];

/** One vector per line: `a op b`, op one of < = >; '#' starts a comment. */
export function vectors(text: string): TVector[] {
  return text
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean)
    .map((l) => {
      const m = /^(\S+)\s+([<=>])\s+(\S+)$/.exec(l);
      if (!m) throw new Error(`bad vector line: ${l}`);
      return [m[1], m[2] as TVector[1], m[3]];
    });
}

const SIGN = { '<': -1, '=': 0, '>': 1 } as const;

/** compareVersions gives the expected order both ways round, and the byte keys agree. */
export function expectOrder(scheme: TVersionScheme, [a, op, b]: TVector): void {
  const s = SIGN[op];
  expect(compareVersions(scheme, a, b), `${a} ${op} ${b}`).toBe(s);
  expect(compareVersions(scheme, b, a), `${b} vs ${a}`).toBe(s === 0 ? 0 : -s);
  expect(compareKeys(versionKey(scheme, a), versionKey(scheme, b)), `keys of ${a} ${op} ${b}`).toBe(s);
}

/** Refused with a reason by every entry point. */
export function expectInvalid(scheme: TVersionScheme, v: string): string {
  const r = checkVersion(scheme, v);
  expect(r.ok, `${JSON.stringify(v)} should be refused`).toBe(false);
  const reason = r.ok ? '' : r.reason;
  expect(reason.length).toBeGreaterThan(3);
  expect(() => compareVersions(scheme, v, v)).toThrow(InvalidVersionError);
  expect(() => versionKey(scheme, v)).toThrow(InvalidVersionError);
  return reason;
}

/** Every scalar stays a string: the default schema would read a version such as 3.10 as the float 3.1. */
const parseYaml = (text: string): unknown => YAML.parse(text, { schema: 'failsafe' });

type TOsvRange = { type?: string; events?: Record<string, string>[] };
type TOsvDoc = { affected?: { package?: { ecosystem?: string }; ranges?: TOsvRange[]; versions?: string[] }[] };

/**
 * Every version an OSV folder names: range events (not GIT ranges, not the "0" sentinel) and
 * `versions` lists, optionally only for packages of the given ecosystems.
 */
function osvVersions(folder: string, ecosystems?: string[]): string[] {
  const out: string[] = [];
  for (const rel of listCorpus(folder, (f) => /\.(json|ya?ml)$/.test(f))) {
    const text = readCorpus(rel);
    const doc = (rel.endsWith('.json') ? JSON.parse(text) : parseYaml(text)) as TOsvDoc;
    for (const a of doc.affected ?? []) {
      if (ecosystems && !ecosystems.includes(a.package?.ecosystem ?? '')) continue;
      for (const r of a.ranges ?? []) {
        if (r.type === 'GIT') continue;
        for (const e of r.events ?? []) {
          for (const k of ['introduced', 'fixed', 'last_affected', 'limit']) if (e[k] !== undefined && e[k] !== '0') out.push(String(e[k]));
        }
      }
      out.push(...(a.versions ?? []).map(String));
    }
  }
  return out;
}

const lines = (rel: string) =>
  readCorpus(rel)
    .split('\n')
    .filter((l) => l.trim() !== '');

/** The distinct real version strings of the corpus, per scheme. */
export function corpusVersions(): Record<TVersionScheme, string[]> {
  const deb: string[] = [];
  for (const l of lines('inventories/debian-12-dpkg-query-W.tsv')) deb.push(l.split('\t')[1]);
  for (const l of lines('inventories/debian-12-dpkg-query-W-source.tsv')) {
    const f = l.split('\t');
    deb.push(f[1], f[4]);
  }
  // NAME-VERSION-RELEASE.ARCH: drop the arch, then keep the last two '-' fields.
  const rpm = lines('inventories/almalinux-9.2-rpm-qa.txt').map((l) => {
    const nvr = l.trim().slice(0, l.trim().lastIndexOf('.'));
    return nvr.split('-').slice(-2).join('-');
  });
  rpm.push(...osvVersions('osv/almalinux'), ...osvVersions('osv/rocky'), ...osvVersions('osv/redhat'));
  const secdb = parseYaml(readCorpus('osv/alpine/alpine-secdb-v3.11-main.yaml')) as { packages: { pkg: { secfixes?: Record<string, unknown> } }[] };
  const apk = secdb.packages.flatMap((p) => Object.keys(p.pkg.secfixes ?? {}));
  const uniq = (xs: string[]) => [...new Set(xs.filter(Boolean))];
  // Debian and Ubuntu OSV records add security-update versions (+deb12u1, ubuntu0.22.04.1, ~esm1).
  deb.push(...osvVersions('osv/debian'), ...osvVersions('osv/ubuntu'));
  return {
    deb: uniq(deb),
    rpm: uniq(rpm),
    semver: uniq([...osvVersions('osv/npm'), ...osvVersions('osv/go')]),
    pypi: uniq(osvVersions('osv/pypi')),
    apk: uniq(apk),
    // Maven and NuGet, whose packages fall back to the generic scheme.
    generic: uniq(osvVersions('osv/ghsa', ['Maven', 'NuGet'])),
  };
}
