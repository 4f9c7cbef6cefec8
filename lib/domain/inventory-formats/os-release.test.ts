import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '@/lib/testing/corpus';
import { osFromDistroQualifier, parseOsRelease, parseOsReleaseFields } from './os-release';

describeCorpus('os-release of the real Debian 12 system', () => {
  it('is Debian 12', () => {
    expect(parseOsRelease(readCorpus('inventories', 'debian-12-os-release.txt'))).toEqual({
      family: 'debian',
      release: '12',
      name: 'Debian GNU/Linux 12 (bookworm)',
    });
  });
});

describe('parseOsRelease', () => {
  it('reads AlmaLinux, Rocky, RHEL, SUSE and Alpine', () => {
    const os = (id: string, version: string, extra = '') => parseOsRelease(`ID="${id}"\nVERSION_ID="${version}"\n${extra}`);
    expect(os('almalinux', '9.2')).toMatchObject({ family: 'almalinux', release: '9.2' });
    expect(os('rocky', '8.9')).toMatchObject({ family: 'rocky' });
    expect(os('rhel', '9.4')).toMatchObject({ family: 'rhel', release: '9.4' });
    expect(os('sles', '15.5')).toMatchObject({ family: 'suse' });
    expect(os('opensuse-leap', '15.5')).toMatchObject({ family: 'suse' });
    expect(parseOsRelease('ID=alpine\nVERSION_ID=3.19.1\nPRETTY_NAME="Alpine Linux v3.19"')).toEqual({
      family: 'alpine',
      release: '3.19.1',
      name: 'Alpine Linux v3.19',
    });
  });

  it('falls back to ID_LIKE for derivatives, and to other', () => {
    expect(parseOsRelease('ID="centos"\nID_LIKE="rhel fedora"\nVERSION_ID="7"')).toMatchObject({ family: 'rhel', release: '7' });
    expect(parseOsRelease('ID=linuxmint\nID_LIKE="ubuntu debian"\nVERSION_ID="21.3"')).toMatchObject({ family: 'ubuntu' });
    expect(parseOsRelease('ID=arch\nBUILD_ID=rolling\nNAME="Arch Linux"')).toEqual({ family: 'other', release: 'rolling', name: 'Arch Linux' });
  });

  it('returns null for text that is no os-release', () => {
    expect(parseOsRelease('hello world\n')).toBeNull();
    expect(parseOsRelease('')).toBeNull();
  });

  it('unquotes values and ignores comments', () => {
    expect(parseOsReleaseFields('# comment\nNAME="Foo \\"Bar\\""\nX=\'single\'\n')).toEqual({ NAME: 'Foo "Bar"', X: 'single' });
  });
});

describe('osFromDistroQualifier', () => {
  it.each([
    ['debian-12', { family: 'debian', release: '12' }],
    ['rhel-9.4', { family: 'rhel', release: '9.4' }],
    ['ubuntu-22.04', { family: 'ubuntu', release: '22.04' }],
    ['bookworm', null],
    ['fedora-39', null],
  ])('%s', (q, expected) => (expected ? expect(osFromDistroQualifier(q)).toMatchObject(expected) : expect(osFromDistroQualifier(q)).toBeNull()));
});
