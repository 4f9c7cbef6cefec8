import { z } from 'zod';
import { InventoryBuilder, parseJsonText, schemaFailure } from './builder';
import { osFamilyFromId, osFromDistroQualifier } from './os-release';
import { itemFromPurl, parsePurl, qualifiedName } from './purl';
import type { TParseOptions, TParseResult } from './types';

const ZPackage = z.object({
  SPDXID: z.string(),
  name: z.string(),
  versionInfo: z.string().optional(),
  primaryPackagePurpose: z.string().optional(),
  externalRefs: z.array(z.object({ referenceType: z.string(), referenceLocator: z.string() })).optional(),
});

const ZDocument = z.object({
  spdxVersion: z.string({ error: 'spdxVersion is missing: not an SPDX JSON document' }).regex(/^SPDX-2\.\d+$/, 'only SPDX 2.x JSON is supported'),
  documentDescribes: z.array(z.string()).optional(),
  packages: z.array(ZPackage, {
    error: (iss) => (iss.input === undefined ? 'packages is missing: this document lists no inventory' : 'packages must be an array'),
  }),
  relationships: z.array(z.object({ spdxElementId: z.string(), relationshipType: z.string(), relatedSpdxElement: z.string() })).optional(),
});

/** Purl types that name an image, not a package in it. */
const IMAGE_PURL_TYPES = new Set(['oci', 'docker']);

/**
 * SPDX 2.x JSON. Each package is identified by its first purl external reference (whose version is
 * the full one: Red Hat writes versionInfo '5.1.8' but purl '…@5.1.8-9.el9'), else by
 * name/versionInfo with `defaultEcosystem`.
 * Not inventory, skipped and counted: (1) the package the document DESCRIBES when it contains other
 * packages — it is the image or application itself and becomes meta.component; (2) any package
 * whose purl is an image (pkg:oci, pkg:docker) or whose purpose is CONTAINER, such as the parent
 * image; (3) OPERATING-SYSTEM packages, which become meta.os. Versionless packages are skipped too.
 */
export function parseSpdx(text: string, opts: TParseOptions = {}): TParseResult {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, errors: [json.issue] };
  const parsed = ZDocument.safeParse(json.value);
  if (!parsed.success) return schemaFailure(parsed.error.issues);
  const doc = parsed.data;
  const relationships = doc.relationships ?? [];
  const described = new Set(doc.documentDescribes ?? []);
  for (const r of relationships) {
    if (r.spdxElementId === 'SPDXRef-DOCUMENT' && r.relationshipType === 'DESCRIBES') described.add(r.relatedSpdxElement);
    if (r.relatedSpdxElement === 'SPDXRef-DOCUMENT' && r.relationshipType === 'DESCRIBED_BY') described.add(r.spdxElementId);
  }
  // Packages that hold others: the image or application an SBOM is about, not an installed item.
  const containers = new Set<string>();
  for (const r of relationships) {
    if (r.relationshipType === 'CONTAINS' || r.relationshipType === 'DEPENDS_ON') containers.add(r.spdxElementId);
    if (r.relationshipType === 'CONTAINED_BY' || r.relationshipType === 'DEPENDENCY_OF') containers.add(r.relatedSpdxElement);
  }
  const defaultEcosystem = opts.defaultEcosystem ?? 'generic';
  const b = new InventoryBuilder();

  doc.packages.forEach((p, i) => {
    const path = `packages.${i}`;
    const versionInfo = p.versionInfo && p.versionInfo !== 'NOASSERTION' ? p.versionInfo.trim() : null;
    const purlRef = p.externalRefs?.find((r) => r.referenceType === 'purl')?.referenceLocator;
    const purl = purlRef ? parsePurl(purlRef) : null;
    if (purlRef && !purl) b.warn(`${path}.externalRefs: "${purlRef.slice(0, 120)}" is not a valid purl; used name and versionInfo instead`);
    if (described.has(p.SPDXID) && containers.has(p.SPDXID)) {
      b.meta.component ??= { name: p.name, version: versionInfo };
      return b.skip('described root');
    }
    if ((purl && IMAGE_PURL_TYPES.has(purl.type)) || p.primaryPackagePurpose === 'CONTAINER') return b.skip('container image');
    if (p.primaryPackagePurpose === 'OPERATING-SYSTEM') {
      b.meta.os ??= { family: osFamilyFromId(p.name), release: versionInfo ?? 'unknown', name: p.name };
      return b.skip('operating-system');
    }
    if (purl?.qualifiers.distro && !b.meta.os) {
      const os = osFromDistroQualifier(purl.qualifiers.distro);
      if (os) b.meta.os = os;
    }
    const item = purl
      ? itemFromPurl(purl, versionInfo)
      : versionInfo
        ? {
            ecosystem: defaultEcosystem,
            name: qualifiedName(defaultEcosystem, null, p.name.trim()),
            version: versionInfo,
            arch: null,
            sourceName: null,
            sourceVersion: null,
          }
        : null;
    if (!item) return b.skip('no version');
    b.add(item, { path });
  });
  return b.result('spdx', 'the document lists no packages');
}
