import { z } from 'zod';
import type { TPackageEcosystem } from '../types';
import { InventoryBuilder, parseJsonText, schemaFailure } from './builder';
import { osFamilyFromId, osFromDistroQualifier } from './os-release';
import { itemFromPurl, parsePurl, qualifiedName, type TPurl } from './purl';
import type { TParseOptions, TParseResult } from './types';

type TComponent = {
  type?: string;
  name: string;
  group?: string;
  version?: string;
  purl?: string;
  'bom-ref'?: string;
  components?: TComponent[];
};

// Only the fields we read; everything else in a component is allowed and ignored.
const ZComponent: z.ZodType<TComponent> = z.object({
  type: z.string().optional(),
  name: z.string(),
  group: z.string().optional(),
  version: z.string().optional(),
  purl: z.string().optional(),
  'bom-ref': z.string().optional(),
  get components() {
    return z.array(ZComponent).optional();
  },
});

const ZBom = z.object({
  bomFormat: z.literal('CycloneDX', { error: 'bomFormat must be "CycloneDX"' }),
  specVersion: z.string().optional(),
  metadata: z.object({ component: z.object({ name: z.string(), version: z.string().optional() }).optional() }).optional(),
  components: z.array(ZComponent, {
    error: (iss) =>
      iss.input === undefined ? 'components is missing: this BOM lists no inventory (a VEX or vulnerability-only document?)' : 'components must be an array',
  }),
});

/**
 * Component types that are software installed on the asset. `operating-system` becomes meta.os;
 * `container`, `file`, `data`, `device`, `platform`… are skipped and counted by type. Their nested
 * components are still read (an image component may nest its packages).
 */
const SOFTWARE_TYPES = new Set(['library', 'framework', 'application', 'firmware', 'device-driver']);

/**
 * CycloneDX JSON 1.2–1.6. Components are read recursively. The package identity comes from the purl
 * (falling back to `bom-ref` when that holds a purl, as Red Hat's SBOMs do for i686 rpms), else from
 * group/name/version with `defaultEcosystem`. A component without any version is skipped and counted
 * (meta.skipped['no version']) rather than failing the SBOM; structural errors (not JSON, wrong
 * bomFormat, components not an array, a component without a name) reject it, naming the field.
 */
export function parseCycloneDx(text: string, opts: TParseOptions = {}): TParseResult {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, errors: [json.issue] };
  const parsed = ZBom.safeParse(json.value);
  if (!parsed.success) return schemaFailure(parsed.error.issues);
  const bom = parsed.data;
  const b = new InventoryBuilder();
  const subject = bom.metadata?.component;
  if (subject) b.meta.component = { name: subject.name, version: subject.version ?? null };
  const walk = (components: TComponent[], path: string) =>
    components.forEach((c, i) => {
      const at = `${path}.${i}`;
      readComponent(b, c, at, opts.defaultEcosystem ?? 'generic');
      if (c.components) walk(c.components, `${at}.components`);
    });
  walk(bom.components, 'components');
  return b.result('cyclonedx', 'the SBOM lists no components');
}

function readComponent(b: InventoryBuilder, c: TComponent, path: string, defaultEcosystem: TPackageEcosystem): void {
  const type = c.type ?? 'library';
  if (type === 'operating-system') {
    b.meta.os ??= { family: osFamilyFromId(c.name), release: c.version ?? 'unknown', name: c.name };
    return b.skip('type operating-system');
  }
  if (!SOFTWARE_TYPES.has(type)) return b.skip(`type ${type}`);
  const purl = purlOf(b, c, path);
  if (purl?.qualifiers.distro && !b.meta.os) {
    const os = osFromDistroQualifier(purl.qualifiers.distro);
    if (os) b.meta.os = os;
  }
  const version = c.version?.trim() || null;
  if (purl) {
    const item = itemFromPurl(purl, version);
    if (!item) return b.skip('no version');
    b.add(item, { path });
    return;
  }
  if (!version) return b.skip('no version');
  const name = qualifiedName(defaultEcosystem, c.group?.trim() || null, c.name.trim());
  b.add({ ecosystem: defaultEcosystem, name, version, arch: null, sourceName: null, sourceVersion: null }, { path });
}

/** The component's purl, or its bom-ref when that is a purl; a malformed one is a warning, not a rejection. */
function purlOf(b: InventoryBuilder, c: TComponent, path: string): TPurl | null {
  if (c.purl) {
    const p = parsePurl(c.purl);
    if (p) return p;
    b.warn(`${path}.purl: "${c.purl.slice(0, 120)}" is not a valid purl; used name and version instead`);
    return null;
  }
  const ref = c['bom-ref'];
  return ref && /^pkg:/i.test(ref) ? parsePurl(ref) : null;
}
