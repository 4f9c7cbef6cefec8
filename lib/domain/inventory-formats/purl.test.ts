import { describe, expect, it } from 'vitest';
import { itemFromPurl, parsePurl, sourceFromUpstream } from './purl';

describe('parsePurl', () => {
  it('decodes namespace, name, version, qualifiers and subpath', () => {
    expect(parsePurl('pkg:npm/%40angular/core@16.2.0?foo=bar%20baz#lib/x')).toEqual({
      type: 'npm',
      namespace: '@angular',
      name: 'core',
      version: '16.2.0',
      qualifiers: { foo: 'bar baz' },
      subpath: 'lib/x',
    });
  });

  it('accepts an unencoded npm scope and a purl without version', () => {
    expect(parsePurl('pkg:npm/@types/node')).toMatchObject({ namespace: '@types', name: 'node', version: null });
  });

  it.each(['npm/lodash@1', 'pkg:npm', 'pkg:npm/@1.0', 'pkg:npm/a%E0%A4%A@1'])('rejects %s', (s) => expect(parsePurl(s)).toBeNull());
});

describe('itemFromPurl', () => {
  const item = (s: string, fallback: string | null = null) => {
    const p = parsePurl(s);
    if (!p) throw new Error(`bad purl ${s}`);
    return itemFromPurl(p, fallback);
  };

  it.each([
    ['pkg:deb/debian/libc6@2.36-9?arch=amd64', { ecosystem: 'deb', name: 'libc6', arch: 'amd64' }],
    ['pkg:rpm/redhat/tar@1.34-6.el9_1?arch=x86_64&epoch=2', { ecosystem: 'rpm', name: 'tar', version: '2:1.34-6.el9_1' }],
    ['pkg:rpm/redhat/tar@1.34-6.el9_1?epoch=0', { version: '1.34-6.el9_1' }],
    ['pkg:npm/%40fastify/passport@2.3.0', { ecosystem: 'npm', name: '@fastify/passport' }],
    ['pkg:pypi/requests@2.31.0', { ecosystem: 'pypi', name: 'requests' }],
    ['pkg:maven/org.keycloak/keycloak-core@24.0.1?type=jar', { ecosystem: 'maven', name: 'org.keycloak:keycloak-core', arch: null }],
    ['pkg:golang/golang.org/x/text@v0.3.7', { ecosystem: 'go', name: 'golang.org/x/text' }],
    ['pkg:cargo/hyper@0.14.10', { ecosystem: 'cargo', name: 'hyper' }],
    ['pkg:nuget/Newtonsoft.Json@13.0.1', { ecosystem: 'nuget', name: 'Newtonsoft.Json' }],
    ['pkg:apk/alpine/openssl@1.0.2q-r0?arch=x86_64', { ecosystem: 'apk', name: 'openssl' }],
    ['pkg:composer/brick/math@0.9.3', { ecosystem: 'generic', name: 'brick/math' }],
    ['pkg:gem/rails@7.0.0', { ecosystem: 'generic', name: 'rails' }],
  ])('%s', (purl, expected) => expect(item(purl)).toMatchObject(expected));

  it('uses the fallback version only when the purl has none', () => {
    expect(item('pkg:npm/a', '1.0')?.version).toBe('1.0');
    expect(item('pkg:npm/a@2.0', '1.0')?.version).toBe('2.0');
    expect(item('pkg:npm/a')).toBeNull();
  });
});

describe('sourceFromUpstream', () => {
  it.each([
    ['deb', 'openssl', { sourceName: 'openssl', sourceVersion: null }],
    ['deb', 'bash@5.2.15-2', { sourceName: 'bash', sourceVersion: '5.2.15-2' }],
    ['rpm', 'glibc-2.34-100.el9_4.2.src.rpm', { sourceName: 'glibc', sourceVersion: '2.34-100.el9_4.2' }],
  ] as const)('%s %s', (eco, upstream, expected) => expect(sourceFromUpstream(eco, upstream)).toEqual(expected));
});
