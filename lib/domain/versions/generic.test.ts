import { describe, expect, it } from 'vitest';
import { versionKey } from '../version-key';
import { expectInvalid, expectOrder, vectors } from './testing';

const ORDER = vectors(`
  # Maven-style qualifiers (corpus: org.keycloak, hibernate-style .Final)
  4.0.0.Beta1 < 4.0.0.Beta2
  4.0.0.Beta2 < 4.0.0.CR1
  4.0.0.CR1 < 4.0.0
  4.0.0 = 4.0.0.Final
  4.0.0 = 4.0
  4.0 = 4
  4.0.0.GA = 4.0.0-RELEASE
  3.4.3.Final < 3.4.4.Final
  1.5.0-Final = 1.5.0.Final
  1.0-alpha-1 < 1.0-alpha-1-12062013
  1.0-alpha-1-12062013 < 1.0-alpha-2
  1.0-alpha-4 < 1.0-beta-1
  1.0-beta-1 < 1.0-beta-1-20150521
  1.0-beta-4 < 1.0-rc-1
  1.0-rc-2 < 1.0-final
  1.0-rc-1 = 1.0-cr-1
  1.0.dev1 < 1.0a1
  1.0a1 = 1.0-alpha-1
  1.0b2 = 1.0.beta.2
  1.0m1 = 1.0-milestone-1
  1.0-milestone-1 < 1.0-rc1
  1.0-rc1 < 1.0-SNAPSHOT
  1.0-SNAPSHOT < 1.0
  1.0 < 1.0.sp1
  1.0.sp1 < 1.0.1
  1.0.sp1 < 1.0-foo          # unknown words sort after the release, lexically
  1.0-foo < 1.0.1
  1.0-constructor > 1.0-beta   # a word, not an inherited property of the qualifier table
  4.3alpha1 < 4.3beta2
  4.3beta2 < 4.3
  # letters as in OpenSSL and Java
  1.1.1 < 1.1.1a
  1.1.1a < 1.1.1k
  1.1.1k < 1.1.1l
  1.1.1l < 1.1.2
  8u20 < 8u181
  8u181 < 9
  # Windows and Office build numbers
  10.0.20348.2113 < 10.0.20348.2227
  10.0.20348.2227 < 10.0.22621.1
  16.0.5504.1001 < 16.0.5508.1000
  16.0.5508.1000 = 16.0.5508.01000
  # firmware with a leading v
  v33.011 < v33.015
  V17 = 17
  1.0-1 = 1.0.1              # all separators are equivalent
  1.0_1 = 1.0+1
`);

describe('generic ordering', () => {
  it.each(ORDER)('%s %s %s', (a, op, b) => expectOrder('generic', [a, op, b]));

  it('is case-insensitive', () => {
    expect(versionKey('generic', '1.0-BETA-1')).toEqual(versionKey('generic', '1.0-beta-1'));
  });
});

describe('generic validation', () => {
  it.each(['', 'latest', 'beta1', 'v', 'vX', '1.0 beta', '1..0', '1.0.', '.1', '1.0/2', '(1.0)', '1.0,1', '>=1.0', '1.0~rc1', 'V17 Update 6'])(
    'refuses %j',
    (v) => {
      expectInvalid('generic', v);
    },
  );
});
