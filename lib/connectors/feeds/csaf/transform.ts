import type { TCvss, TPatchDraft } from '@/lib/domain/patch';
import { parseCvss, pickSeverity, strongestVendorSeverity } from '@/lib/domain/severity';
import { cleanReferences, clip, dedupeFixes, extractCves, fail, finalise, isoDateTime, parseJson, zodFailure, type TTransformResult } from '../common';
import { buildFixes, candidateFor, type TCandidate, type TStatus } from './fixes';
import { indexProducts } from './product-tree';
import { ZCsafDocument, type TCsafDocument, type TCsafVulnerability } from './schema';

/** product_status keys that make a product part of the patch; known_not_affected and under_investigation do not. */
const STATUS_OF: Record<string, TStatus> = {
  fixed: 'fixed',
  first_fixed: 'fixed',
  recommended: 'fixed',
  known_affected: 'affected',
  first_affected: 'affected',
  last_affected: 'affected',
};

/**
 * CSAF 2.0 document -> one patch draft (vendorId = document.tracking.id).
 *
 * Red Hat: rpm fixes come from each product's purl (pkg:rpm/redhat/openssl@3.0.7-25.el9_3?arch=x86_64&epoch=1
 * -> '1:3.0.7-25.el9_3'), or from the NEVRA product name in older documents, and the distro from the CPE of
 * the platform in the relationship (cpe:/o:redhat:enterprise_linux:9 -> 'RHEL:9').
 * Other vendors' products (ICS, network gear, Microsoft) become 'generic'/'windows' fixes per product family
 * carrying product ids, affected versions/ranges and the fixed version where the document states one.
 * A document in which no product is affected or fixed (pure "not affected" VEX, informational advisories)
 * is rejected: it describes nothing to patch.
 */
export function transformCsaf(text: string): TTransformResult {
  const raw = parseJson(text);
  if (!raw.ok) return raw;
  const parsed = ZCsafDocument.safeParse(raw.value);
  if (!parsed.success) return zodFailure(parsed.error, 'CSAF document');
  const doc = parsed.data;
  const id = doc.document.tracking.id;
  const vulns = doc.vulnerabilities ?? [];
  if (vulns.length === 0) return fail(`${id} (${doc.document.category}) has no vulnerabilities — nothing to patch`, 'vulnerabilities');

  const warnings: string[] = [];
  const products = indexProducts(doc.product_tree);
  const isMicrosoft = /microsoft/i.test(doc.document.publisher.name);
  const candidates: TCandidate[] = [];
  const missing = new Set<string>();
  for (const [vi, v] of vulns.entries()) {
    for (const [key, status] of Object.entries(STATUS_OF)) {
      for (const pid of v.product_status?.[key as keyof typeof v.product_status] ?? []) {
        const product = products.get(pid);
        if (!product) {
          missing.add(`vulnerabilities[${vi}].product_status.${key}: ${pid}`);
          continue;
        }
        const c = candidateFor(product, status, isMicrosoft);
        if (c) candidates.push(c);
      }
    }
  }
  for (const m of missing) warnings.push(`${m} is not in the product tree — skipped`);
  if (candidates.length === 0) {
    return fail(
      `${id}: no product is affected or fixed (product_status lists only known_not_affected / under_investigation)`,
      'vulnerabilities[].product_status',
    );
  }

  const kbOf = kbLookup(vulns);
  const fixes = dedupeFixes(buildFixes(candidates, kbOf, warnings));
  const cvss = collectCvss(vulns, warnings);
  const vendorSeverity =
    doc.document.aggregate_severity?.text ??
    strongestVendorSeverity(vulns.flatMap((v) => (v.threats ?? []).filter((t) => t.category === 'impact').map((t) => t.details)));

  const draft: TPatchDraft = {
    source: 'csaf',
    vendorId: id,
    title: clip(doc.document.title, 300) ?? id,
    summary: clip(summaryOf(doc)),
    cves: extractCves(...vulns.map((v) => v.cve)),
    severity: pickSeverity(vendorSeverity, cvss),
    vendorSeverity: vendorSeverity?.trim() || null,
    cvss,
    published: isoDateTime(doc.document.tracking.initial_release_date),
    revised: isoDateTime(doc.document.tracking.current_release_date),
    revision: doc.document.tracking.version,
    references: cleanReferences(
      [...(doc.document.references ?? []), ...vulns.flatMap((v) => v.references ?? [])].map((r) => ({ url: r.url, label: r.summary })),
    ),
    fixes,
  };
  return finalise([draft], warnings);
}

function summaryOf(doc: TCsafDocument): string | undefined {
  const notes = doc.document.notes ?? [];
  return (notes.find((n) => n.category === 'summary') ?? notes.find((n) => n.category === 'description') ?? notes.find((n) => n.category === 'general'))?.text;
}

const KB = /(?:\bKB\s?|support\.microsoft\.com\/(?:[a-z]{2}-[a-z]{2}\/)?help\/)(\d{6,8})\b/i;

/** The KB article of the vendor_fix remediation that covers any of the given products (Microsoft documents). */
function kbLookup(vulns: readonly TCsafVulnerability[]): (productIds: readonly string[]) => string | null {
  const byProduct = new Map<string, string>();
  for (const v of vulns) {
    for (const r of v.remediations ?? []) {
      if (r.category !== 'vendor_fix') continue;
      const kb = KB.exec(`${r.url ?? ''} ${r.details ?? ''}`)?.[1];
      if (kb) for (const pid of r.product_ids ?? []) if (!byProduct.has(pid)) byProduct.set(pid, `KB${kb}`);
    }
  }
  return (ids) => ids.map((id) => byProduct.get(id)).find(Boolean) ?? null;
}

function collectCvss(vulns: readonly TCsafVulnerability[], warnings: string[]): TCvss[] {
  const byVector = new Map<string, TCvss>();
  for (const v of vulns) {
    for (const s of v.scores ?? []) {
      for (const vec of [s.cvss_v4, s.cvss_v3, s.cvss_v2]) {
        if (!vec) continue;
        const cvss = parseCvss(vec.vectorString);
        if (cvss) byVector.set(cvss.vector, cvss);
        else warnings.push(`${v.cve ?? 'vulnerability'}: CVSS vector "${vec.vectorString}" could not be scored — ignored`);
      }
    }
  }
  return [...byVector.values()];
}
