import { describe, expect, it } from 'vitest';
import { versionKey } from '../version-key';
import { isValidVersion } from '../versions';
import { expectInvalid, expectOrder, vectors } from './testing';

// A selection from apk-tools' test/unit/version.data, plus the cases behind each rule.
const ORDER = vectors(`
  2.34 > 0.1.0_alpha
  0.1.0_alpha = 0.1.0_alpha
  0.1.0_alpha < 0.1.3_alpha
  0.1.0_alpha2 > 0.1.0_alpha
  2.2.39-r1 > 1.0.4-r3
  1.0.4-r3 < 1.0.4-r4
  1.0.4-r4 < 1.6
  1.1 > 1.1_alpha1
  1.2.1 > 1.2
  1.3_alpha < 1.3_alpha2
  0.8_beta1 < 0.8_beta2
  2.3.0b-r1 < 2.3.0b-r2
  0.12.3 > 0.12
  0.13_beta5 > 0.9.12
  3.1_p16 < 3.1_p17
  3.1_p17 > 1.06-r6
  1.06-r6 < 006
  006 > 1.0.0
  1.2.2-r1 > 1.2.2
  2.59 < 20050718-r1
  3.9.8-r5 > 2.01.01_alpha10
  1.0 > 0.99.3.20040818
  1.39 > 1.00_beta2
  7.15.1-r1 > 1.02
  1.02 < 1.03-r1
  4.2.52_p2-r1 < 4.2.52_p4-r2
  1.02.07 < 1.02.10-r1
  2.0.0_rc3-r1 > 1.5
  3.0.0-r2 < 021109-r3
  3.9_pre20060124 > 0.01
  0.10.0-r1 > 0.10.0
  0.10.0 < 0.10.1_rc1
  2.5.1-r8 < 2.5.1a-r1
  2.10.1 > 02.08.01b
  1.6d > 1.2.07.8
  1.2.07.8 < 1.2.12.04
  1.07-r1 < 1.07.5
  0.20070118 < 0.20070207_rc1
  4.5_p1-r1 > 4.5_p1
  0.9.8c-r1 < 0.9.8d
  0.9.28.1 < 087-r1
  2.12r-r4 < 2.12r-r5
  7.0.17 < 7.0.174
  1.3-r0 < 1.3.1-r0
  1.3_pre1-r1 < 1.3.2
  1.0_p10-r0 > 1.0_p9-r0
  0.1.0_alpha_pre2 < 0.1.0_alpha
  1.0.0_pre20191002222144-r0 < 1.0.0_pre20210530193627-r0
  6.0_pre1 < 6.0
  6.0_p1 > 6.0
  8.2.0 < 8.2.001             # a leading zero after '.' compares as a string
  8.2.0015 < 8.2.002
  1.0~1234 < 1.0~2345
  1.0~1234-r1 < 1.0~2345-r0
  1.0~1234-r1 > 1.0~1234-r0
  # the rules behind the token order
  1.0a < 1.0.1                # a letter sorts below a further .number
  1.0 < 1.0a
  1.0 < 1.0-r0                # an explicit -r0 is newer than none
  1.0-r0 < 1.0_p1
  1.0_rc1 < 1.0-r0
  1.0_alpha < 1.0_alpha0
  1.0_beta1 < 1.0_pre1
  1.0_pre1 < 1.0_rc1
  1.0_cvs1 < 1.0_svn1
  1.0_svn1 < 1.0_git1
  1.0_git1 < 1.0_hg1
  1.0_hg1 < 1.0_p1
  1.0.0 > 1.0                 # 1.0 and 1.00 are different versions in apk
  1.0 < 1.00
  01.0 = 1.0                  # but the first number is a plain number
  1.0-r01 = 1.0-r1
  1.0_rc01 = 1.0_rc1
  1.0~ABC < 1.0~abc
`);

describe('apk ordering (apk-tools)', () => {
  it.each(ORDER)('%s %s %s', (a, op, b) => expectOrder('apk', [a, op, b]));

  it('gives versions equal under apk one key', () => {
    expect(versionKey('apk', '006-r01')).toEqual(versionKey('apk', '6-r1'));
  });
});

describe('apk validation (apk_version_validate)', () => {
  it.each(['1.2', '0.1_pre2', '0.1_pre2~1234abcd', '0.1_p1_pre2', '0.1_alpha1_pre2', '0.1_git20240101_pre1', '2.9.3-r0'])('accepts %j', (v) => {
    expect(isValidVersion('apk', v)).toBe(true);
  });

  it.each([
    '',
    '0.1bc',
    '0.1bc1',
    '0.1a1',
    '0.1a.1',
    '0.1_pre2~',
    '0.1_pre2~1234xbcd',
    '0.1_pre2~1234abcd_pre1',
    '0.1_pre2-r1~1234xbcd',
    '0.1_foobar',
    '0.1_foobar1',
    '0.1_constructor', // not a suffix, however the lookup is written
    '0.1-pre1.1',
    '0.1-r',
    '0.1-r2_pre1',
    '0.1-r2_p3_pre1',
    '0.1-r2-r3',
    '0.1-r2.1',
    '.1',
    'a',
    '_pre1',
    '-r1',
    '0.1_',
    '0.1_-r0',
    '0.1__alpha',
    '0.1_1_alpha',
    '1.0A',
    '2.7.16-33',
  ])('refuses %j', (v) => {
    expectInvalid('apk', v);
  });

  it('says why', () => {
    expect(expectInvalid('apk', '0.1_foobar')).toMatch(/unknown suffix/);
    expect(expectInvalid('apk', '4.10-1-r1')).toMatch(/-rN/);
  });
});
