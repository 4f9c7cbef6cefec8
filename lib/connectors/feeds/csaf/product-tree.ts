import type { TBranch, TFullProductName, TProductTree } from './schema';

/** A product id resolved against the product tree: the branch path it sits under, its helpers, and for a
 * relationship ("X as a component of Y") the component and the platform it belongs to. */
export type TProduct = {
  id: string;
  name: string;
  vendor: string | null;
  family: string | null;
  product: string | null;
  /** product_version / service_pack / patch_level branch: one exact version. */
  version: string | null;
  /** product_version_range branch: a vers: string or vendor free text. */
  range: string | null;
  arch: string | null;
  cpe: string | null;
  purl: string | null;
  component?: TProduct;
  platform?: TProduct;
};

type TPath = Omit<TProduct, 'id' | 'name' | 'cpe' | 'purl' | 'component' | 'platform'>;

const EMPTY: TPath = { vendor: null, family: null, product: null, version: null, range: null, arch: null };

function extend(path: TPath, b: TBranch): TPath {
  switch (b.category) {
    case 'vendor':
      return { ...path, vendor: b.name };
    case 'product_family':
      return { ...path, family: b.name };
    case 'product_name':
      return { ...path, product: b.name };
    case 'product_version':
    case 'service_pack':
    case 'patch_level':
      return { ...path, version: b.name };
    case 'product_version_range':
      return { ...path, range: b.name };
    case 'architecture':
      return { ...path, arch: b.name };
    default:
      return path;
  }
}

function leaf(fpn: TFullProductName, path: TPath): TProduct {
  const h = fpn.product_identification_helper;
  return { ...path, id: fpn.product_id, name: fpn.name, cpe: h?.cpe ?? null, purl: h?.purl ?? null };
}

/** Every product id of the tree: branch leaves (recursive), full_product_names, then relationships. */
export function indexProducts(tree: TProductTree | undefined): Map<string, TProduct> {
  const index = new Map<string, TProduct>();
  const walk = (branches: readonly TBranch[] | undefined, path: TPath) => {
    for (const b of branches ?? []) {
      const here = extend(path, b);
      if (b.product) index.set(b.product.product_id, leaf(b.product, here));
      walk(b.branches, here);
    }
  };
  walk(tree?.branches, EMPTY);
  for (const fpn of tree?.full_product_names ?? []) index.set(fpn.product_id, leaf(fpn, EMPTY));
  // Relationships can chain (an rpm is a component of a module stream, which is a component of RHEL 8.6 AUS)
  // and need not be in dependency order: register those whose references resolve, pass after pass.
  let pending = [...(tree?.relationships ?? [])];
  while (pending.length > 0) {
    const ready = pending.filter((r) => index.has(r.product_reference) && index.has(r.relates_to_product_reference));
    const batch = ready.length > 0 ? ready : pending;
    for (const r of batch) {
      const component = index.get(r.product_reference);
      const platform = index.get(r.relates_to_product_reference);
      index.set(r.full_product_name.product_id, {
        ...leaf(r.full_product_name, EMPTY),
        ...(component ? { component } : {}),
        ...(platform ? { platform } : {}),
      });
    }
    pending = pending.filter((r) => !batch.includes(r));
  }
  return index;
}

/** Display name of a product family: vendor + product (or family), without repeating the vendor. */
export function productLabel(p: TProduct): string {
  const base = p.product ?? p.family;
  if (!base) return p.name;
  if (!p.vendor || base.toLowerCase().startsWith(p.vendor.toLowerCase())) return base;
  return `${p.vendor} ${base}`;
}

/** 'RHEL:N' from the first platform up the relationship chain whose CPE names a RHEL release. */
export function rhelOfPlatform(p: TProduct): string | null {
  for (let q = p.platform; q; q = q.platform) {
    const rhel = rhelFromCpe(q.cpe) ?? (q.component ? rhelFromCpe(q.component.cpe) : null);
    if (rhel) return rhel;
  }
  return null;
}

/**
 * 'RHEL:9' for a Red Hat platform CPE: cpe:/o:redhat:enterprise_linux:9::baseos, cpe:/a:redhat:rhel_eus:9.2::appstream,
 * or a layered product built for a RHEL release (cpe:/a:redhat:openshift:4.6::el8 -> 'RHEL:8'). Null otherwise.
 */
export function rhelFromCpe(cpe: string | null | undefined): string | null {
  if (!cpe) return null;
  const parts = cpe.replace(/^cpe:\/[aoh]:/, '').split(':');
  // Rebuilds of RHEL publish CSAF with their own CPEs (cpe:/o:almalinux:almalinux:9, cpe:/o:rocky:rocky:9).
  const rebuild = { almalinux: 'AlmaLinux', rocky: 'Rocky' }[parts[0] as 'almalinux' | 'rocky'];
  if (rebuild) {
    const major = /^(\d+)/.exec(parts[2] ?? '')?.[1];
    return major ? `${rebuild}:${major}` : null;
  }
  if (parts[0] !== 'redhat') return null;
  const product = parts[1] ?? '';
  if (product === 'enterprise_linux' || product.startsWith('rhel_')) {
    const major = /^(\d+)/.exec(parts[2] ?? '')?.[1];
    return major ? `RHEL:${major}` : null;
  }
  const el = parts
    .slice(2)
    .map((s) => /^el(\d+)/.exec(s)?.[1])
    .find(Boolean);
  return el ? `RHEL:${el}` : null;
}

export type TPurl = { type: string; namespace: string | null; name: string; version: string | null; qualifiers: Record<string, string> };

/** Minimal package-url parser (https://github.com/package-url/purl-spec): enough for rpm, oci and language purls. */
export function parsePurl(purl: string): TPurl | null {
  const m = /^pkg:([a-zA-Z][a-zA-Z0-9.+-]*)\/([^?#@]+)(?:@([^?#]+))?(?:\?([^#]*))?/.exec(purl.trim());
  if (!m) return null;
  const segments = m[2].split('/').filter(Boolean).map(decodeURIComponent);
  const name = segments.pop();
  if (!name) return null;
  const qualifiers: Record<string, string> = {};
  for (const pair of (m[4] ?? '').split('&')) {
    const [k, v] = pair.split('=');
    if (k && v !== undefined) qualifiers[k.toLowerCase()] = decodeURIComponent(v);
  }
  return {
    type: m[1].toLowerCase(),
    namespace: segments.length ? segments.join('/') : null,
    name,
    version: m[3] ? decodeURIComponent(m[3]) : null,
    qualifiers,
  };
}

const RPM_ARCHES = new Set([
  'src',
  'noarch',
  'x86_64',
  'i386',
  'i486',
  'i586',
  'i686',
  'athlon',
  'aarch64',
  'ppc',
  'ppc64',
  'ppc64le',
  'ppc64p7',
  's390',
  's390x',
  'ia64',
  'armv7hl',
  'x86_64_v2',
]);

export type TNevra = { name: string; epoch: string | null; version: string; release: string; arch: string };

/** 'telnet-1:0.17-65.el7_6.x86_64' -> name telnet, epoch 1, version 0.17, release 65.el7_6, arch x86_64 (older Red Hat CSAF has no purls). */
export function parseNevra(text: string): TNevra | null {
  const m = /^([^\s/:]+)-(?:(\d+):)?([^-\s:]+)-([^-\s]+)\.([a-z0-9_]+)$/.exec(text.trim());
  if (!m || !RPM_ARCHES.has(m[5])) return null;
  return { name: m[1], epoch: m[2] ?? null, version: m[3], release: m[4], arch: m[5] };
}
