import { describe, expect, it } from 'vitest';
import { describeCorpus } from '@/lib/testing/corpus';
import { VERSION_SCHEMES, type TVersionScheme } from './types';
import { compareKeys, keyToHex, parsedVersionKey, versionKey } from './version-key';
import { checkVersion, compareParsed, compareVersions, parseVersionOrThrow } from './versions';
import { corpusVersions } from './versions/testing';

/**
 * The contract: on every pair, key order is version order; and sorting by key is sorting by
 * version. Checked on all pairs, so a failure names the first offending pair.
 */
function expectKeysAgree(scheme: TVersionScheme, versions: string[]): number {
  const parsed = versions.map((v) => parseVersionOrThrow(scheme, v));
  const keys = parsed.map(parsedVersionKey);
  let pairs = 0;
  for (let i = 0; i < parsed.length; i++) {
    for (let j = i; j < parsed.length; j++) {
      const byVersion = compareParsed(parsed[i], parsed[j]);
      const byKey = compareKeys(keys[i], keys[j]);
      if (byVersion !== byKey) {
        expect.fail(`${scheme}: ${versions[i]} vs ${versions[j]}: compareVersions ${byVersion}, keys ${byKey} (${keyToHex(keys[i])} / ${keyToHex(keys[j])})`);
      }
      pairs++;
    }
  }
  const idx = versions.map((_, i) => i);
  const byVersion = [...idx].sort((i, j) => compareParsed(parsed[i], parsed[j]) || i - j);
  const byKey = [...idx].sort((i, j) => compareKeys(keys[i], keys[j]) || i - j);
  expect(byKey.map((i) => versions[i])).toEqual(byVersion.map((i) => versions[i]));
  return pairs;
}

describe('compareKeys', () => {
  const k = (...b: number[]) => Uint8Array.from(b);

  it('is memcmp, then the shorter key first — PostgreSQL bytea order', () => {
    expect(compareKeys(k(1, 2, 3), k(1, 2, 3))).toBe(0);
    expect(compareKeys(k(1, 2), k(1, 2, 0))).toBe(-1);
    expect(compareKeys(k(1, 3), k(1, 2, 9))).toBe(1);
    expect(compareKeys(k(0x7f), k(0x80))).toBe(-1); // unsigned bytes
    expect(compareKeys(k(), k(0))).toBe(-1);
  });

  it('prints keys as hex', () => {
    expect(keyToHex(k(0, 15, 255))).toBe('000fff');
  });
});

describe('versionKey', () => {
  it('gives equal versions equal keys in every scheme', () => {
    const equal: [TVersionScheme, string, string][] = [
      ['deb', '1.0', '1.00'],
      ['deb', '1.0', '0:1.0-0'],
      ['rpm', '1.01', '1.1'],
      ['rpm', '0:1.0-1', '1.0-1'],
      ['semver', 'v1.2.3+build', '1.2.3'],
      ['apk', '01.2-r01', '1.2-r1'],
      ['pypi', '1.0', '1.0.0'],
      ['pypi', '1.0c1', '1.0rc1'],
      ['generic', '4.0.0.Final', '4'],
    ];
    for (const [scheme, a, b] of equal) {
      expect(compareVersions(scheme, a, b), `${scheme} ${a} = ${b}`).toBe(0);
      expect(keyToHex(versionKey(scheme, a)), `${scheme} keys of ${a} and ${b}`).toBe(keyToHex(versionKey(scheme, b)));
    }
  });

  it('refuses invalid versions instead of inventing a key', () => {
    expect(() => versionKey('deb', 'unknown')).toThrow(/Invalid deb version "unknown"/);
    expect(() => versionKey('rpm', '')).toThrow(/empty/);
  });
});

/** A small deterministic PRNG (mulberry32), so a failing random case can be reproduced. */
function rng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const many = (min: number, max: number, f: () => string, sep = '') => Array.from({ length: min + Math.floor(next() * (max - min + 1)) }, f).join(sep);
  return { next, pick, many };
}

/** Random strings dense in the characters each scheme treats specially, to hit encoding edges. */
function randomVersions(scheme: TVersionScheme, count: number): string[] {
  const r = rng(0x5eed + scheme.length * 7919 + scheme.charCodeAt(0));
  const num = () => r.pick(['0', '1', '2', '9', '10', '00', '01', '011', '100']);
  const gen: Record<TVersionScheme, () => string> = {
    deb: () =>
      `${r.pick(['', '', '1:', '0:', '2:'])}${num()}${r.many(0, 6, () => r.pick(['0', '1', '2', '10', '.', '.', '~', '~', '+', 'a', 'b', 'Z', '-', ':']))}`,
    rpm: () =>
      `${r.pick(['', '', '1:', '0:'])}${r.many(1, 7, () => r.pick(['0', '1', '2', '10', '01', '.', '_', '~', '^', 'a', 'b', 'Z']))}${r.pick(['', '-1', '-1.el9', '-1~rc', '-0^a'])}`,
    semver: () =>
      `${r.pick(['', 'v'])}${r.many(3, 3, () => r.pick(['0', '1', '2', '10']), '.')}${r.pick(['', '', `-${r.many(1, 3, () => r.pick(['0', '1', '2', '11', 'a', 'alpha', 'A', 'a-b', '-']), '.')}`])}${r.pick(['', '', '+b.1'])}`,
    apk: () =>
      `${num()}${r.many(0, 3, () => `.${num()}`)}${r.pick(['', '', 'a', 'z'])}${r.many(0, 2, () => `_${r.pick(['alpha', 'beta', 'pre', 'rc', 'cvs', 'svn', 'git', 'hg', 'p'])}${r.pick(['', '0', '1', '01', '2'])}`)}${r.pick(['', '', '~0a', '~a0', '~A'])}${r.pick(['', '-r0', '-r1', '-r01', '-r10'])}`,
    pypi: () =>
      `${r.pick(['', '', '1!', '0!'])}${num()}${r.many(0, 3, () => `.${num()}`)}${r.pick(['', '', 'a', 'b1', 'rc2', '.c', '-alpha.0', 'pre1'])}${r.pick(['', '', '.post1', '-1', 'r', '.post0'])}${r.pick(['', '', '.dev0', 'dev2', '-dev'])}${r.pick(['', '', '+abc', '+1', '+abc.2', '+2.abc', '+ABC-01'])}`,
    generic: () =>
      `${r.pick(['', 'v'])}${num()}${r.many(0, 5, () => `${r.pick(['.', '-', '_', '', ''])}${r.pick(['0', '1', '2', '10', 'beta', 'b', 'a', 'rc', 'cr', 'final', 'ga', 'sp', 'snapshot', 'dev', 'm', 'u', 'k', 'x'])}`)}`,
  };
  const out = new Set<string>();
  for (let tries = 0; out.size < count && tries < count * 20; tries++) {
    const v = gen[scheme]();
    if (checkVersion(scheme, v).ok) out.add(v);
  }
  return [...out];
}

describe('key order equals version order on generated versions', () => {
  it.each(VERSION_SCHEMES)('%s', (scheme) => {
    const versions = randomVersions(scheme, 600);
    expect(versions.length).toBeGreaterThan(500);
    expectKeysAgree(scheme, versions);
  });
});

describeCorpus('key order equals version order on the real corpus', () => {
  const corpus = corpusVersions();

  // Versions the corpus holds that the scheme's own tool would refuse too: reported, not ordered.
  const KNOWN_INVALID: Partial<Record<TVersionScheme, string[]>> = {
    // Typos in Alpine's v3.11 secdb: "p1" needs "_p1", and "-33" / "-1-r1" are not -rN revisions.
    apk: ['6.6.2p1-r0', '2.7.16-33', '4.10-1-r1'],
  };

  it.each(VERSION_SCHEMES)('%s', (scheme) => {
    const all = corpus[scheme];
    const invalid = all.filter((v) => !checkVersion(scheme, v).ok);
    expect(invalid).toEqual(KNOWN_INVALID[scheme] ?? []);
    const valid = all.filter((v) => !invalid.includes(v));
    expect(valid.length).toBeGreaterThan({ deb: 400, rpm: 800, semver: 60, apk: 400, pypi: 1000, generic: 90 }[scheme]);
    const pairs = expectKeysAgree(scheme, valid);
    expect(pairs).toBe((valid.length * (valid.length + 1)) / 2);
  });

  it('orders the corpus cases the applicability engine depends on', () => {
    // Installed tar-1.34-6.el9_1 (no epoch in rpm -qa) is below the fix 2:1.34-6.el9_1.
    expect(compareVersions('rpm', '1.34-6.el9_1', '2:1.34-6.el9_1')).toBe(-1);
    expect(compareVersions('rpm', '7.76.1-23.el9', '7.76.1-23.el9_2.1')).toBe(-1);
    expect(compareVersions('deb', '1.2.1-2.2+wheezy3', '1.2.1-2.2+wheezy2')).toBe(1);
    expect(compareVersions('apk', '1.0.2q-r0', '1.0.2p-r0')).toBe(1);
    expect(compareVersions('semver', '1.22.5', '1.22.0-0')).toBe(1);
    expect(compareVersions('pypi', '2.31.0', '2.31')).toBe(0);
  });

  it('sorts each corpus through the string API the same way', () => {
    for (const scheme of VERSION_SCHEMES) {
      const valid = corpus[scheme].filter((v) => checkVersion(scheme, v).ok);
      const sorted = [...valid].sort((a, b) => compareVersions(scheme, a, b));
      for (let i = 1; i < sorted.length; i++) {
        expect(compareKeys(versionKey(scheme, sorted[i - 1]), versionKey(scheme, sorted[i])), `${sorted[i - 1]} ≤ ${sorted[i]}`).toBeLessThanOrEqual(0);
      }
    }
  });
});
