import { describe, expect, it } from 'vitest';
import { versionKey } from '../version-key';
import { parseVersion } from '../versions';
import { expectInvalid, expectOrder, vectors } from './testing';

// PEP 440's ordering example (as in packaging's tests) and its normalisation rules; each line was
// also checked against packaging.version.Version.
const ORDER = vectors(`
  1.0.dev456 < 1.0a1
  1.0a1 < 1.0a2.dev456
  1.0a2.dev456 < 1.0a12.dev456
  1.0a12.dev456 < 1.0a12
  1.0a12 < 1.0b1.dev456
  1.0b1.dev456 < 1.0b2
  1.0b2 < 1.0b2.post345.dev456
  1.0b2.post345.dev456 < 1.0b2.post345
  1.0b2.post345 < 1.0b2-346
  1.0b2-346 < 1.0c1.dev456
  1.0c1.dev456 < 1.0c1
  1.0c1 < 1.0rc2
  1.0rc2 < 1.0c3
  1.0c3 < 1.0
  1.0 < 1.0.post456.dev34
  1.0.post456.dev34 < 1.0.post456
  1.0.post456 < 1.1.dev1
  1.0.post0.dev0 > 1.0
  1!0.1 > 2.0
  0!1.0 = 1.0
  # local versions: after the public one; text below numbers; numbers numerically
  1.0 < 1.0+abc
  1.0+abc < 1.0+abc.5
  1.0+abc.5 < 1.0+abc.7
  1.0+abc.7 < 1.0+5
  1.0+5 < 1.0+10
  1.0+a.1 < 1.0+1.a
  1.0+ABC = 1.0+abc
  1.0+abc-1 = 1.0+abc_1
  1.0+01 = 1.0+1
  # normalisation
  1.0 = 1.0.0
  1 = 1.0.0.0
  v1.0 = 1.0
  V1.0 = 1.0
  1.01 = 1.1
  2015.04.28 = 2015.4.28
  1.0a = 1.0a0
  1.0a0 = 1.0alpha0
  1.0-alpha.0 = 1.0.a.0
  1.0b1 = 1.0beta1
  1.0c1 = 1.0rc1
  1.0rc1 = 1.0pre1
  1.0pre1 = 1.0preview1
  1.0RC1 = 1.0rc1
  1.0-1 = 1.0.post1
  1.0.post1 = 1.0post1
  1.0post1 = 1.0-r1
  1.0-r1 = 1.0rev1
  1.0.post.1 = 1.0_post_1
  1.0.post = 1.0.post0
  1.0.dev = 1.0.dev0
  1.0-dev-1 = 1.0.dev1
  # from the corpus
  0.6c11 < 0.6
  3.13b1 < 3.13rc1
  3.13rc1 < 3.13
  51.1.0.post20201221 > 51.1.0
  3.1.0.rc1 = 3.1.0rc1
  2.31.0 > 2.20.0
`);

describe('pypi ordering (PEP 440)', () => {
  it.each(ORDER)('%s %s %s', (a, op, b) => expectOrder('pypi', [a, op, b]));

  it('normalises while parsing', () => {
    const r = parseVersion('pypi', 'v2!1.0-Preview.3-1.dev_7+Ubuntu-1');
    expect(r.ok && r.version.value).toEqual({ epoch: '2', release: ['1', '0'], pre: { label: 'rc', n: '3' }, post: '1', dev: '7', local: ['ubuntu', '1'] });
  });

  it('ignores surrounding whitespace, as PEP 440 requires', () => {
    expect(versionKey('pypi', ' 1.0 \n')).toEqual(versionKey('pypi', '1.0'));
  });
});

describe('pypi validation', () => {
  it.each([
    '',
    '   ',
    'french toast',
    '1.0+',
    '1.0+1+1',
    '1.0+_foobar',
    '1.0+foo&asd',
    '1.0.',
    '.1',
    '1..0',
    '1.0-',
    'v',
    '1.0a1a',
    '1.0.post1.post2',
    '1.0.dev1.dev2',
    '1.0 a1',
    '=1.0',
    '1.0.*',
  ])('refuses %j', (v) => {
    expectInvalid('pypi', v);
  });
});
