import { describe, expect, it } from 'vitest';
import { describeCorpus, listCorpus, readCorpus } from '@/lib/testing/corpus';
import type { TSoftwareItem } from '../types';
import { parseCycloneDx } from './cyclonedx';
import type { TParseResult } from './types';

function ok(r: TParseResult) {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r;
}
const byName = (items: TSoftwareItem[], name: string) => items.filter((i) => i.name === name);

/**
 * Expected item counts, counted independently with Python: a recursive walk over `components`
 * (json.load, then sum over c and c['components']) — every component in these files has a version,
 * none is nested, and no two share ecosystem/name/version/arch, so items = components.
 */
const EXPECTED: Record<string, number> = {
  'inventories/cyclonedx-cern-lhc-vdm-editor.bom.json': 43,
  'inventories/cyclonedx-dropwizard-1.3.15.bom.json': 167,
  'sbom/cyclonedx/juice-shop-11.1.2.bom.json': 840,
  'sbom/cyclonedx/laravel-7.12.0.bom.1.4.json': 62,
  'sbom/cyclonedx/proton-bridge-1.8.0.bom.json': 201,
  'sbom/cyclonedx-redhat/RHEL-8.10.0.Z_curl-7.61.1-34.el8_10.2.cdx.json': 52,
  'sbom/cyclonedx-redhat/example_rpm_binaries.cdx.json': 21,
  'sbom/cyclonedx-redhat/openssl-3.0.7-18.el9_2.cdx.json': 36,
  'sbom/cyclonedx-vex/bom.json': 3,
};

describeCorpus('CycloneDX SBOMs of the corpus', () => {
  const files = [
    ...listCorpus('inventories', (f) => /cyclonedx.*\.json$/.test(f)),
    ...listCorpus('sbom', (f) => f.endsWith('.json') && !f.endsWith('vex.json')),
  ];

  it('finds every corpus SBOM listed above', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s -> %i items', (file, count) => {
    expect(ok(parseCycloneDx(readCorpus(file))).items).toHaveLength(count);
  });

  it('maps npm purls with their scope (juice-shop)', () => {
    const items = ok(parseCycloneDx(readCorpus('sbom/cyclonedx/juice-shop-11.1.2.bom.json'))).items;
    expect(byName(items, '@types/babel-types')).toEqual([
      { ecosystem: 'npm', name: '@types/babel-types', version: '7.0.8', arch: null, sourceName: null, sourceVersion: null },
    ]);
    expect(byName(items, 'lodash').map((i) => i.version)).toContain('2.4.2');
    expect(items.every((i) => i.ecosystem === 'npm')).toBe(true);
  });

  it('maps Maven purls to group:artifact and Go purls to module paths', () => {
    const maven = ok(parseCycloneDx(readCorpus('inventories/cyclonedx-dropwizard-1.3.15.bom.json')));
    expect(byName(maven.items, 'com.fasterxml.jackson.core:jackson-databind')).toMatchObject([{ ecosystem: 'maven', version: '2.9.10', arch: null }]);
    expect(maven.meta.component).toEqual({ name: 'dropwizard-parent', version: '1.3.15' });
    const go = ok(parseCycloneDx(readCorpus('sbom/cyclonedx/proton-bridge-1.8.0.bom.json'))).items;
    expect(byName(go, 'github.com/0xAX/notificator')).toMatchObject([{ ecosystem: 'go', version: 'v0.0.0-20191016112426-3962a5ea8da1' }]);
  });

  it('keeps composer packages as generic vendor/package', () => {
    const items = ok(parseCycloneDx(readCorpus('sbom/cyclonedx/laravel-7.12.0.bom.1.4.json'))).items;
    expect(byName(items, 'brick/math')).toMatchObject([{ ecosystem: 'generic', version: '0.9.3' }]);
  });

  it('reads Red Hat rpm SBOMs per arch, taking the purl from bom-ref when purl is absent', () => {
    const items = ok(parseCycloneDx(readCorpus('sbom/cyclonedx-redhat/RHEL-8.10.0.Z_curl-7.61.1-34.el8_10.2.cdx.json'))).items;
    // i686 components carry their purl only in bom-ref (counted: 10 components without purl).
    expect(
      byName(items, 'libcurl')
        .map((i) => i.arch)
        .sort(),
    ).toEqual(['aarch64', 'i686', 'ppc64le', 's390x', 'x86_64']);
    expect(
      byName(items, 'curl')
        .map((i) => `${i.ecosystem} ${i.version} ${i.arch}`)
        .sort(),
    ).toEqual([
      // The one component without any purl: pkg:generic bom-ref of the product.
      'generic 7.61.1 null',
      'rpm 7.61.1-34.el8_10.2 aarch64',
      'rpm 7.61.1-34.el8_10.2 i686',
      'rpm 7.61.1-34.el8_10.2 ppc64le',
      'rpm 7.61.1-34.el8_10.2 s390x',
      'rpm 7.61.1-34.el8_10.2 src',
      'rpm 7.61.1-34.el8_10.2 x86_64',
    ]);
  });

  it('refuses the VEX document, which has no components, naming the field', () => {
    const r = parseCycloneDx(readCorpus('sbom/cyclonedx-vex/vex.json'));
    expect(r).toEqual({ ok: false, errors: [{ field: 'components', message: expect.stringContaining('components is missing') }] });
  });
});

const bom = (components: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', components, ...extra });

describe('parseCycloneDx', () => {
  it('walks nested components and reads distro purls (arch, upstream source, epoch, distro)', () => {
    const r = ok(
      parseCycloneDx(
        bom([
          { type: 'operating-system', name: 'debian', version: '12' },
          {
            type: 'library',
            name: 'app',
            version: '1.0',
            purl: 'pkg:npm/app@1.0',
            components: [
              {
                type: 'library',
                name: 'libssl3',
                version: '3.0.11-1~deb12u2',
                purl: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&upstream=openssl&distro=debian-12',
              },
              { type: 'library', name: 'bash', version: '5.2.15-2+b2', purl: 'pkg:deb/debian/bash@5.2.15-2+b2?arch=amd64&upstream=bash%405.2.15-2' },
              {
                type: 'library',
                name: 'openssl-libs',
                version: '3.0.7-18.el9_2',
                purl: 'pkg:rpm/redhat/openssl-libs@3.0.7-18.el9_2?arch=x86_64&epoch=1&upstream=openssl-3.0.7-18.el9_2.src.rpm',
              },
            ],
          },
        ]),
      ),
    );
    expect(r.items).toEqual([
      { ecosystem: 'deb', name: 'bash', version: '5.2.15-2+b2', arch: 'amd64', sourceName: 'bash', sourceVersion: '5.2.15-2' },
      { ecosystem: 'deb', name: 'libssl3', version: '3.0.11-1~deb12u2', arch: 'amd64', sourceName: 'openssl', sourceVersion: '3.0.11-1~deb12u2' },
      { ecosystem: 'npm', name: 'app', version: '1.0', arch: null, sourceName: null, sourceVersion: null },
      { ecosystem: 'rpm', name: 'openssl-libs', version: '1:3.0.7-18.el9_2', arch: 'x86_64', sourceName: 'openssl', sourceVersion: '1:3.0.7-18.el9_2' },
    ]);
    expect(r.meta.os).toEqual({ family: 'debian', release: '12', name: 'debian' });
    expect(r.meta.skipped).toEqual({ 'type operating-system': 1 });
  });

  it('skips versionless components and non-software types with a count, and does not fail the SBOM', () => {
    const r = ok(parseCycloneDx(bom([{ name: 'a', version: '1.0' }, { name: 'b' }, { name: 'c', purl: 'pkg:npm/c' }, { type: 'file', name: '/etc/passwd' }])));
    expect(r.items.map((i) => `${i.ecosystem}:${i.name}`)).toEqual(['generic:a']);
    expect(r.meta.skipped).toEqual({ 'no version': 2, 'type file': 1 });
  });

  it('uses defaultEcosystem and group for components without a purl; warns about a malformed purl', () => {
    const r = ok(
      parseCycloneDx(bom([{ name: 'jackson-core', group: 'com.fasterxml.jackson.core', version: '2.9.10', purl: 'not a purl' }]), {
        defaultEcosystem: 'maven',
      }),
    );
    expect(r.items).toMatchObject([{ ecosystem: 'maven', name: 'com.fasterxml.jackson.core:jackson-core', version: '2.9.10' }]);
    expect(r.meta.warnings).toEqual([expect.stringContaining('components.0.purl')]);
  });

  it('refuses garbage JSON with the line where parsing stopped', () => {
    const r = parseCycloneDx('{\n  "bomFormat": "CycloneDX",\n  oops\n}');
    expect(r.ok ? null : r.errors).toEqual([{ line: 3, message: expect.stringContaining('not valid JSON') }]);
    expect(parseCycloneDx('garbage').ok).toBe(false);
  });

  it('says that XML is not supported rather than reporting a JSON syntax error', () => {
    const r = parseCycloneDx('<?xml version="1.0"?>\n<bom xmlns="http://cyclonedx.org/schema/bom/1.4"/>');
    expect(r.ok ? null : r.errors[0].message).toMatch(/looks like XML/);
  });

  it('caps the error list and says how many more there were', () => {
    const r = parseCycloneDx(bom(Array.from({ length: 60 }, () => ({ version: '1' }))));
    expect(r.ok ? null : [r.errors.length, r.errors[50].message]).toEqual([51, '…and 10 more problems']);
  });

  it('refuses a wrong bomFormat, a non-array components and a nameless nested component, naming each field', () => {
    const fields = (text: string) => {
      const r = parseCycloneDx(text);
      return r.ok ? [] : r.errors.map((e) => e.field);
    };
    expect(fields(JSON.stringify({ bomFormat: 'SPDX', components: [] }))).toEqual(['bomFormat']);
    expect(fields(JSON.stringify({ components: [] }))).toEqual(['bomFormat']);
    expect(fields(bom({ a: 1 }))).toEqual(['components']);
    expect(fields(bom([{ name: 'x', version: '1', components: [{ version: '2' }] }]))).toEqual(['components.0.components.0.name']);
    expect(fields(bom([{ name: 'x', version: 1 }]))).toEqual(['components.0.version']);
  });

  it('refuses a component whose name has whitespace, naming its path, and returns no items', () => {
    const r = parseCycloneDx(
      bom([
        { name: 'ok', version: '1' },
        { name: 'My App', version: '1' },
      ]),
    );
    expect(r).toEqual({ ok: false, errors: [{ field: 'components.1.name', message: expect.stringContaining('whitespace') }] });
  });

  it('refuses an SBOM with an empty components list instead of importing nothing', () => {
    expect(parseCycloneDx(bom([]))).toEqual({ ok: false, errors: [{ message: 'the SBOM lists no components' }] });
  });
});
