import { describe, expect, it } from 'vitest';
import { compareKeys, versionKey } from '../version-key';
import { parseVersion } from '../versions';
import { expectInvalid, expectOrder, vectors } from './testing';

// rpmvercmp cases after rpm's tests/rpmvercmp.at (each also checked against rpm 4.18's
// rpm.labelCompare), then whole epoch:version-release strings as vendors publish them.
const VERCMP = vectors(`
  1.0 = 1.0
  1.0 < 2.0
  2.0.1 = 2.0.1
  2.0 < 2.0.1
  2.0.1a = 2.0.1a
  2.0.1a > 2.0.1
  5.5p1 < 5.5p2
  5.5p1 < 5.5p10
  5.5p2 < 5.6p1
  5.6p1 < 6.5p1
  10xyz < 10.1xyz
  xyz10 < xyz10.1
  xyz.4 < 8          # a numeric segment beats an alphabetic one
  xyz.4 < 2
  6.0.rc1 > 6.0      # no pre-release notion without '~'
  10b2 > 10a1
  1.0a < 1.0aa
  10.0001 = 10.1     # leading zeros are dropped
  10.0001 < 10.0039
  4.999.9 < 5.0
  20101121 < 20101122
  2_0 = 2.0          # separators only separate
  a+ = a_
  +a = _a
  1.0. = 1.0
  1..0 = 1.0
  1b.fc17 < 1.fc17
  1g.fc17 > 1.fc17
  1.0~rc1 < 1.0
  1.0~rc1 < 1.0~rc2
  1.0~rc1~git123 < 1.0~rc1
  1.0^ > 1.0
  1.0^git1 > 1.0
  1.0^git1 < 1.0^git2
  1.0^git1 < 1.01
  1.0^20160101 < 1.0.1
  1.0^20160102 > 1.0^20160101^git1
  1.0~rc1^git1 > 1.0~rc1
  1.0^git1~pre < 1.0^git1
  A < a              # strcmp: upper case first
`);

const EVR = vectors(`
  0:1.34-6.el9_1 = 1.34-6.el9_1
  2:1.34-6.el9_1 > 1.34-6.el9_1
  2:1.34-6.el9_1 > 1:9.9-1
  14:4.99.0-9.el9 > 4.99.0-9.el9
  1:3.0.7-25.el9_3 > 1:3.0.7-6.el9_2
  1:3.0.7-6.el9_2 = 01:3.0.7-6.el9_2
  7.76.1-23.el9_2.1 > 7.76.1-23.el9
  7.76.1-23.el9 > 7.76.1-14.el9_0.5
  1.0-1.el9 < 1.0-1.el9_1
  102.15.1-1.el9_2.alma > 102.15.1-1.el9_2
  1:1.20.1-14.el9_2.1.alma.1 > 1:1.20.1-14.el9_2.1
  1.9.5p2-10.el9_6.1 > 1.9.5p2-7.el9_1.1
  1.9.5p2-10.el9 > 1.9.5-10.el9
  8.7p1-29.el9_2 < 8.7p1-30.el9_2
  0:2.13.3-3.el8_6.1 > 2.13.3-3.el8_6
  3.3.1-3.module+el9.4.0+12345+abcdef > 3.3.1-2.module+el9.4.0+20787+4c237fd3
  0:5.4.1-1.module+el8.5.0+10613+59a13ec4 > 5.4.1-1.module+el8.4.0+9822+20bf1249
  1.0 < 1.0-1        # a missing release sorts first
  1.0 = 1.00
  1.0-1 < 1.0.1-0
  102.11.0-2.el8_7 > 102.9.0-1.el8_7
  1.0-1~rc1 < 1.0-1
`);

describe('rpm ordering (rpmvercmp)', () => {
  it.each(VERCMP)('%s %s %s', (a, op, b) => expectOrder('rpm', [a, op, b]));
  it.each(EVR)('%s %s %s', (a, op, b) => expectOrder('rpm', [a, op, b]));

  it('splits epoch, version and release', () => {
    const r = parseVersion('rpm', '1:3.0.7-25.el9_3');
    expect(r.ok && r.version.value).toEqual({ epoch: '1', version: '3.0.7', release: '25.el9_3' });
  });

  it('gives versions equal under rpm one key', () => {
    expect(versionKey('rpm', '1.01-1.el9')).toEqual(versionKey('rpm', '0:1.1-1_el9'));
    expect(compareKeys(versionKey('rpm', '1.0~rc1'), versionKey('rpm', '1.0'))).toBe(-1);
  });
});

describe('rpm validation', () => {
  it.each([
    '',
    '1.0 -1',
    'a:1.0', //                         epoch is not a number
    ':1.0',
    '1.0-', //                          empty release
    '-1', //                            empty version
    'openssl-3.0.7-6.el9', //           a name is still attached
    '1.0-1.el9.x86_64-extra',
    '1.0-1@el9',
    '1.0/1',
    '+_', //                            no letter or digit at all
    '1.0-~',
    '1:2:3',
  ])('refuses %j', (v) => {
    expectInvalid('rpm', v);
  });

  it('says why, and how to fix a NEVRA', () => {
    expect(expectInvalid('rpm', 'tar-1.34-6.el9_1')).toMatch(/without the package name/);
    expect(expectInvalid('rpm', '1.0-')).toMatch(/release is empty/);
  });
});
