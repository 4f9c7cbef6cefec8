import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { TCvss, TPatchDraft, TPatchFix, TReference } from '@/lib/domain/patch';
import { parseCvss, pickSeverity, strongestVendorSeverity } from '@/lib/domain/severity';
import { cleanReferences, clip, extractCves, fail, finalise, isoDateTime, stripBom, zodFailure, type TTransformResult } from '../common';
import { ZCvrfDocument, type TCvrfDocument, type TCvrfVulnerability } from './schema';

const parser = new XMLParser({
  ignoreAttributes: (name: string) => name.startsWith('xmlns'),
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

/** A KB number in a remediation: Description is the bare number ('5033375'), URLs carry 'KB5033375' or '?q=KB…'. */
function kbOf(description: string | undefined, url: string | undefined): string | null {
  const d = description?.trim() ?? '';
  if (/^\d{6,8}$/.test(d)) return `KB${d}`;
  const m = /\bKB\s?(\d{6,8})\b/i.exec(`${d} ${url ?? ''}`);
  return m ? `KB${m[1]}` : null;
}

type TKbGroup = {
  kb: string;
  vulns: Set<TCvrfVulnerability>;
  /** product id -> fixed builds named by this KB */
  products: Map<string, Set<string>>;
  urls: Set<string>;
  subTypes: Set<string>;
  supersedes: Set<string>;
};

/**
 * Microsoft CVRF 1.1 (MSRC monthly or out-of-band document, prefixed or default-namespace XML) -> one
 * patch per KB article. A KB's patch lists the CVEs whose Vendor Fix names it, one 'windows' fix per product
 * (distro and package = the product name, fixedVersion = FixedBuild where given), the strongest MSRC
 * severity among its products and the CVSS vectors scored for them. Vendor fixes without a KB (Edge
 * "Release Notes", Office "Click to Run") are reported in the warnings and not imported.
 */
export function transformCvrf(text: string): TTransformResult {
  const body = stripBom(text);
  const valid = XMLValidator.validate(body);
  if (valid !== true) return fail(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  let raw: unknown;
  try {
    raw = parser.parse(body);
  } catch (e) {
    return fail(`not well-formed XML: ${(e as Error).message}`);
  }
  const parsed = ZCvrfDocument.safeParse(raw);
  if (!parsed.success) return zodFailure(parsed.error, 'CVRF document');
  const doc = parsed.data.cvrfdoc;

  const warnings: string[] = [];
  const names = productNames(parsed.data);
  const groups = new Map<string, TKbGroup>();
  const withoutKb = new Map<string, Set<string>>();
  for (const v of doc.Vulnerability) {
    for (const r of v.Remediations?.Remediation ?? []) {
      if (r['@_Type'] !== 'Vendor Fix') continue;
      const kb = kbOf(r.Description, r.URL);
      if (!kb) {
        const label = r.Description?.trim() || 'no description';
        withoutKb.set(label, (withoutKb.get(label) ?? new Set()).add(v.CVE ?? v.Title ?? '?'));
        continue;
      }
      const g = groups.get(kb) ?? { kb, vulns: new Set(), products: new Map(), urls: new Set(), subTypes: new Set(), supersedes: new Set() };
      groups.set(kb, g);
      g.vulns.add(v);
      for (const pid of r.ProductID) {
        const builds = g.products.get(pid) ?? new Set<string>();
        if (r.FixedBuild?.trim()) builds.add(r.FixedBuild.trim());
        g.products.set(pid, builds);
      }
      if (r.URL?.trim()) g.urls.add(r.URL.trim());
      if (r.SubType?.trim()) g.subTypes.add(r.SubType.trim());
      if (r.Supercedence?.trim()) g.supersedes.add(r.Supercedence.trim());
    }
  }
  for (const [label, cves] of withoutKb) {
    warnings.push(
      `Vendor Fix "${label}" names no KB article — not imported (${cves.size} vulnerabilities: ${[...cves].slice(0, 5).join(', ')}${cves.size > 5 ? ', …' : ''})`,
    );
  }
  if (groups.size === 0) return fail(`${doc.DocumentTracking.Identification.ID}: no Vendor Fix remediation names a KB article`, 'Vulnerability[].Remediations');

  const docRevision = doc.DocumentTracking.RevisionHistory?.Revision.at(-1)?.Number?.trim() || doc.DocumentTracking.Version;
  const drafts = [...groups.values()].sort((a, b) => a.kb.localeCompare(b.kb)).map((g) => kbDraft(g, doc, names, warnings, docRevision));
  return finalise(drafts, warnings);
}

function productNames(doc: TCvrfDocument): Map<string, string> {
  const names = new Map<string, string>();
  type TNode = TCvrfDocument['cvrfdoc']['ProductTree'];
  const walk = (node: Pick<TNode, 'FullProductName' | 'Branch'>) => {
    for (const p of node.FullProductName) names.set(p['@_ProductID'], p['#text'].trim());
    for (const b of node.Branch) walk(b);
  };
  walk(doc.cvrfdoc.ProductTree);
  return names;
}

const natural = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

function kbDraft(g: TKbGroup, doc: TCvrfDocument['cvrfdoc'], names: Map<string, string>, warnings: string[], docRevision: string): TPatchDraft {
  const vulns = [...g.vulns];
  const inKb = (ids: readonly string[]) => ids.length === 0 || ids.some((id) => g.products.has(id));

  const fixes: TPatchFix[] = [];
  for (const [pid, builds] of g.products) {
    const name = names.get(pid);
    if (!name) {
      warnings.push(`${g.kb}: product id ${pid} is not in the ProductTree — skipped`);
      continue;
    }
    const fixedVersion = [...builds].sort(natural).at(-1) ?? null;
    fixes.push({
      ecosystem: 'windows',
      distro: name,
      packageName: name,
      nameKind: 'any',
      fixedVersion,
      introduced: null,
      lastAffected: null,
      arch: null,
      kb: g.kb,
      productIds: [pid],
    });
  }

  const severityWords = vulns.flatMap((v) =>
    (v.Threats?.Threat ?? []).filter((t) => t['@_Type'] === 'Severity' && inKb(t.ProductID)).map((t) => t.Description),
  );
  const vendorSeverity = strongestVendorSeverity(severityWords);
  const byVector = new Map<string, TCvss>();
  for (const v of vulns) {
    for (const s of v.CVSSScoreSets?.ScoreSet ?? []) {
      if (!s.Vector || !inKb(s.ProductID)) continue;
      const cvss = parseCvss(s.Vector);
      if (cvss) byVector.set(cvss.vector, cvss);
      else warnings.push(`${v.CVE ?? g.kb}: CVSS vector "${s.Vector}" could not be scored — ignored`);
    }
  }
  const cvss = [...byVector.values()];

  // The KB's own revision: the latest revision of the vulnerabilities it fixes, so a document revision that
  // only touches other CVEs does not count as a revision of this patch.
  const vulnDates = vulns.flatMap((v) => (v.RevisionHistory?.Revision ?? []).map((r) => isoDateTime(r.Date))).filter((d): d is string => !!d);
  const latest = vulnDates.sort().at(-1) ?? null;
  const cves = extractCves(...vulns.map((v) => v.CVE));
  const productList = fixes.map((f) => f.packageName);
  const what = [...g.subTypes][0] ?? 'Update';
  const title = `${g.kb}: ${what} for ${productList[0] ?? 'Microsoft products'}${productList.length > 1 ? ` and ${productList.length - 1} more` : ''} (${doc.DocumentTitle.trim()})`;
  const refs: { url: string; label?: string }[] = [
    { url: `https://support.microsoft.com/help/${g.kb.slice(2)}`, label: g.kb },
    ...[...g.urls].map((url) => ({ url, label: 'download' })),
    ...cves.map((cve) => ({ url: `https://msrc.microsoft.com/update-guide/vulnerability/${cve}`, label: cve })),
  ];
  const supersedes = g.supersedes.size ? `\nSupersedes: ${[...g.supersedes].sort(natural).join(', ')}` : '';

  return {
    source: 'cvrf',
    vendorId: g.kb,
    title: clip(title, 300) ?? g.kb,
    summary: clip(vulns.map((v) => [v.CVE, v.Title].filter(Boolean).join(': ')).join('\n') + supersedes),
    cves,
    severity: pickSeverity(vendorSeverity, cvss),
    vendorSeverity,
    cvss,
    published: isoDateTime(doc.DocumentTracking.InitialReleaseDate),
    revised: latest ?? isoDateTime(doc.DocumentTracking.CurrentReleaseDate),
    revision: latest ?? docRevision,
    references: cleanReferences(refs) as TReference[],
    fixes,
  };
}
