import { z } from 'zod';
import { ZKevRecord, type TKevRecord } from '@/lib/domain/patch';
import { fail, parseJson, zodFailure, type TTransformFailure } from '../common';

const ZKevCatalog = z.object({
  catalogVersion: z.string().min(1),
  dateReleased: z.string().min(1),
  count: z.number().int().nonnegative(),
  vulnerabilities: z.array(
    z.object({
      cveID: z.string().regex(/^CVE-\d{4}-\d{4,}$/),
      vendorProject: z.string(),
      product: z.string(),
      dateAdded: z.iso.date(),
      dueDate: z.iso.date(),
      knownRansomwareCampaignUse: z.string(),
    }),
  ),
});

export type TKevCatalog = { catalogVersion: string; dateReleased: string; records: TKevRecord[] };
export type TKevResult = ({ ok: true; warnings: string[] } & TKevCatalog) | TTransformFailure;

/**
 * CISA Known Exploited Vulnerabilities catalog -> enrichment records joined to patches by CVE. The catalog is
 * the whole list every time: `catalogVersion` tells whether anything changed since the last import.
 */
export function transformKev(text: string): TKevResult {
  const raw = parseJson(text);
  if (!raw.ok) return raw;
  const parsed = ZKevCatalog.safeParse(raw.value);
  if (!parsed.success) return zodFailure(parsed.error, 'KEV catalog');
  const cat = parsed.data;
  const warnings: string[] = [];
  if (cat.count !== cat.vulnerabilities.length) {
    warnings.push(`count: the catalog says ${cat.count} entries but lists ${cat.vulnerabilities.length}`);
  }
  const byCve = new Map<string, TKevRecord>();
  for (const v of cat.vulnerabilities) {
    if (byCve.has(v.cveID)) warnings.push(`vulnerabilities: ${v.cveID} is listed twice — kept the first`);
    else {
      byCve.set(
        v.cveID,
        ZKevRecord.parse({
          cve: v.cveID,
          dateAdded: v.dateAdded,
          dueDate: v.dueDate,
          knownRansomware: v.knownRansomwareCampaignUse.trim().toLowerCase() === 'known',
          vendorProject: v.vendorProject,
          product: v.product,
        }),
      );
    }
  }
  if (byCve.size === 0) return fail('vulnerabilities: the catalog lists no entries', 'vulnerabilities');
  return { ok: true, catalogVersion: cat.catalogVersion, dateReleased: cat.dateReleased, records: [...byCve.values()], warnings };
}
