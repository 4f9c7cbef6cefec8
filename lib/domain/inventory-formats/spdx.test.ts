import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '@/lib/testing/corpus';
import { parseSpdx } from './spdx';
import type { TParseResult } from './types';

function ok(r: TParseResult) {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r;
}

describeCorpus('SPDX SBOM of the Red Hat ubi9-micro image', () => {
  it('reads the 20 rpm packages and leaves out the image itself and its parent image', () => {
    // Counted with Python: 22 packages; 2 have a pkg:oci purl (the DESCRIBES target
    // SPDXRef-ubi9-micro-container-amd64 and the parent image SPDXRef-parent-image-0-amd64); 20 pkg:rpm.
    const r = ok(parseSpdx(readCorpus('inventories', 'spdx-ubi9-micro-9.4-6_amd64.spdx.json')));
    expect(r.items).toHaveLength(20);
    expect(r.items.every((i) => i.ecosystem === 'rpm')).toBe(true);
    expect(r.meta.skipped).toEqual({ 'described root': 1, 'container image': 1 });
    expect(r.meta.component).toEqual({ name: 'ubi9-micro-container_amd64', version: '9.4-6.1716471860' });
    // The purl's version is the full EVR; versionInfo only says '5.1.8'.
    expect(r.items.find((i) => i.name === 'bash')).toEqual({
      ecosystem: 'rpm',
      name: 'bash',
      version: '5.1.8-9.el9',
      arch: 'x86_64',
      sourceName: null,
      sourceVersion: null,
    });
    expect(r.items.find((i) => i.name === 'tzdata')).toMatchObject({ version: '2024a-1.el9', arch: 'noarch' });
  });
});

const doc = (packages: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ spdxVersion: 'SPDX-2.3', SPDXID: 'SPDXRef-DOCUMENT', packages, ...extra });
const purl = (locator: string) => [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: locator }];

describe('parseSpdx', () => {
  it('skips the described root only when it contains packages, and falls back to name/versionInfo', () => {
    const packages = [
      { SPDXID: 'SPDXRef-app', name: 'my-app', versionInfo: '2.0' },
      { SPDXID: 'SPDXRef-a', name: 'left-pad', versionInfo: '1.3.0', externalRefs: purl('pkg:npm/left-pad@1.3.0') },
      { SPDXID: 'SPDXRef-b', name: 'zlib', versionInfo: '1.3' },
      { SPDXID: 'SPDXRef-c', name: 'nover', versionInfo: 'NOASSERTION' },
    ];
    const relationships = [
      { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-app' },
      { spdxElementId: 'SPDXRef-app', relationshipType: 'DEPENDS_ON', relatedSpdxElement: 'SPDXRef-a' },
    ];
    const r = ok(parseSpdx(doc(packages, { relationships })));
    expect(r.items.map((i) => `${i.ecosystem}:${i.name}@${i.version}`)).toEqual(['generic:zlib@1.3', 'npm:left-pad@1.3.0']);
    expect(r.meta.skipped).toEqual({ 'described root': 1, 'no version': 1 });
    expect(r.meta.component).toEqual({ name: 'my-app', version: '2.0' });
  });

  it('keeps a described package that contains nothing (an SBOM of one package)', () => {
    const r = ok(parseSpdx(doc([{ SPDXID: 'SPDXRef-a', name: 'zlib', versionInfo: '1.3' }], { documentDescribes: ['SPDXRef-a'] })));
    expect(r.items).toHaveLength(1);
  });

  it('turns an OPERATING-SYSTEM package into meta.os', () => {
    const r = ok(
      parseSpdx(
        doc([
          { SPDXID: 'SPDXRef-os', name: 'alpine', versionInfo: '3.19.1', primaryPackagePurpose: 'OPERATING-SYSTEM' },
          {
            SPDXID: 'SPDXRef-b',
            name: 'busybox',
            versionInfo: '1.36.1-r15',
            externalRefs: purl('pkg:apk/alpine/busybox@1.36.1-r15?arch=x86_64&upstream=busybox'),
          },
        ]),
      ),
    );
    expect(r.meta.os).toEqual({ family: 'alpine', release: '3.19.1', name: 'alpine' });
    expect(r.items).toEqual([{ ecosystem: 'apk', name: 'busybox', version: '1.36.1-r15', arch: 'x86_64', sourceName: 'busybox', sourceVersion: '1.36.1-r15' }]);
  });

  it('refuses non-SPDX and malformed documents, naming the field', () => {
    const fields = (text: string) => {
      const r = parseSpdx(text);
      return r.ok ? [] : r.errors.map((e) => e.field);
    };
    expect(fields(JSON.stringify({ packages: [] }))).toEqual(['spdxVersion']);
    expect(fields(JSON.stringify({ spdxVersion: 'SPDX-3.0', packages: [] }))).toEqual(['spdxVersion']);
    expect(fields(JSON.stringify({ spdxVersion: 'SPDX-2.3' }))).toEqual(['packages']);
    expect(fields(doc([{ SPDXID: 'x' }]))).toEqual(['packages.0.name']);
    expect(parseSpdx('{"spdxVersion": ').ok).toBe(false);
  });
});
