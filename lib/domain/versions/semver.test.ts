import { describe, expect, it } from 'vitest';
import { versionKey } from '../version-key';
import { parseVersion } from '../versions';
import { expectInvalid, expectOrder, vectors } from './testing';

const ORDER = vectors(`
  # semver.org §11, the example chain
  1.0.0-alpha < 1.0.0-alpha.1
  1.0.0-alpha.1 < 1.0.0-alpha.beta
  1.0.0-alpha.beta < 1.0.0-beta
  1.0.0-beta < 1.0.0-beta.2
  1.0.0-beta.2 < 1.0.0-beta.11       # numeric identifiers numerically
  1.0.0-beta.11 < 1.0.0-rc.1
  1.0.0-rc.1 < 1.0.0
  1.0.0 < 2.0.0
  2.0.0 < 2.1.0
  2.1.0 < 2.1.1
  1.9.0 < 1.10.0
  1.0.0-1 < 1.0.0-a                  # numeric below alphanumeric
  1.0.0-a < 1.0.0-a.0
  1.0.0-A < 1.0.0-a                  # ASCII order
  1.0.0-x.y < 1.0.0-x-y              # "x-y" is one identifier, longer than "x"
  1.0.0-0 < 1.0.0-alpha
  1.0.0-99999999999999999999 < 1.0.0-100000000000000000000
  99999999999999999999.0.0 < 100000000000000000000.0.0
  # build metadata is ignored
  1.0.0+build.1 = 1.0.0
  1.0.0+a = 1.0.0+b
  1.0.0-rc.1+build = 1.0.0-rc.1
  # tolerances: a leading v, and the 1 / 1.2 shorthands
  v1.2.3 = 1.2.3
  1.2 = 1.2.0
  1 = 1.0.0
  0 = 0.0.0
  v2.0.0+incompatible = 2.0.0
  # Go: pre-release floors and pseudo-versions are plain prereleases
  1.22.0-0 < 1.22.0-rc.1
  1.22.0-0 < 1.22.0
  1.21.12 < 1.22.0-0
  v0.0.0-20210520170846-37e1c6afe023 < v0.0.0-20220906165146-f3363e06e74c
  v0.0.0-20220906165146-f3363e06e74c < 0.1.0
  1.3.0 < 1.3.1-0.20190301021747-ccb9e902956d
  1.3.1-0.20190301021747-ccb9e902956d < 1.3.1
  1.3.1-0.20190301021747-ccb9e902956d < 1.3.1-0.20190302000000-aaaaaaaaaaaa
  # npm and crates
  4.17.20 < 4.17.21
  5.0.0-alpha.1 < 5.0.0
  0.0.0-0 < 0.0.0
  0.14.10 < 0.14.12
`);

describe('semver ordering', () => {
  it.each(ORDER)('%s %s %s', (a, op, b) => expectOrder('semver', [a, op, b]));

  it('keeps the prerelease identifiers and drops the build', () => {
    const r = parseVersion('semver', 'v1.2.3-rc.1+sha.5114f85');
    expect(r.ok && r.version.value).toEqual({ major: '1', minor: '2', patch: '3', prerelease: ['rc', '1'] });
    expect(versionKey('semver', '1.2.3+a')).toEqual(versionKey('semver', 'v1.2.3'));
  });
});

describe('semver validation', () => {
  it.each([
    '',
    'v',
    'latest',
    '1.2.x',
    '^1.2.3',
    '>=1.0.0',
    '01.2.3', //        leading zeros are not allowed
    '1.02.3',
    '1.2.3-01',
    '1.2.3-', //        empty prerelease
    '1.2.3+', //        empty build
    '1.2.3-a..b',
    '1.2.3-a_b',
    '1.2.3.4',
    '1.2-rc.1', //      shorthand with a prerelease
    '1.2.3 ',
    'V1.2.3',
  ])('refuses %j', (v) => {
    expectInvalid('semver', v);
  });

  it('says why', () => {
    expect(expectInvalid('semver', '1.02.3')).toMatch(/leading zero/);
    expect(expectInvalid('semver', '1.2.3-a..b')).toMatch(/empty prerelease identifier/);
  });
});
