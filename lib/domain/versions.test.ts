import { describe, expect, it } from 'vitest';
import { VERSION_SCHEMES, type TVersionScheme } from './types';
import { tryVersionKey, versionKey } from './version-key';
import {
  checkVersion,
  compareParsed,
  compareVersions,
  InvalidVersionError,
  isValidVersion,
  parseVersion,
  parseVersionOrThrow,
  VERSION_RULES,
} from './versions';

describe('compareVersions', () => {
  it('has rules for every scheme', () => {
    expect(Object.keys(VERSION_RULES).sort()).toEqual([...VERSION_SCHEMES].sort());
  });

  it('returns exactly -1, 0 or 1', () => {
    expect(compareVersions('deb', '1.0', '1.10')).toBe(-1); // verrevcmp itself would return -1 here
    expect(compareVersions('deb', '1.0a', '1.0')).toBe(1); // and 97 here
    expect(compareVersions('semver', '1.0.0', '1.0.0+x')).toBe(0);
  });

  it('throws InvalidVersionError, naming the scheme, the version and the reason', () => {
    let caught: unknown;
    try {
      compareVersions('deb', '1.0', '<unfixed>');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InvalidVersionError);
    const e = caught as InvalidVersionError;
    expect([e.scheme, e.version]).toEqual(['deb', '<unfixed>']);
    expect(e.reason).toMatch(/does not start with a digit/);
    expect(e.message).toBe('Invalid deb version "<unfixed>": upstream version does not start with a digit');
  });

  it('never orders an invalid version, whichever side it is on', () => {
    for (const scheme of VERSION_SCHEMES) {
      expect(() => compareVersions(scheme, 'not a version', '1.0')).toThrow(InvalidVersionError);
      expect(() => compareVersions(scheme, '1.0', 'not a version')).toThrow(InvalidVersionError);
    }
  });

  it('refuses an unknown scheme loudly', () => {
    expect(() => compareVersions('maven' as TVersionScheme, '1', '2')).toThrow(/Unknown version scheme "maven"/);
  });
});

describe('parseVersion / checkVersion / isValidVersion', () => {
  it('keeps the scheme and the raw string with the parsed form', () => {
    const r = parseVersion('rpm', '2:1.34-6.el9_1');
    expect(r).toEqual({ ok: true, version: { scheme: 'rpm', raw: '2:1.34-6.el9_1', value: { epoch: '2', version: '1.34', release: '6.el9_1' } } });
  });

  it('reports the reason for a refused version', () => {
    expect(checkVersion('semver', '1.2.3')).toEqual({ ok: true });
    expect(checkVersion('semver', '1.2.x')).toEqual({ ok: false, reason: '"x" is not a number' });
    expect(isValidVersion('apk', '1.0-r0')).toBe(true);
    expect(isValidVersion('apk', '1.0-1')).toBe(false);
  });

  it('judges a string by its scheme', () => {
    expect(isValidVersion('deb', '1.0-1ubuntu1')).toBe(true);
    expect(isValidVersion('apk', '1.0-1ubuntu1')).toBe(false);
    expect(isValidVersion('semver', '1.0.0-rc.1')).toBe(true);
    expect(isValidVersion('rpm', '1.0.0-rc.1')).toBe(true);
    expect(isValidVersion('pypi', '1.0.0-rc.1')).toBe(true);
  });

  it('reports a value that is not a string (untyped JSON) instead of crashing', () => {
    expect(checkVersion('deb', null as unknown as string)).toEqual({ ok: false, reason: 'not a string' });
    expect(checkVersion('pypi', 3 as unknown as string)).toEqual({ ok: false, reason: 'not a string' });
  });

  it('refuses over-long strings in every scheme', () => {
    for (const scheme of VERSION_SCHEMES) expect(isValidVersion(scheme, `1.${'1'.repeat(300)}`), scheme).toBe(false);
  });
});

describe('compareParsed', () => {
  it('compares parsed versions without re-parsing', () => {
    expect(compareParsed(parseVersionOrThrow('pypi', '1.0rc1'), parseVersionOrThrow('pypi', '1.0'))).toBe(-1);
  });

  it('refuses to compare versions of different schemes', () => {
    expect(() => compareParsed(parseVersionOrThrow('deb', '1.0'), parseVersionOrThrow('rpm', '1.0'))).toThrow(
      /Cannot compare a deb version with a rpm version/,
    );
  });
});

describe('tryVersionKey', () => {
  it('returns the key, or the reason instead of throwing', () => {
    expect(tryVersionKey('deb', '1.0')).toEqual({ ok: true, key: versionKey('deb', '1.0') });
    expect(tryVersionKey('deb', '1.0 ')).toEqual({ ok: false, reason: 'contains whitespace' });
  });
});
