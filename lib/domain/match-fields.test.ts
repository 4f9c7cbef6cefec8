import { describe, expect, it } from 'vitest';
import { matchFields } from './match-fields';
import { compareVersions } from './versions';

describe('matchFields', () => {
  it('matches Debian binaries under their source package and version', () => {
    const m = matchFields({
      ecosystem: 'deb',
      name: 'libssl3',
      version: '3.0.15-1~deb12u1+b1',
      arch: 'amd64',
      sourceName: 'openssl',
      sourceVersion: '3.0.15-1~deb12u1',
    });
    expect(m).toMatchObject({ matchName: 'openssl', matchVersion: '3.0.15-1~deb12u1' });
    expect(m.matchKeyHex).toMatch(/^[0-9a-f]+$/);
  });
  it('matches rpm packages by binary name and EVR', () => {
    expect(
      matchFields({ ecosystem: 'rpm', name: 'openssl-libs', version: '1:3.0.7-25.el9_3', arch: 'x86_64', sourceName: 'openssl', sourceVersion: null }),
    ).toMatchObject({ matchName: 'openssl-libs', matchVersion: '1:3.0.7-25.el9_3' });
  });
  it('keys order like compareVersions', () => {
    const a = matchFields({ ecosystem: 'rpm', name: 'x', version: '1:3.0.7-25.el9_3', arch: null, sourceName: null, sourceVersion: null }).matchKeyHex!;
    const b = matchFields({ ecosystem: 'rpm', name: 'x', version: '1:3.0.7-24.el9', arch: null, sourceName: null, sourceVersion: null }).matchKeyHex!;
    expect(a < b ? -1 : a > b ? 1 : 0).toBe(Math.sign(compareVersions('rpm', '1:3.0.7-25.el9_3', '1:3.0.7-24.el9')));
  });
  it('reports an invalid version with a null key instead of guessing', () => {
    expect(matchFields({ ecosystem: 'deb', name: 'x', version: 'not a version!', arch: null, sourceName: null, sourceVersion: null }).matchKeyHex).toBeNull();
  });
});
