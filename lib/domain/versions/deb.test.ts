import { describe, expect, it } from 'vitest';
import { compareKeys, versionKey } from '../version-key';
import { parseVersion } from '../versions';
import { expectInvalid, expectOrder, vectors } from './testing';

// Cases in the spirit of dpkg's lib/dpkg/t/t-version.c and Debian Policy §5.6.12; every line was
// also checked against `dpkg --compare-versions` on Debian 12.
const ORDER = vectors(`
  1.0 = 1.0
  1.0 = 0:1.0
  1.0 = 1.0-0          # an absent revision compares as '' and '' equals '0'
  1.0 = 1.00
  1.0-1 = 1.0-01
  0 = 00
  1.0-0 = 1.0-00
  0:0-0 < 1:0-0        # epoch first
  1:0.1 > 2.0
  2:1.0 > 1:9.9
  1.0 < 2.0
  2.30 > 2.3           # digit runs are numbers, not strings
  2.3-10 > 2.3-9
  1.0 < 1.0.1
  1.0 < 1.0-1
  1.0-1 < 1.0-2
  1.0-1 < 1.0-1.1
  0 < 0.0
  # Policy's example: ~~ < ~~a < ~ < (nothing) < a
  1~~ < 1~~a
  1~~a < 1~
  1~ < 1
  1 < 1a
  1.0~rc1 < 1.0
  1.0~rc1 < 1.0~rc2
  1.0~beta < 1.0~rc1
  0~ < 0
  # letters before non-letters, so + and . continuations sort after letter suffixes
  1.0a < 1.0+
  1.0+ < 1.0.
  1.0a < 1.0.1
  1.0Z < 1.0a          # ASCII: upper case before lower case
  1.2.3+dfsg-1 > 1.2.3-1
  1.2.3~dfsg-1 < 1.2.3-1
  1.0-1~bpo11+1 < 1.0-1
  1.0-1+deb12u1 > 1.0-1
  1.0-1ubuntu1 > 1.0-1
  1.0-1ubuntu0.1 < 1.0-1ubuntu1
  1.0-1build1 > 1.0-1
  1.0-a > 1.0-0
  7.88.1-10+deb12u5 < 7.88.1-10+deb12u12
  3.0.11-1~deb12u2 < 3.0.11-1
  1:2.38.1-5+deb12u1 > 2.38.1-5+deb12u2
  1.2.1-2.2+wheezy3 > 1.2.1-2.2
  2.36-9+deb12u4 > 2.36-9+deb12u3
  252.22-1~deb12u1 < 252.22-1
  1:9.18.24-1 > 1:9.18.19-1~deb12u1
  10.0.0-1 > 9.9.9-9
  1.0.0-1-1 > 1.0.0-1     # upstream may hold hyphens; the revision is after the last one
  1:1:1.0 > 1:1.0         # and colons, after the epoch
  0.0~git20230101.abc-2 < 0.0.1-1
  123456789012345678901234567890 > 123456789012345678901234567889
`);

describe('deb ordering (dpkg)', () => {
  it.each(ORDER)('%s %s %s', (a, op, b) => expectOrder('deb', [a, op, b]));

  it('splits epoch, upstream and revision as dpkg does', () => {
    const r = parseVersion('deb', '1:2.3-4-5');
    expect(r.ok && r.version.value).toEqual({ epoch: '1', upstream: '2.3-4', revision: '5' });
  });

  it('gives versions equal under dpkg one key', () => {
    expect(versionKey('deb', '1.0')).toEqual(versionKey('deb', '0:1.00-0'));
    expect(compareKeys(versionKey('deb', '1.0~'), versionKey('deb', '1.0'))).toBe(-1);
  });
});

describe('deb validation', () => {
  it.each([
    '',
    ' 1.0',
    '1.0 beta',
    ':1.0', //            epoch is empty
    'a:1.0', //           epoch is not a number
    '-1:1.0',
    '9999999999:1.0', //  epoch is too big (dpkg: above INT_MAX)
    '1:', //              nothing after the colon
    '1.0-', //            empty revision
    '-1', //              empty upstream
    'abc', //             does not start with a digit
    '<unfixed>',
    '1.0_1', //           '_' is not allowed
    '1.0-1:2', //         ':' is not allowed in the revision
    '1.0-1-', //          empty revision after the last hyphen
    '1.0é',
    '1'.repeat(256),
  ])('refuses %j', (v) => {
    expectInvalid('deb', v);
  });

  it('says why', () => {
    expect(expectInvalid('deb', '1:')).toMatch(/nothing after/);
    expect(expectInvalid('deb', 'x:1')).toMatch(/epoch/);
    expect(expectInvalid('deb', '1.0 ')).toMatch(/whitespace/);
  });
});
